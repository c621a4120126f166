// S11: a smartphone visitor still browsing after three minutes is offered a call; not at one minute, and
// never on a PC.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { visitor, closeBrowser } from '../lib/shop.mjs';

after(closeBrowser);

test('S11 four minutes into the session a smartphone shows the call button', async () => {
  const v = await visitor('smartphone');
  await v.visit('/');
  await v.closeModals();
  await v.advance('PT1M');
  await v.visit('/category/outer');
  await v.assertNotDelivered('phone-support');
  await v.closeModals();

  await v.advance('PT3M');
  await v.visit('/items/11');
  const call = await v.shown('phone-support');
  assert.match(await v.text('phone-support'), /お電話でのご相談はこちら/);
  assert.equal(await call.locator('a').first().getAttribute('href'), 'tel:0120123456');
  await v.closeModals();
  await v.screenshot('S11-call-button');
  assert.equal((await v.profile()).sessions[0].device, 'smartphone');
  v.assertNoErrors();
  await v.leave();
});

test('S11 a PC visitor four minutes in does not', async () => {
  const v = await visitor('pc');
  await v.visit('/');
  await v.advance('PT4M');
  await v.visit('/items/11');
  await v.assertNotDelivered('phone-support');
  assert.equal((await v.profile()).sessions[0].device, 'pc');
  v.assertNoErrors();
  await v.leave();
});
