// S12: the registration-complete page shows a coupon, which then follows the visitor on every page of the
// session until it was closed three times, or the visitor bought.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { visitor, closeBrowser } from '../lib/shop.mjs';
import { actionCount } from '../lib/server.mjs';
import { signUp, addToCart, placeOrder, email } from '../lib/flows.mjs';

after(closeBrowser);

test('S12 the coupon follows the visitor until it was closed three times', async () => {
  const v = await visitor('pc');
  await signUp(v, email('s12'));
  await v.shown('signup-coupon');
  assert.match(await v.text('signup-coupon'), /ご登録ありがとうございます/);
  assert.equal(await v.action('signup-coupon').locator('input').inputValue(), 'WELCOME1000');
  await v.screenshot('S12-signup-coupon');
  await v.close('signup-coupon');

  for (const [i, path] of ['/items/1', '/items/2', '/items/3'].entries()) {
    await v.visit(path);
    await v.shown('signup-coupon-reminder');
    if (i === 0) await v.screenshot('S12-coupon-reminder');
    await v.close('signup-coupon-reminder');
  }
  await v.visit('/items/4');
  await v.assertNotDelivered('signup-coupon-reminder');
  assert.equal(await actionCount(await v.id(), 'signup-coupon-reminder', 'closed'), 3);
  v.assertNoErrors();
  await v.leave();
});

test('S12 after a purchase the coupon stops', async () => {
  const v = await visitor('pc');
  await signUp(v, email('s12buy'));
  await v.shown('signup-coupon');
  await v.close('signup-coupon');
  await addToCart(v, '1');
  await v.shown('signup-coupon-reminder');
  await placeOrder(v);
  await v.visit('/');
  await v.assertNotDelivered('signup-coupon-reminder');
  assert.equal(await actionCount(await v.id(), 'signup-coupon-reminder', 'goal'), 1);
  v.assertNoErrors();
  await v.leave();
});
