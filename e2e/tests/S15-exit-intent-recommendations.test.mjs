// S15: a PC visitor about to leave (the pointer goes out through the top of the window) is shown items
// from what they viewed and what sells now; a smartphone visitor is not.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { visitor, closeBrowser } from '../lib/shop.mjs';

after(closeBrowser);

test('S15 moving the pointer out through the top shows recommendations', async () => {
  const v = await visitor('pc');
  await v.visit('/items/16');
  await v.closeModals();
  await v.visit('/items/21');
  const delivered = (await v.events()).find((e) => e.type === 'delivered' && e.campaign === 'exit-recommendation');
  assert.ok(delivered, 'delivered with the exit-intent trigger: ' + JSON.stringify(await v.events()));
  assert.equal(delivered.trigger.on, 'exit_intent');
  assert.equal(await v.action('exit-recommendation').count(), 0, 'not shown before the pointer leaves');

  await v.page.mouse.move(640, 400);
  await v.page.mouse.move(640, 100, { steps: 5 });
  await v.page.mouse.move(640, -20, { steps: 5 });
  await v.shown('exit-recommendation');
  assert.match(await v.text('exit-recommendation'), /お帰りの前に、こちらもおすすめです/);
  const items = await v.action('exit-recommendation').locator('li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(items.length > 0, 'items are recommended');
  assert.ok(items.some((h) => /\/demo\/items\/(16|21)$/.test(h)), 'from the viewed items: ' + items);
  await v.screenshot('S15-exit-recommendation');

  await v.action('exit-recommendation').locator('li a').first().click();
  await v.page.waitForURL(/\/demo\/items\/\d+$/);
  v.assertNoErrors();
  await v.leave();
});

test('S15 a smartphone visitor is not', async () => {
  const v = await visitor('smartphone');
  await v.visit('/items/16');
  await v.closeModals();
  await v.visit('/items/21');
  await v.assertNotDelivered('exit-recommendation');
  v.assertNoErrors();
  await v.leave();
});
