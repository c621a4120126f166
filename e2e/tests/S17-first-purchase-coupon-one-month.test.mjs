// S17: during one month the top page offers first-time customers a coupon; not before, not after.
// The server's clock moves by weeks here, so this file runs after the other scenarios (files run in name
// order). When the run's date is already past the shipped campaign's start, the test moves the campaign's
// month to start tomorrow (same length), so it keeps testing a schedule instead of expiring.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { visitor, closeBrowser } from '../lib/shop.mjs';
import { api, serverNow, SITE } from '../lib/server.mjs';

after(closeBrowser);

const DAY = 86_400_000;

test('S17 the coupon shows on the top page inside its month only', async () => {
  const path = `/sites/${SITE}/campaigns/first-purchase-coupon`;
  const campaign = await api('GET', path);
  let start = Date.parse(campaign.schedule.start);
  let end = Date.parse(campaign.schedule.end);
  const now = await serverNow();
  if (now >= start - 60_000) {
    const length = end - start;
    start = now + DAY;
    end = start + length;
    campaign.schedule.start = new Date(start).toISOString();
    campaign.schedule.end = new Date(end).toISOString();
    await api('PUT', path, campaign);
  }

  const v = await visitor('pc');
  await v.visit('/');
  await v.assertNotDelivered('first-purchase-coupon');

  await v.advance(`PT${Math.ceil((start - (await serverNow())) / 1000) + 3600}S`);
  await v.visit('/');
  await v.shown('first-purchase-coupon');
  assert.match(await v.text('first-purchase-coupon'), /初回購入1,000円OFF/);
  assert.equal(await v.action('first-purchase-coupon').locator('input').inputValue(), 'FIRST1000');
  await v.screenshot('S17-first-purchase-coupon');
  await v.close('first-purchase-coupon');
  await v.visit('/items/1');
  await v.assertNotDelivered('first-purchase-coupon'); // the top page only

  await v.advance(`PT${Math.ceil((end - (await serverNow())) / 1000) + 3600}S`);
  await v.visit('/');
  await v.assertNotDelivered('first-purchase-coupon');
  v.assertNoErrors();
  await v.leave();
});
