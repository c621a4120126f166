// S14: on a staff look page the visitor is asked their height; the answer becomes user.height, the survey
// does not come back, and recommendations for that height follow.
// On a smartphone, so that the exit-intent recommendations of S15 (PC only) do not take the modal slot.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { visitor, closeBrowser } from '../lib/shop.mjs';

after(closeBrowser);

test('S14 the height survey writes user.height and leads to recommendations', async () => {
  const v = await visitor('smartphone');
  await v.visit('/items/16'); // an item seen, for the recommendations to draw on
  await v.closeModals();
  await v.visit('/staff/2');
  await v.shown('height-survey');
  assert.match(await v.text('height-survey'), /あなたに合うコーデをご提案します/);
  await v.screenshot('S14-height-survey');
  const survey = v.action('height-survey');
  await survey.locator('input[name=height]').fill('162');
  await survey.locator('button[type=submit]').click();
  await v.page.waitForFunction(() => window.__omo.some((e) => e.type === 'submitted'));
  await v.settle();
  assert.equal((await v.profile()).traits.height, 162);
  await v.closeModals();

  await v.visit('/staff/3');
  assert.ok(!(await v.delivered()).includes('height-survey'), 'the survey is asked once');
  await v.closeModals(); // the third view brings S13's coupon (priority 40)
  await v.visit('/staff/4');
  await v.shown('height-recommendation');
  assert.match(await v.text('height-recommendation'), /身長162cmのスタッフのおすすめ/);
  assert.ok(await v.action('height-recommendation').locator('li a').count() > 0, 'items are recommended');
  await v.screenshot('S14-height-recommendation');
  assert.ok(!(await v.delivered()).includes('height-survey'));
  v.assertNoErrors();
  await v.leave();
});
