// Draws the demo shop's item pictures: one flat SVG per item of assets/catalog.js, from its `shape`,
// `color` and optional `pattern`. The output (src/main/resources/dev/omotenashi/demo/img/item-<id>.svg)
// is committed, so neither the build nor the server needs Node; run this again after changing the catalog:
//   node demo/tools/make-images.mjs
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..', 'src', 'main', 'resources', 'dev', 'omotenashi', 'demo');
const sandbox = { window: {} };
vm.runInNewContext(fs.readFileSync(path.join(root, 'assets', 'catalog.js'), 'utf8'), sandbox);
const catalog = sandbox.window.OMOTENASHI_DEMO_CATALOG;

// Outlines on a 300 x 300 canvas, centred; simple enough to read at thumbnail size.
const SHAPES = {
  tshirt: 'M105 60 L80 68 L40 105 L62 132 L88 112 L88 245 L212 245 L212 112 L238 132 L260 105 L220 68 L195 60 Q150 88 105 60 Z',
  shirt: 'M108 58 L80 68 L45 110 L45 215 L70 215 L75 125 L88 112 L88 248 L212 248 L212 112 L225 125 L230 215 L255 215 L255 110 L220 68 L192 58 L150 100 Z',
  sweater: 'M110 62 L78 72 L48 120 L42 230 L70 232 L80 132 L90 120 L88 248 L212 248 L210 120 L220 132 L230 232 L258 230 L252 120 L222 72 L190 62 Q150 80 110 62 Z',
  hoodie: 'M110 70 Q150 20 190 70 L222 78 L254 125 L258 235 L230 236 L220 138 L212 128 L212 250 L88 250 L88 128 L80 138 L70 236 L42 235 L46 125 L78 78 Z',
  pants: 'M95 50 L205 50 L215 250 L165 250 L150 120 L135 250 L85 250 Z',
  skirt: 'M110 60 L190 60 L240 235 L60 235 Z',
  shorts: 'M90 80 L210 80 L225 200 L165 205 L150 140 L135 205 L75 200 Z',
  coat: 'M112 48 L78 60 L48 112 L40 250 L70 252 L78 130 L86 118 L84 262 L216 262 L214 118 L222 130 L230 252 L260 250 L252 112 L222 60 L188 48 L150 140 Z',
  jacket: 'M112 58 L78 70 L46 118 L42 225 L70 226 L80 132 L88 122 L88 232 L212 232 L212 122 L220 132 L230 226 L258 225 L254 118 L222 70 L188 58 L150 120 Z',
  cardigan: 'M114 55 L80 66 L50 115 L44 240 L72 242 L80 130 L88 120 L88 255 L146 255 L146 110 L154 110 L154 255 L212 255 L212 120 L220 130 L228 242 L256 240 L250 115 L220 66 L186 55 L150 105 Z',
  dress: 'M118 45 L182 45 L178 70 L196 118 L188 140 L240 258 L60 258 L112 140 L104 118 L122 70 Z',
  sneaker: 'M40 190 L45 130 Q80 125 110 105 L150 120 Q200 150 255 165 Q268 180 262 205 L40 205 Z',
  shoe: 'M45 195 Q40 150 80 140 Q140 130 170 150 Q230 160 258 185 L258 205 L45 205 Z',
  boot: 'M100 60 L170 60 L172 170 Q235 180 250 205 L250 225 L95 225 Z',
  sandal: 'M50 200 Q55 165 100 160 L230 165 Q258 175 255 200 Z M110 162 L140 120 L170 164 Z',
  socks: 'M95 50 L150 50 L150 175 Q150 235 100 240 Q70 240 70 210 Q72 185 95 170 Z M165 60 L220 60 L220 185 Q220 245 170 250 Q140 250 140 220 Q142 195 165 180 Z',
  square: 'M60 60 L240 60 L240 240 L60 240 Z',
  bag: 'M60 110 L240 110 L225 255 L75 255 Z M105 110 Q105 40 150 40 Q195 40 195 110 L182 110 Q182 55 150 55 Q118 55 118 110 Z',
  hat: 'M70 200 Q70 80 150 75 Q230 80 230 200 Z M60 195 L240 195 L240 235 L60 235 Z',
  scarf: 'M110 40 L170 40 L175 250 L150 240 L140 255 L115 245 Z M160 60 L230 120 L205 145 L150 95 Z'
};

function svg(item) {
  const shape = SHAPES[item.shape];
  if (!shape) throw new Error(`item ${item.id}: unknown shape ${item.shape}`);
  const dark = luminance(item.color) < 0.5;
  const bg = dark ? '#f3efe7' : '#e9eef2';
  const line = dark ? '#00000033' : '#00000040';
  let defs = '';
  let fill = item.color;
  if (item.pattern === 'stripes') {
    defs = `<defs><pattern id="p" width="20" height="20" patternUnits="userSpaceOnUse"><rect width="20" height="20" fill="${item.color}"/><rect y="12" width="20" height="8" fill="#ffffff" opacity="0.85"/></pattern></defs>`;
    fill = 'url(#p)';
  } else if (item.pattern === 'dots') {
    defs = `<defs><pattern id="p" width="24" height="24" patternUnits="userSpaceOnUse"><rect width="24" height="24" fill="${item.color}"/><circle cx="8" cy="8" r="4" fill="#ffffff" opacity="0.75"/><circle cx="20" cy="18" r="3" fill="#fff6c7" opacity="0.8"/></pattern></defs>`;
    fill = 'url(#p)';
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 300" width="300" height="300">${defs}`
    + `<rect width="300" height="300" fill="${bg}"/><ellipse cx="150" cy="268" rx="110" ry="12" fill="#00000014"/>`
    + `<path d="${shape}" fill="${fill}" stroke="${line}" stroke-width="3" stroke-linejoin="round" fill-rule="evenodd"/></svg>\n`;
}

function luminance(hex) {
  const n = parseInt(hex.slice(1), 16);
  return (0.299 * (n >> 16) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255)) / 255;
}

fs.mkdirSync(path.join(root, 'img'), { recursive: true });
for (const item of catalog.items) fs.writeFileSync(path.join(root, 'img', `item-${item.id}.svg`), svg(item));
console.log(`wrote ${catalog.items.length} images to ${path.relative(process.cwd(), path.join(root, 'img'))}`);
