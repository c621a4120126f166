// Builds the console into target/classes/dev/omotenashi/console/, where Maven packs it into the console jar
// and the server serves it at /console/ (ConsoleRoutes): app-[hash].js and app-[hash].css (cached for a
// year: a new build has new names), index.html that loads them (revalidated every time), the campaign editor's
// preview page preview-[hash].html with its script and style (the tag's own renderer, bundled from tag/src),
// and manifest.json listing the files. Usage: node build.mjs [outdir]
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { basename } from 'node:path';

const out = process.argv[2] || 'target/classes/dev/omotenashi/console';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const common = { bundle: true, minify: true, target: 'es2020', legalComments: 'none', logLevel: 'warning', outdir: out, entryNames: '[name]-[hash]', metafile: true };
const names = (result) => Object.keys(result.metafile.outputs).map((f) => basename(f)).filter((f) => !f.endsWith('.map'));

// The preview page: a classic script (a sandboxed frame has an opaque origin, and module scripts would need CORS).
const frame = names(await esbuild.build({ ...common, format: 'iife',
  entryPoints: { preview: 'src/screens/editor/frame.ts', 'preview-style': 'src/screens/editor/frame.css' } }));
const frameHtml = readFileSync('src/screens/editor/frame.html', 'utf8')
  .replace('%JS%', frame.find((f) => f.startsWith('preview-') && f.endsWith('.js')))
  .replace('%CSS%', frame.find((f) => f.startsWith('preview-style-') && f.endsWith('.css')));
const preview = `preview-${createHash('sha256').update(frameHtml).digest('hex').slice(0, 8).toUpperCase()}.html`;
writeFileSync(`${out}/${preview}`, frameHtml);

const result = await esbuild.build({ ...common, format: 'esm',
  entryPoints: { app: 'src/main.ts', style: 'src/app.css' }, define: { __PREVIEW_PAGE__: JSON.stringify(preview) } });
const files = names(result);
const js = files.find((f) => f.startsWith('app-') && f.endsWith('.js'));
const css = files.find((f) => f.startsWith('style-') && f.endsWith('.css'));
const html = readFileSync('src/index.html', 'utf8').replace('%APP_JS%', js).replace('%APP_CSS%', css);
writeFileSync(`${out}/index.html`, html);
const all = ['index.html', ...files, ...frame, preview];
writeFileSync(`${out}/manifest.json`, JSON.stringify({ files: [...all, 'manifest.json'] }, null, 1));
console.log(`console: ${all.join(', ')}`);
