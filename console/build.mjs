// Builds the console into target/classes/dev/omotenashi/console/, where Maven packs it into the console jar
// and the server serves it at /console/ (ConsoleRoutes): app-[hash].js and app-[hash].css (cached for a
// year: a new build has new names), index.html that loads them (revalidated every time), and manifest.json
// listing the files. Usage: node build.mjs [outdir]
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { basename } from 'node:path';

const out = process.argv[2] || 'target/classes/dev/omotenashi/console';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const result = await esbuild.build({
  entryPoints: { app: 'src/main.ts', style: 'src/app.css' },
  bundle: true, minify: true, target: 'es2020', format: 'esm', legalComments: 'none', logLevel: 'warning',
  outdir: out, entryNames: '[name]-[hash]', metafile: true,
});
const files = Object.keys(result.metafile.outputs).map((f) => basename(f));
const js = files.find((f) => f.startsWith('app-') && f.endsWith('.js'));
const css = files.find((f) => f.startsWith('style-') && f.endsWith('.css'));
const html = readFileSync('src/index.html', 'utf8').replace('%APP_JS%', js).replace('%APP_CSS%', css);
writeFileSync(`${out}/index.html`, html);
const all = ['index.html', ...files.filter((f) => !f.endsWith('.map'))];
writeFileSync(`${out}/manifest.json`, JSON.stringify({ files: [...all, 'manifest.json'] }, null, 1));
console.log(`console: ${all.join(', ')}`);
