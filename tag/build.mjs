// Builds t.js (the tag, one classic script) and render.js (the renderer as an ES module, for the console)
// into target/classes/dev/omotenashi/tag/, where Maven packs them into the tag jar; fails when t.js is
// over its budget of 12 KB gzipped (DESIGN.md). Usage: node build.mjs [outdir]
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET = 12 * 1024;
const out = process.argv[2] || 'target/classes/dev/omotenashi/tag';

// style.ts holds readable CSS in a template literal; ship it minified
const minifyCss = {
  name: 'minify-css',
  setup(build) {
    build.onLoad({ filter: /style\.ts$/ }, async (args) => {
      const src = readFileSync(args.path, 'utf8');
      const start = src.indexOf('export const css = `') + 'export const css = `'.length;
      const css = src.slice(start, src.lastIndexOf('`'));
      const min = (await esbuild.transform(css, { loader: 'css', minify: true })).code.trim();
      // a stray backtick once cut the literal wrong and the parser silently dropped the :host rule
      if (!min.startsWith(':host{')) throw new Error('style.ts: the CSS must start with the :host rule, got ' + min.slice(0, 40));
      return { contents: `export const css = ${JSON.stringify(min)};`, loader: 'ts' };
    });
  },
};

const common = { bundle: true, minify: true, target: 'es2020', legalComments: 'none', plugins: [minifyCss], logLevel: 'warning' };
mkdirSync(out, { recursive: true });
await esbuild.build({ ...common, entryPoints: ['src/index.ts'], outfile: `${out}/t.js`, format: 'iife' });
await esbuild.build({ ...common, entryPoints: ['src/render-entry.ts'], outfile: `${out}/render.js`, format: 'esm' });

const js = readFileSync(`${out}/t.js`);
const gz = gzipSync(js, { level: 9 }).length;
console.log(`t.js: ${js.length} bytes, ${gz} bytes gzipped (budget ${BUDGET})`);
if (gz > BUDGET) {
  console.error(`t.js is over its budget: ${gz} > ${BUDGET} bytes gzipped`);
  process.exit(1);
}
