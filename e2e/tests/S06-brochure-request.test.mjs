// S06: after five pages in one session a visitor is offered the brochure; not on the request page itself;
// the request counts as the goal.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { visitor, closeBrowser } from '../lib/shop.mjs';
import { actionCount } from '../lib/server.mjs';
import { follow } from '../lib/flows.mjs';

after(closeBrowser);

test('S06 the fifth page view offers the brochure, the request counts as the goal', async () => {
  const v = await visitor('smartphone');
  for (const path of ['/', '/category/outer', '/items/11', '/items/14']) {
    await v.visit(path);
    await v.closeModals();
    assert.ok(!(await v.delivered()).includes('brochure-request'), `not before the fifth view (${path})`);
  }
  await v.visit('/items/12');
  await v.shown('brochure-request');
  assert.match(await v.text('brochure-request'), /カタログを無料でお送りします/);
  await v.closeModals();
  await v.screenshot('S06-brochure-slide-in');

  await follow(v, 'omotenashi-action[data-campaign="brochure-request"] a');
  assert.match(v.page.url(), /\/demo\/request$/);
  await v.assertNotDelivered('brochure-request');
  await v.closeModals();
  await v.page.fill('#request-form [name=name]', '山田 花子');
  await v.page.fill('#request-form [name=address]', '東京都千代田区丸の内1-1');
  await v.page.click('#request-submit');
  await v.page.waitForSelector('#request-done:not([hidden])');
  await v.settle();
  assert.equal(await actionCount(await v.id(), 'brochure-request', 'goal'), 1);
  v.assertNoErrors();
  await v.leave();
});
