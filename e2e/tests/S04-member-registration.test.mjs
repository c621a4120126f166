// S04: visitors are invited to sign up; the sign-up after the invitation counts as the campaign's goal;
// members are not invited.
// On a smartphone: on a PC the exit-intent recommendations (S15) have the same priority (30) and either
// may take the page's one modal slot.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { visitor, closeBrowser } from '../lib/shop.mjs';
import { actionCount } from '../lib/server.mjs';
import { follow, signUp, signIn, email } from '../lib/flows.mjs';

after(closeBrowser);

test('S04 the invitation leads to sign-up, which counts one goal; a member is not invited', async () => {
  const v = await visitor('smartphone');
  await v.visit('/');
  const popup = await v.shown('member-registration');
  assert.match(await v.text('member-registration'), /会員登録で500ポイントプレゼント/);
  await v.screenshot('S04-member-registration-popup');

  await follow(v, 'omotenashi-action[data-campaign="member-registration"] a'); // the popup's link
  assert.match(v.page.url(), /\/demo\/signup$/);
  const mail = email('s04');
  await signUp(v, mail);
  assert.match(v.page.url(), /\/demo\/signup\/complete$/);

  const id = await v.id();
  assert.equal(await actionCount(id, 'member-registration', 'clicked'), 1);
  assert.equal(await actionCount(id, 'member-registration', 'goal'), 1);
  assert.ok((await v.timeline()).some((e) => e.name === 'signup_complete'));

  await signIn(v, mail, 'regular');
  await v.visit('/category/tops');
  await v.assertNotDelivered('member-registration');
  assert.equal((await v.profile()).is_member, true);
  v.assertNoErrors();
  await v.leave();
});
