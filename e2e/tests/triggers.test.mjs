// The tag's other triggers in the shop, on campaigns this test adds to the demo site (and removes):
// a delay, scrolling down a long page, a click on the shop's own button, and idleness. The scenario
// bundles use load, exit intent and session time only; these are what an operator may write besides.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { visitor, closeBrowser } from '../lib/shop.mjs';
import { api, SITE } from '../lib/server.mjs';

const CAMPAIGNS = {
  'e2e-delay': { page: '/demo/guide', trigger: { on: 'delay', seconds: 20 }, template: 'slide_in',
    content: { title: '20秒たちました', text: 'delay trigger' } },
  'e2e-scroll': { page: '/demo/items', trigger: { on: 'scroll', percent: 80 }, template: 'slide_in',
    content: { title: '最後までご覧いただきありがとうございます', text: 'scroll trigger' } },
  'e2e-click': { page: '/demo/items/2', trigger: { on: 'click', selector: '#favorite' }, template: 'html',
    content: { html: '<p>お気に入りに追加しました！ <a href="/demo/items/1">こちらもどうぞ</a></p>' } },
  'e2e-idle': { page: '/demo/guide/shipping', trigger: { on: 'idle', seconds: 30 }, template: 'chat_invite',
    content: { title: 'ご不明な点はありますか？', text: 'idle trigger' } },
};

after(async () => {
  for (const id of Object.keys(CAMPAIGNS)) await api('DELETE', `/sites/${SITE}/campaigns/${id}`).catch(() => {});
  await closeBrowser();
});

test('delay, scroll, click and idle triggers show their actions at the right moment', async () => {
  for (const [id, c] of Object.entries(CAMPAIGNS)) {
    await api('PUT', `/sites/${SITE}/campaigns/${id}`, {
      id, name: 'e2e: ' + c.trigger.on, status: 'live', pages: { attr: 'page.path', op: 'eq', value: c.page },
      trigger: c.trigger, creative: { template: c.template, content: c.content }, frequency: { per: 'pageview' }, priority: 1,
    });
  }
  const v = await visitor('pc');

  await v.visit('/guide');
  await v.closeModals();
  await v.page.clock.fastForward('00:15');
  assert.equal(await v.action('e2e-delay').count(), 0, 'not before 20 s');
  await v.page.clock.fastForward('00:06');
  await v.shown('e2e-delay');

  await v.visit('/items');
  await v.closeModals();
  assert.equal(await v.action('e2e-scroll').count(), 0, 'not before scrolling');
  await v.page.mouse.move(640, 400);
  await v.page.mouse.wheel(0, 20_000);
  await v.shown('e2e-scroll');
  assert.match(await v.text('e2e-scroll'), /最後までご覧いただきありがとうございます/);

  await v.visit('/items/2');
  await v.closeModals();
  assert.equal(await v.action('e2e-click').count(), 0, 'not before the click');
  await v.page.click('#favorite');
  await v.shown('e2e-click');
  assert.match(await v.text('e2e-click'), /お気に入りに追加しました！/);
  await v.screenshot('trigger-click-html');

  await v.visit('/guide/shipping');
  await v.closeModals();
  await v.page.clock.fastForward('00:20');
  await v.page.mouse.move(100, 300); // activity restarts the 30 s
  await v.page.clock.fastForward('00:20');
  assert.equal(await v.action('e2e-idle').count(), 0, 'not while the visitor is active');
  await v.page.clock.fastForward('00:11');
  await v.shown('e2e-idle');
  v.assertNoErrors();
  await v.leave();
});
