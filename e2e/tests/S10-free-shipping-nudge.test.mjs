// S10: on the cart page, a cart of 4,000 to 5,000 yen (bounds included) is told how much more ships free.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { visitor, closeBrowser } from '../lib/shop.mjs';
import { addToCart } from '../lib/flows.mjs';

after(closeBrowser);

// catalog.js: item 1 costs 4,500 yen, 4: 4,000, 6: 5,000, 5: 3,000, 3: 5,200
const CASES = [['1', 4500, 'Only 500 yen more'], ['4', 4000, 'Only 1000 yen more'], ['6', 5000, 'Only 0 yen more'],
  ['5', 3000, null], ['3', 5200, null]];

for (const [item, total, text] of CASES) {
  test(`S10 a cart of ${total} yen ${text ? 'is nudged' : 'is not nudged'}`, async () => {
    const v = await visitor('pc');
    await addToCart(v, item);
    assert.match(v.page.url(), /\/demo\/cart$/);
    assert.equal((await v.page.textContent('#cart-total')).replace(/[^\d]/g, ''), String(total));
    if (text) {
      await v.shown('free-shipping-nudge');
      assert.match(await v.text('free-shipping-nudge'), new RegExp(text + ' for free shipping!'));
      if (total === 4500) {
        await v.closeModals();
        await v.screenshot('S10-free-shipping-notice-bar');
      }
    } else {
      await v.assertNotDelivered('free-shipping-nudge');
    }
    const cart = (await v.timeline()).find((e) => e.name === 'cart');
    assert.equal(cart.properties.in_cart_price, total);
    v.assertNoErrors();
    await v.leave();
  });
}
