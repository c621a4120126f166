// S05: a notice leads to the sale until the visitor has seen it; never on the sale pages themselves.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { visitor, closeBrowser } from '../lib/shop.mjs';
import { follow } from '../lib/flows.mjs';

after(closeBrowser);

test('S05 the sale notice leads to the sale and is gone once the sale was seen', async () => {
  const v = await visitor('pc');
  await v.visit('/category/tops'); // not an item page: S07's banner would sit on the same top edge
  await v.shown('sale-guidance');
  assert.match(await v.text('sale-guidance'), /冬のセール開催中！最大50%OFF/);
  await v.closeModals();
  await v.screenshot('S05-sale-notice-bar');

  await follow(v, 'omotenashi-action[data-campaign="sale-guidance"] a');
  assert.match(v.page.url(), /\/demo\/sale\/winter$/);
  await v.assertNotDelivered('sale-guidance');

  await v.visit('/items/2');
  await v.assertNotDelivered('sale-guidance');
  const p = await v.profile();
  assert.equal(p.events.sale_view.count_all, 1);
  v.assertNoErrors();
  await v.leave();
});
