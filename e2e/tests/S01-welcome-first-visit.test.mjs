// S01: a first-time visitor is greeted once; not in a second session; a member is not greeted.
// On a smartphone: on a PC the exit-intent recommendations (S15, higher priority) hold the page's one
// modal slot, so the greeting of priority 10 shows there only after them.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { visitor, closeBrowser } from '../lib/shop.mjs';
import { actionCount } from '../lib/server.mjs';
import { signIn, email } from '../lib/flows.mjs';

after(closeBrowser);

test('S01 a first visit is greeted once, the second session is not', async () => {
  const v = await visitor('smartphone');
  await v.visit('/');
  await v.shown('member-registration'); // S04 (priority 30) comes first
  await v.close('member-registration');

  await v.visit('/category/tops');
  await v.shown('welcome-first-visit');
  assert.match(await v.text('welcome-first-visit'), /はじめまして！/);
  await v.screenshot('S01-welcome-popup');
  await v.close('welcome-first-visit');

  await v.advance('PT31M');
  await v.visit('/category/shoes');
  await v.closeModals();
  await v.visit('/items/21');
  await v.assertNotDelivered('welcome-first-visit');
  const id = await v.id();
  assert.equal(await actionCount(id, 'welcome-first-visit', 'shown'), 1);
  assert.equal((await v.profile()).visits, 2);
  v.assertNoErrors();
  await v.leave();
});

test('S01 a member on a first visit is not greeted', async () => {
  const v = await visitor('smartphone');
  await signIn(v, email('s01'), 'regular');
  await v.visit('/category/tops');
  await v.assertNotDelivered('welcome-first-visit');
  assert.equal(await actionCount(await v.id(), 'welcome-first-visit', 'delivered'), 0);
  v.assertNoErrors();
  await v.leave();
});
