// S02: a visitor from an ad sees products for the ad's keyword; one from Google's organic results does not.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { visitor, closeBrowser } from '../lib/shop.mjs';

after(closeBrowser);

test('S02 landing from an ad shows the keyword in a slide-in', async () => {
  const v = await visitor('pc');
  await v.visit('/category/dresses?utm_source=google&utm_medium=cpc&utm_term=dress');
  await v.shown('ad-keyword-products');
  assert.match(await v.text('ad-keyword-products'), /「dress」をお探しの方へ/);
  await v.closeModals();
  await v.screenshot('S02-ad-keyword-slide-in');
  const p = await v.profile();
  assert.equal(p.sessions[0].source, 'ad');
  assert.equal(p.sessions[0].utm_term, 'dress');
  v.assertNoErrors();
  await v.leave();
});

test('S02 landing from a Google organic result shows nothing of it', async () => {
  const v = await visitor('pc');
  await v.page.goto('about:blank');
  const answered = v.page.waitForResponse((r) => r.url().endsWith('/v1/t'));
  await v.page.goto(process.env.E2E_BASE + '/demo/category/dresses', { referer: 'https://www.google.com/' });
  await answered;
  await v.assertNotDelivered('ad-keyword-products');
  assert.equal((await v.profile()).sessions[0].source, 'search');
  v.assertNoErrors();
  await v.leave();
});
