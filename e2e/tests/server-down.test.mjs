// The shop keeps working when Omotenashi cannot be reached, and the tag writes nothing to the console:
// neither when t.js cannot be loaded, nor when it loaded but every request to /v1/t fails.
// Chromium itself logs each failed request ("Failed to load resource: net::ERR_..."); those lines are the
// browser's, not the page's, and are set apart here; any other console error or uncaught error fails.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { visitor, closeBrowser } from '../lib/shop.mjs';
import { BASE } from '../lib/server.mjs';

after(closeBrowser);

async function browseWithoutTheServer(v) {
  await v.page.goto(BASE + '/demo/items/1');
  await v.page.click('#add-to-cart');
  await v.page.waitForSelector('#added:not([hidden])');
  assert.equal(await v.page.textContent('#nav-cart .count'), '1');
  await v.page.click('#go-cart');
  await v.page.waitForURL(/\/demo\/cart$/);
  assert.equal((await v.page.textContent('#cart-total')).replace(/[^\d]/g, ''), '4500');
  await v.page.mouse.move(640, 400);
  await v.page.mouse.move(640, -20, { steps: 5 });
  await v.page.click('#lang-toggle');
  await v.page.waitForFunction(() => document.documentElement.lang === 'en');
  await v.page.click('#place-order');
  await v.page.waitForURL(/\/demo\/order\/complete$/);
  assert.match(await v.page.textContent('main'), /Thank you for your order/);
  await v.page.waitForTimeout(1500); // the tag's retries
  const pageErrors = v.errors.filter((e) => !e.startsWith('Failed to load resource'));
  assert.deepEqual(pageErrors, []);
  assert.equal(await v.page.locator('omotenashi-action').count(), 0);
}

test('the shop works when t.js cannot be loaded', async () => {
  const v = await visitor('pc');
  await v.context.route('**/t.js', (r) => r.abort('connectionrefused'));
  await browseWithoutTheServer(v);
  await v.leave();
});

test('the shop works and the tag stays silent when the server refuses every request', async () => {
  const v = await visitor('pc');
  await v.context.route('**/v1/t', (r) => r.abort('connectionrefused'));
  await browseWithoutTheServer(v);
  const reported = (await v.events()).filter((e) => e.type === 'error');
  assert.ok(reported.every((e) => e.error !== 'render'), 'no render errors: ' + JSON.stringify(reported));
  await v.leave();
});
