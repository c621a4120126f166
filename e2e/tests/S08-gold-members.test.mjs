// S08: a gold member is invited to the early sale; a silver member is not.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { visitor, closeBrowser } from '../lib/shop.mjs';
import { signIn, email } from '../lib/flows.mjs';

after(closeBrowser);

test('S08 a gold member sees the invitation', async () => {
  const v = await visitor('pc');
  await signIn(v, email('s08gold'), 'gold');
  await v.shown('gold-members-only');
  assert.match(await v.text('gold-members-only'), /ゴールド会員様限定/);
  assert.match(await v.page.textContent('#member-rank'), /ゴールド/);
  await v.screenshot('S08-gold-members-popup');
  const p = await v.profile();
  assert.equal(p.is_member, true);
  assert.equal(p.traits.member_rank, 'gold');
  v.assertNoErrors();
  await v.leave();
});

test('S08 a silver member does not', async () => {
  const v = await visitor('pc');
  await signIn(v, email('s08silver'), 'silver');
  await v.assertNotDelivered('gold-members-only');
  await v.visit('/category/tops');
  await v.assertNotDelivered('gold-members-only');
  assert.equal((await v.profile()).traits.member_rank, 'silver');
  v.assertNoErrors();
  await v.leave();
});
