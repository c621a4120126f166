// S09: a visitor who left items in the cart is reminded on the first page of the next session only;
// one who bought is not.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { visitor, closeBrowser } from '../lib/shop.mjs';
import { addToCart, buy } from '../lib/flows.mjs';

after(closeBrowser);

test('S09 the cart left behind is recalled on the first view of the next session', async () => {
  const v = await visitor('pc');
  await addToCart(v, '16');
  assert.ok((await v.timeline()).some((e) => e.name === 'cart' && e.properties.in_cart_price === 6900));

  await v.advance('PT31M');
  await v.visit('/');
  await v.shown('cart-abandoner-returns');
  assert.match(await v.text('cart-abandoner-returns'), /カートに商品が残っています/);
  await v.screenshot('S09-cart-reminder-popup');
  await v.close('cart-abandoner-returns');

  await v.visit('/category/tops');
  await v.assertNotDelivered('cart-abandoner-returns');
  v.assertNoErrors();
  await v.leave();
});

test('S09 a visitor who bought is not reminded', async () => {
  const v = await visitor('pc');
  await buy(v, '16');
  await v.advance('PT31M');
  await v.visit('/');
  await v.assertNotDelivered('cart-abandoner-returns');
  v.assertNoErrors();
  await v.leave();
});
