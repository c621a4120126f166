// S03: sessions 1, 2 and 3 of one visitor each get their own chapter of the story, and only it.
// Session 1's notice bar shares the top of the page with the sale notice (S05, higher priority), so the
// visitor reads chapter 1 on the sale page, where S05 is not shown.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { visitor, closeBrowser } from '../lib/shop.mjs';

after(closeBrowser);

const STORY = ['story-1-free-shipping', 'story-2-first-purchase', 'story-3-follow-us'];

test('S03 each of three sessions tells its own chapter', async () => {
  const v = await visitor('smartphone');
  const seen = [];

  await v.visit('/sale/winter');
  await v.shown('story-1-free-shipping');
  assert.match(await v.text('story-1-free-shipping'), /5,000円以上のお買い物で送料無料/);
  await v.closeModals();
  await v.screenshot('S03-story-1-notice-bar');
  seen.push(await v.delivered());

  await v.advance('PT31M');
  await v.visit('/');
  seen.push(await v.delivered());
  await v.closeModals(); // S04's sign-up popup has the higher priority in a new session
  await v.visit('/category/outer');
  await v.shown('story-2-first-purchase');
  assert.match(await v.text('story-2-first-purchase'), /はじめてのお買い物特集/);
  await v.screenshot('S03-story-2-popup');
  seen.push(await v.delivered());

  await v.advance('PT31M');
  await v.visit('/category/goods');
  await v.shown('story-3-follow-us');
  assert.match(await v.text('story-3-follow-us'), /Instagram/);
  await v.closeModals();
  await v.screenshot('S03-story-3-banner');
  seen.push(await v.delivered());

  const stories = seen.map((d) => d.filter((c) => STORY.includes(c)));
  assert.deepEqual(stories, [[STORY[0]], [], [STORY[1]], [STORY[2]]]);
  assert.equal((await v.profile()).visits, 3);
  v.assertNoErrors();
  await v.leave();
});
