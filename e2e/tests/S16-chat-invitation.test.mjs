// S16: after ten minutes with a full cart and no purchase, the visitor is invited to chat; not after buying.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { visitor, closeBrowser } from '../lib/shop.mjs';
import { actionCount } from '../lib/server.mjs';
import { addToCart, buy } from '../lib/flows.mjs';

after(closeBrowser);

test('S16 eleven minutes with a full cart bring the chat invitation', async () => {
  const v = await visitor('pc');
  await addToCart(v, '11');
  await v.assertNotDelivered('chat-invite-long-stay');
  await v.closeModals();
  await v.advance('PT11M');
  await v.visit('/items/12');
  await v.shown('chat-invite-long-stay');
  assert.match(await v.text('chat-invite-long-stay'), /何かお困りですか？/);
  await v.closeModals();
  await v.screenshot('S16-chat-invitation');
  await v.action('chat-invite-long-stay').locator('button.bt').click();
  await v.page.waitForSelector('.toast');
  await v.settle();
  assert.equal(await actionCount(await v.id(), 'chat-invite-long-stay', 'clicked'), 1);
  v.assertNoErrors();
  await v.leave();
});

test('S16 not after a purchase', async () => {
  const v = await visitor('pc');
  await buy(v, '11');
  await v.advance('PT11M');
  await v.visit('/items/12');
  await v.assertNotDelivered('chat-invite-long-stay');
  v.assertNoErrors();
  await v.leave();
});
