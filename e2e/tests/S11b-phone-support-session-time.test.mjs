// S11b: the phone-support campaign written the other way (the demo installs S11): delivered to any
// smartphone visitor with the trigger {"on": "session_time", "seconds": 180}, so the tag shows the call
// button when the session is three minutes old, counting the time already spent on earlier pages.
// The test installs S11b's campaign in place of S11's and puts S11's back at the end.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { visitor, closeBrowser } from '../lib/shop.mjs';
import { api, SITE } from '../lib/server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const bundle = JSON.parse(fs.readFileSync(path.join(here, '..', '..', 'engine', 'src', 'main', 'resources', 'dev', 'omotenashi',
  'engine', 'scenarios', 'S11b-phone-support-session-time.json'), 'utf8'));
const campaignPath = `/sites/${SITE}/campaigns/phone-support`;
let shipped;

after(async () => {
  if (shipped) await api('PUT', campaignPath, shipped);
  await closeBrowser();
});

test('S11b the call button appears when the session is three minutes old', async () => {
  shipped = await api('GET', campaignPath);
  const s11b = bundle.campaigns[0];
  assert.equal(s11b.id, 'phone-support');
  await api('PUT', campaignPath, s11b); // no page paths to move under /demo

  const v = await visitor('smartphone');
  await v.visit('/');
  await v.closeModals();
  await v.page.clock.fastForward('01:00'); // a minute on the first page
  await v.visit('/category/outer');
  const delivered = (await v.events()).find((e) => e.type === 'delivered' && e.campaign === 'phone-support');
  assert.ok(delivered, 'delivered at once, armed for the session time');
  assert.deepEqual(delivered.trigger, { on: 'session_time', seconds: 180 });
  assert.equal(await v.action('phone-support').count(), 0, 'not shown at one minute');
  await v.closeModals();

  await v.page.clock.fastForward('01:50');
  assert.equal(await v.action('phone-support').count(), 0, 'not shown at 2 min 50 s');
  await v.page.clock.fastForward('00:15');
  await v.shown('phone-support');
  assert.match(await v.text('phone-support'), /お電話でのご相談はこちら/);
  v.assertNoErrors();
  await v.leave();
});
