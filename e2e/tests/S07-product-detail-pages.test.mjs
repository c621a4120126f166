// S07: every product page carries a banner on free shipping and returns; other pages do not.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { visitor, closeBrowser } from '../lib/shop.mjs';
import { actionCount } from '../lib/server.mjs';

after(closeBrowser);

test('S07 an item page shows the shipping and returns banner, the top page does not', async () => {
  const v = await visitor('pc');
  await v.visit('/items/7');
  const banner = await v.shown('item-page-message');
  assert.match(await v.text('item-page-message'), /5,000円以上で送料無料・30日間返品無料/);
  assert.equal(await banner.getAttribute('data-template'), 'banner');
  await v.screenshot('S07-item-page-banner');

  await v.visit('/');
  await v.assertNotDelivered('item-page-message');
  assert.equal(await actionCount(await v.id(), 'item-page-message', 'shown'), 1);
  v.assertNoErrors();
  await v.leave();
});
