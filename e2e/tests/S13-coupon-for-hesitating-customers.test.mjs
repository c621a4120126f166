// S13: a visitor who never bought and is on the third page of a session gets a coupon; a customer does not.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { visitor, closeBrowser } from '../lib/shop.mjs';
import { buy } from '../lib/flows.mjs';

after(closeBrowser);

test('S13 the third page view of a visitor who never bought shows the coupon', async () => {
  const v = await visitor('pc');
  for (const path of ['/', '/category/dresses']) {
    await v.visit(path);
    assert.ok(!(await v.delivered()).includes('hesitant-coupon'));
    await v.closeModals();
  }
  await v.visit('/items/17');
  await v.shown('hesitant-coupon');
  assert.equal(await v.action('hesitant-coupon').locator('input').inputValue(), 'MAYOU500');
  await v.screenshot('S13-hesitant-coupon');
  v.assertNoErrors();
  await v.leave();
});

test('S13 a visitor who bought gets no coupon on the third page of the next session', async () => {
  const v = await visitor('pc');
  await buy(v);
  await v.advance('PT31M');
  for (const path of ['/', '/category/dresses', '/items/17']) {
    await v.visit(path);
    await v.closeModals();
  }
  assert.ok(!(await v.delivered()).includes('hesitant-coupon'));
  assert.equal((await v.profile()).sessions[0].pv, 3);
  v.assertNoErrors();
  await v.leave();
});
