// The campaign and segment editors end to end, in headless Chromium against the real server jar
// (docs/console.md, "Campaign and segment editor"). One server for the file; the tests run in order and build on
// each other: the first administrator creates a site, installs the free-shipping nudge (S10) from the gallery,
// visitors are tracked, and the campaign is edited: the audience with its live count, a value the API refuses
// shown at its field, the creative in the preview frames, saving, status, a viewer who can only look, the
// keyboard alone; then a segment; then screenshots at 1280x800 and 390x844 in Japanese and English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { acceptInvite, launchBrowser, newPage as freshPage, screenshot, shot, signIn, startServer } from './lib.mjs';

const PASSWORD = 'editor-e2e-password';
const VIEWER_PASSWORD = 'viewer-e2e-password';
const SITE = 'shop_editor_01';
const CAMPAIGN = 'free-shipping-nudge';

let server, base, browser, admin, siteKey;

before(async () => {
  server = await startServer({ name: 'editor-server' });
  base = server.base;
  browser = await launchBrowser();
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

const newPage = (opts) => freshPage(browser, opts);
const editorUrl = `/console/sites/${SITE}/campaigns/${CAMPAIGN}`;
const control = (page, name) => page.locator(`[name="${name}"]`);
const focusedName = (page) => page.evaluate(() => document.activeElement?.getAttribute('name'));
/** Waits until the live count shows a number, and returns it. */
async function countShown(page, expected) {
  await page.waitForFunction((n) => document.querySelector('.live-count')?.dataset.count === String(n), expected, { timeout: 15_000 });
  return Number(await page.getAttribute('.live-count', 'data-count'));
}

const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

async function track(visitor, events, { mobile = false } = {}) {
  const r = await fetch(`${base}/v1/t`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', Origin: 'https://shop.example', 'User-Agent': mobile ? IPHONE : WINDOWS },
    body: JSON.stringify({ site: siteKey, visitor, page: { url: 'https://shop.example/cart', title: 'Cart' }, context: { mobile },
      events: events.map((e, i) => ({ id: `${visitor}_${i}`, ...e })), decide: false }),
  });
  assert.equal(r.status, 200, await r.text());
}

test('the first administrator creates a site and installs the free-shipping nudge from the gallery', async () => {
  admin = await newPage({ lang: 'en' });
  await acceptInvite(admin, base, server.invite, PASSWORD, 'Hanako Admin');
  await admin.goto(`${base}/console/`);
  await admin.fill('form input[name=name]', 'Editor Shop');
  await admin.fill('form input[name=id]', SITE);
  await admin.fill('form textarea[name=domains]', 'shop.example');
  await admin.click('form button[type=submit]');
  await admin.waitForURL(`**/console/sites/${SITE}?created=1`);
  siteKey = (await server.api('GET', `/api/v1/sites/${SITE}`)).key;
  await admin.goto(`${base}/console/sites/${SITE}/templates`);
  await admin.click('article[data-template=S10] button');
  await admin.waitForSelector('article[data-template=S10] .notice.ok');
  await admin.goto(`${base}/console/sites/${SITE}/campaigns`);
  await admin.click(`tr[data-campaign-row=${CAMPAIGN}] a`);
  await admin.waitForURL(`**${editorUrl}`);
  await admin.waitForSelector('form.editor');
  assert.equal(await control(admin, 'name').inputValue(), 'A little more for free shipping');
});

test('editing the audience changes the live count of visitors who match', async () => {
  // four visitors after the campaign was installed (its audience reads the latest cart total from then on)
  await track('v_editor_0001', [{ name: 'view' }, { name: 'cart', properties: { in_cart_price: 4500 } }]);
  await track('v_editor_0002', [{ name: 'cart', properties: { in_cart_price: 4800 } }], { mobile: true });
  await track('v_editor_0003', [{ name: 'cart', properties: { in_cart_price: 900 } }]);
  await track('v_editor_0004', [{ name: 'view' }]);
  await admin.reload();
  await admin.waitForSelector('form.editor');
  // the installed audience: latest cart total between 4,000 and 5,000 yen
  assert.equal(await control(admin, 'audience.value[0]').inputValue(), '4000');
  assert.equal(await countShown(admin, 2), 2);
  assert.match(await admin.textContent('.live-count'), /2 of 4/);
  await control(admin, 'audience.value[0]').fill('500');
  assert.equal(await countShown(admin, 3), 3);
  assert.match(await admin.textContent('.live-count'), /3 of 4/);
});

test('a value the API refuses is shown at its field, which gets the focus', async () => {
  // a sum is a number: text there is refused (the latest value of a property may be of any type)
  await control(admin, 'audience.agg').selectOption('sum');
  await control(admin, 'audience.value[1]').fill('lots');
  // the live count already names the field (without taking the focus)
  await admin.waitForSelector('[name="audience.value[1]"][aria-invalid=true]');
  assert.match(await admin.textContent('.live-count'), /mistake/);
  await admin.focus('[name="name"]');
  await admin.click('form.editor .save-bar button[type=submit]');
  await admin.waitForFunction(() => document.activeElement?.getAttribute('name') === 'audience.value[1]');
  const field = control(admin, 'audience.value[1]');
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  const errorId = (await field.getAttribute('aria-describedby')).split(' ').find((id) => id.endsWith('-error'));
  assert.match(await admin.textContent(`#${errorId}`), /number/i);
  assert.ok(await admin.isVisible(`#${errorId}`));
  assert.equal((await server.api('GET', `/api/v1/sites/${SITE}/campaigns/${CAMPAIGN}`)).audience.value[1], 5000, 'nothing was stored');
  await control(admin, 'audience.agg').selectOption('latest');
  await field.fill('5000');
  await countShown(admin, 3);
  assert.equal(await field.getAttribute('aria-invalid'), null);
});

test('the preview draws the creative with the tag’s renderer in a desktop and a smartphone frame', async () => {
  const desktop = admin.frameLocator('iframe[data-device=desktop]');
  const phone = admin.frameLocator('iframe[data-device=phone]');
  // the installed notice bar, its placeholder filled with a sample (5000 - 4500)
  for (const frame of [desktop, phone]) {
    await frame.locator('omotenashi-action[data-template=notice_bar]').getByText('Only 500 yen more for free shipping!').waitFor();
  }
  // as a popup with a title; what an operator writes is text, never markup
  await control(admin, 'creative.template').selectOption('popup');
  await control(admin, 'creative.content.title').fill('送料無料まであと少し <b>&</b>');
  for (const frame of [desktop, phone]) {
    await frame.locator('omotenashi-action[data-template=popup] h2').waitFor();
    await frame.locator('omotenashi-action h2', { hasText: '送料無料まであと少し <b>&</b>' }).waitFor();
    assert.equal(await frame.locator('omotenashi-action h2 b').count(), 0, 'no markup from operator text');
  }
  // the frames are the devices' sizes, scaled down
  const sizes = await admin.evaluate(() => Array.from(document.querySelectorAll('.preview iframe')).map((f) => [f.width, f.height]));
  assert.deepEqual(sizes, [['1280', '800'], ['390', '844']]);
  assert.equal(await focusedName(admin), 'creative.content.title', 'drawing the preview does not take the focus');
});

test('saving keeps the values across a reload, and the status changes', async () => {
  await control(admin, 'status').selectOption('live');
  await admin.click('form.editor .save-bar button[type=submit]');
  await admin.waitForSelector('.messages .notice.ok');
  const stored = await server.api('GET', `/api/v1/sites/${SITE}/campaigns/${CAMPAIGN}`);
  assert.equal(stored.status, 'live');
  assert.deepEqual(stored.audience.value, [500, 5000]);
  assert.equal(stored.creative.template, 'popup');
  assert.equal(stored.creative.content.title, '送料無料まであと少し <b>&</b>');
  assert.equal(stored.pages.value, '/cart', 'what was not edited is kept');
  await admin.reload();
  await admin.waitForSelector('form.editor');
  assert.equal(await control(admin, 'audience.value[0]').inputValue(), '500');
  assert.equal(await control(admin, 'status').inputValue(), 'live');
  assert.equal(await control(admin, 'creative.content.title').inputValue(), '送料無料まであと少し <b>&</b>');
  await admin.goto(`${base}/console/sites/${SITE}/campaigns`);
  await admin.waitForFunction((id) => /Live/.test(document.querySelector(`tr[data-campaign-row=${id}]`)?.textContent ?? ''), CAMPAIGN);
});

test('leaving with unsaved changes asks first', async () => {
  await admin.goto(`${base}${editorUrl}`);
  await admin.waitForSelector('form.editor');
  await control(admin, 'name').fill('Changed, not saved');
  const asked = admin.waitForEvent('dialog');
  await admin.click('.save-bar a');
  assert.match((await asked).message(), /unsaved/);
  await admin.waitForURL(`**/console/sites/${SITE}/campaigns`); // the test's pages accept every dialog
  assert.equal((await server.api('GET', `/api/v1/sites/${SITE}/campaigns/${CAMPAIGN}`)).name, 'A little more for free shipping');
});

test('a viewer sees the editor read-only, and the API refuses their change', async () => {
  await server.api('POST', '/api/v1/operators', { login: 'viewer@shop.example', name: 'Taro Viewer', role: 'viewer', password: VIEWER_PASSWORD });
  const viewer = await newPage({ lang: 'en' });
  await signIn(viewer, base, 'viewer@shop.example', VIEWER_PASSWORD);
  await viewer.goto(`${base}${editorUrl}`);
  await viewer.waitForSelector('form.editor');
  assert.equal(await viewer.locator('form.editor button[type=submit]').count(), 0, 'no save button');
  const editable = await viewer.evaluate(() => Array.from(document.querySelectorAll('form.editor input, form.editor select, form.editor textarea, form.editor button'))
    .filter((c) => !c.disabled && !c.closest('.samples') && !c.closest('.preview')).map((c) => c.getAttribute('name') ?? c.textContent));
  assert.deepEqual(editable, []);
  // they may still count (a read) and look at the preview
  assert.equal(await countShown(viewer, 3), 3);
  await viewer.frameLocator('iframe[data-device=desktop]').locator('omotenashi-action h2').waitFor();
  const status = await viewer.evaluate(async ([site, id]) => {
    const s = await (await fetch('/api/v1/console/session')).json();
    const c = await (await fetch(`/api/v1/sites/${site}/campaigns/${id}`)).json();
    const r = await fetch(`/api/v1/sites/${site}/campaigns/${id}`, {
      method: 'PUT', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': s.csrf }, body: JSON.stringify({ ...c, status: 'paused' }) });
    return r.status;
  }, [SITE, CAMPAIGN]);
  assert.equal(status, 403);
  await viewer.context().close();
});

test('keyboard only: add an audience condition and save', async () => {
  const page = await newPage({ lang: 'en' });
  await signIn(page, base, 'admin', PASSWORD);
  await page.goto(`${base}${editorUrl}`);
  await page.waitForSelector('form.editor');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'page-title');
  const tabTo = async (test, what) => {
    for (let i = 0; i < 250; i++) {
      if (await page.evaluate(test)) return;
      await page.keyboard.press('Tab');
    }
    assert.fail(`${what} is not reachable with Tab`);
  };
  await tabTo(() => document.activeElement?.dataset.key === 'audience.@add', 'the add-condition button');
  await page.keyboard.press('Enter');
  // the new condition's kind has the focus
  await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'audience.all[1].@kind');
  await tabTo(() => document.activeElement?.getAttribute('name') === 'audience.all[1].value', 'the new condition’s value');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2');
  await page.keyboard.press('Enter'); // submits the form
  await page.waitForSelector('.messages .notice.ok');
  const stored = await server.api('GET', `/api/v1/sites/${SITE}/campaigns/${CAMPAIGN}`);
  assert.deepEqual(stored.audience.all[1], { attr: 'visitor.visits', op: 'gte', value: 2 });
  assert.equal(stored.audience.all[0].event, 'cart');
  await page.context().close();
});

test('a segment is created with the same builder, counted live, saved and deleted', async () => {
  await admin.goto(`${base}/console/sites/${SITE}/segments`);
  await admin.click('a[href$="/segments/new"]');
  await admin.waitForSelector('form.editor');
  await control(admin, 'id').fill('smartphone-carts');
  await control(admin, 'name').fill('Carts on smartphones');
  // the new segment starts with one condition: visits ≥ 1 (everyone tracked)
  assert.equal(await countShown(admin, 4), 4);
  await control(admin, 'condition.all[0].attr').fill('session.device');
  await control(admin, 'condition.all[0].attr').press('Tab');
  await control(admin, 'condition.all[0].op').selectOption('eq');
  await control(admin, 'condition.all[0].value').fill('smartphone');
  assert.equal(await countShown(admin, 1), 1);
  await admin.click('form.editor .save-bar button[type=submit]');
  await admin.waitForURL(`**/console/sites/${SITE}/segments/smartphone-carts?saved=1`);
  await admin.goto(`${base}/console/sites/${SITE}/segments`);
  assert.match(await admin.textContent('tr[data-segment-row=smartphone-carts] .count'), /^1 of 4$/);
  // a campaign's audience can pick it
  await admin.goto(`${base}${editorUrl}`);
  await admin.waitForSelector('form.editor');
  await control(admin, 'audience.all[1].@kind').selectOption('segment');
  await control(admin, 'audience.all[1].segment').selectOption('smartphone-carts');
  assert.equal(await countShown(admin, 1), 1);
  // and it is deleted from its editor (after the campaign stopped referencing it: the picker was not saved)
  await admin.goto(`${base}/console/sites/${SITE}/segments/smartphone-carts`);
  await admin.waitForSelector('form.editor');
  const del = admin.waitForEvent('dialog');
  await admin.click('form.editor .save-bar button.danger');
  assert.match((await del).message(), /Carts on smartphones/);
  await admin.waitForURL(`**/console/sites/${SITE}/segments?deleted=1`);
  assert.equal(await admin.locator('tr[data-segment-row=smartphone-carts]').count(), 0);
});

test('screenshots of the editors at 1280x800 and 390x844 in Japanese and English', async () => {
  await server.api('PUT', `/api/v1/sites/${SITE}/segments/big-carts`, { name: 'Big carts', condition: { all: [
    { event: 'cart', property: 'in_cart_price', agg: 'latest', op: 'gte', value: 4000 },
    { not: { attr: 'session.device', op: 'eq', value: 'smartphone' } }] } });
  for (const lang of ['ja', 'en']) {
    for (const [width, height] of [[1280, 800], [390, 844]]) {
      const page = await newPage({ lang, width, height });
      await signIn(page, base, 'admin', PASSWORD);
      await page.goto(`${base}${editorUrl}`);
      await page.waitForSelector('form.editor');
      await page.waitForSelector('.live-count[data-count]');
      await screenshot(page, shot('editor-campaign', lang, width, height));
      await page.locator('#sec-audience').scrollIntoViewIfNeeded();
      await page.evaluate(() => document.getElementById('sec-audience').scrollIntoView({ block: 'start' }));
      await screenshot(page, shot('editor-campaign-audience', lang, width, height));
      await page.evaluate(() => document.querySelector('.preview').scrollIntoView({ block: 'start' }));
      await page.frameLocator('iframe[data-device=phone]').locator('omotenashi-action').waitFor();
      await screenshot(page, shot('editor-campaign-preview', lang, width, height));
      await page.goto(`${base}/console/sites/${SITE}/segments/big-carts`);
      await page.waitForSelector('.live-count[data-count]');
      await screenshot(page, shot('editor-segment', lang, width, height));
      await page.evaluate(() => document.querySelector('#condition-builder').scrollIntoView({ block: 'start' }));
      await screenshot(page, shot('editor-segment-condition', lang, width, height));
      await page.context().close();
    }
  }
});

// ---- event definitions, installing over what exists, a moved schedule, deleting a campaign, spacing -------

const eventsUrl = `/console/sites/${SITE}/event-definitions`;

test('an installed template’s event definition path is changed in its editor, saved, and kept across a reload', async () => {
  await admin.goto(`${base}/console/sites/${SITE}/templates`);
  await admin.click('article[data-template=S05] button');
  await admin.waitForSelector('article[data-template=S05] .notice.ok');
  // the site's tabs lead to the list, which says what reads the event
  await admin.click('nav.tabs a[href$="/event-definitions"]');
  await admin.waitForURL(`**${eventsUrl}`);
  const row = admin.locator('tr[data-event-row=sale_view]');
  assert.match(await row.textContent(), /sale-guidance|セール/);
  await row.locator('a').first().click();
  await admin.waitForURL(`**${eventsUrl}/sale_view`);
  await admin.waitForSelector('form.editor');
  assert.equal(await control(admin, 'from').inputValue(), 'view');
  assert.equal(await control(admin, 'where.attr').inputValue(), 'page.path');
  assert.equal(await control(admin, 'where.value').inputValue(), '/sale');
  // a mistake the API finds is shown at its field, with the focus
  await control(admin, 'from').fill('sale_view');
  await admin.click('form.editor .save-bar button[type=submit]');
  await admin.waitForFunction(() => document.activeElement?.getAttribute('name') === 'from');
  assert.equal(await control(admin, 'from').getAttribute('aria-invalid'), 'true');
  await control(admin, 'from').fill('view');
  // the shop's sale lives under /bargain
  await control(admin, 'where.value').fill('/bargain');
  await admin.click('form.editor .save-bar button[type=submit]');
  await admin.waitForSelector('.messages .notice.ok');
  assert.deepEqual((await server.api('GET', `/api/v1/sites/${SITE}/event-definitions/sale_view`)).where,
    { attr: 'page.path', op: 'starts_with', value: '/bargain' });
  await admin.reload();
  await admin.waitForSelector('form.editor');
  assert.equal(await control(admin, 'where.value').inputValue(), '/bargain');
  // a viewer reads it, changes nothing
  const viewer = await newPage({ lang: 'en' });
  await signIn(viewer, base, 'viewer@shop.example', VIEWER_PASSWORD);
  await viewer.goto(`${base}${eventsUrl}/sale_view`);
  await viewer.waitForSelector('form.editor');
  assert.equal(await viewer.locator('form.editor button[type=submit], form.editor button.danger').count(), 0);
  assert.equal(await viewer.locator('[name="where.value"]').isDisabled(), true);
  await viewer.context().close();
});

test('installing a template over objects the site has names them and asks first', async () => {
  await admin.goto(`${base}/console/sites/${SITE}/templates`);
  const asked = admin.waitForEvent('dialog');
  await admin.click('article[data-template=S05] button');
  const message = (await asked).message(); // the test's pages accept every dialog
  assert.match(message, /event definition “sale_view”/);
  assert.match(message, /campaign “sale-guidance”/);
  await admin.waitForSelector('article[data-template=S05] .notice.ok');
  assert.match(await admin.textContent('article[data-template=S05] .card-status'), /Replaced: event definition “sale_view”, campaign “sale-guidance”/);
  // installing again overwrites: the template's path is back
  assert.equal((await server.api('GET', `/api/v1/sites/${SITE}/event-definitions/sale_view`)).where.value, '/sale');

  // S11 and S11b write the same campaign: the card says so, and adding one over the other asks
  assert.match(await admin.textContent('article[data-template=S11b] .template-note'), /“phone-support”, which S11 adds too/);
  await admin.click('article[data-template=S11] button');
  await admin.waitForSelector('article[data-template=S11] .notice.ok');
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  const page = await context.newPage();
  await signIn(page, base, 'admin', PASSWORD);
  await page.goto(`${base}/console/sites/${SITE}/templates`);
  let question = '';
  page.once('dialog', (d) => { question = d.message(); d.dismiss(); }); // this page says no
  await page.click('article[data-template=S11b] button');
  await page.waitForSelector('article[data-template=S11b] .card-status .notice.info');
  assert.match(question, /campaign “phone-support” \(which S11 adds too\)/);
  assert.match(await page.textContent('article[data-template=S11b] .card-status'), /nothing was changed/);
  assert.equal((await server.api('GET', `/api/v1/sites/${SITE}/campaigns/phone-support`)).trigger, undefined, 'S11’s campaign is still there');
  await context.close();
});

test('S17’s fixed schedule starts when it is added and keeps its length', async () => {
  await admin.goto(`${base}/console/sites/${SITE}/templates`);
  const card = admin.locator('article[data-template=S17]');
  assert.match(await card.locator('.template-note').textContent(), /schedule \(31 days\) is moved to start when you add it.*Asia\/Tokyo/);
  const before = Date.now();
  await card.locator('button').click();
  await admin.waitForSelector('article[data-template=S17] .notice.ok');
  const c = await server.api('GET', `/api/v1/sites/${SITE}/campaigns/first-purchase-coupon`);
  const start = Date.parse(c.schedule.start);
  assert.ok(start <= Date.now() && start > before - 61_000, `starts now: ${c.schedule.start}`);
  assert.match(c.schedule.start, /\+09:00$/, 'in the site’s timezone');
  assert.equal(Date.parse(c.schedule.end) - start, 31 * 86_400_000);
  assert.equal(c.status, 'paused');
  assert.match(await card.locator('.card-status').textContent(), /Schedule: .* – .*\(Asia\/Tokyo\)/);
});

test('a campaign is deleted from its editor after a confirmation; the list names formats in words', async () => {
  await admin.goto(`${base}/console/sites/${SITE}/campaigns`);
  assert.match(await admin.textContent('tr[data-campaign-row=first-purchase-coupon]'), /Coupon/);
  assert.match(await admin.textContent(`tr[data-campaign-row=${CAMPAIGN}]`), /Popup/);
  await admin.click('tr[data-campaign-row=first-purchase-coupon] a');
  await admin.waitForSelector('form.editor');
  const asked = admin.waitForEvent('dialog');
  await admin.click('form.editor .save-bar button.danger');
  assert.match((await asked).message(), /Delete the campaign/);
  await admin.waitForURL(`**/console/sites/${SITE}/campaigns?deleted=1`);
  await admin.waitForSelector('.notice.ok');
  assert.equal(await admin.locator('tr[data-campaign-row=first-purchase-coupon]').count(), 0);
  const r = await fetch(`${base}/api/v1/sites/${SITE}/campaigns/first-purchase-coupon`, { headers: { Authorization: `Bearer ${server.adminToken}` } });
  assert.equal(r.status, 404);
});

test('a new site gets its spacing between campaigns from the creation form', async () => {
  await admin.goto(`${base}/console/`);
  await admin.fill('form input[name=name]', 'Spaced Shop');
  await admin.fill('form input[name=id]', 'shop_spaced_01');
  await admin.fill('form textarea[name=domains]', 'spaced.example');
  await admin.fill('form input[name="spacing.min_pageviews"]', '2');
  await admin.fill('form input[name="spacing.min_seconds"]', '45');
  await admin.click('form button[type=submit]');
  await admin.waitForURL('**/console/sites/shop_spaced_01?created=1');
  assert.deepEqual((await server.api('GET', '/api/v1/sites/shop_spaced_01')).spacing, { min_pageviews: 2, min_seconds: 45 });
  assert.equal(await admin.inputValue('form input[name="spacing.min_seconds"]'), '45');
});

test('screenshots of the event definitions at 1280x800 and 390x844 in Japanese and English', async () => {
  for (const lang of ['ja', 'en']) {
    for (const [width, height] of [[1280, 800], [390, 844]]) {
      const page = await newPage({ lang, width, height });
      await signIn(page, base, 'admin', PASSWORD);
      await page.goto(`${base}${eventsUrl}`);
      await page.waitForSelector('tr[data-event-row=sale_view]');
      await screenshot(page, shot('event-definitions', lang, width, height));
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), `${lang} ${width}: no sideways scrolling`);
      await page.goto(`${base}${eventsUrl}/sale_view`);
      await page.waitForSelector('form.editor');
      await screenshot(page, shot('event-definition-editor', lang, width, height));
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), `${lang} ${width}: no sideways scrolling`);
      await page.context().close();
    }
  }
});
