// The history of who changed what, end to end in headless Chromium against the real server jar
// (docs/console.md, "History of changes"). One server for the file; tests run in order and build on each
// other: the administrator signs in, creates a site, installs a template and sets its campaign live from the
// campaign list; the site's history then says who changed what, with the status change and a diff of it; a
// viewer reads the history and can change nothing; screenshots of the history and the diff at 1280x800 and
// 390x844 in Japanese and English go to target/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { acceptInvite, launchBrowser, newPage as freshPage, screenshot, shot, signIn as signInAt, startServer } from './lib.mjs';

const PASSWORD = 'omotenashi-audit-password';
const VIEWER_PASSWORD = 'viewer-audit-password';
const SITE = 'shop_audit_01';
const CAMPAIGN = 'free-shipping-nudge';

let server, base, browser, admin;

before(async () => {
  server = await startServer({ name: 'server-audit' });
  base = server.base;
  browser = await launchBrowser();
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

const newPage = (opts) => freshPage(browser, opts);
const signIn = (page, login, password) => signInAt(page, base, login, password);
const history = (site = SITE, query = '') => `${base}/console/sites/${site}/history${query}`;

test('the administrator creates a site, installs a template and sets its campaign live from the list', async () => {
  admin = await newPage({ lang: 'en' });
  await acceptInvite(admin, base, server.invite, PASSWORD, 'Hanako Admin');
  await admin.goto(`${base}/console/`);
  await admin.waitForSelector('form input[name=name]');
  await admin.fill('form input[name=name]', 'Audit Shop');
  await admin.fill('form input[name=id]', SITE);
  await admin.fill('form textarea[name=domains]', 'shop.example');
  await admin.click('form button[type=submit]');
  await admin.waitForURL(`**/console/sites/${SITE}?created=1`);
  await admin.goto(`${base}/console/sites/${SITE}/templates`);
  await admin.click('article[data-template=S10] button');
  await admin.waitForSelector('article[data-template=S10] .notice.ok');
  await admin.goto(`${base}/console/sites/${SITE}/campaigns`);
  const row = admin.locator(`tr[data-campaign-row=${CAMPAIGN}]`);
  await row.waitFor();
  assert.match(await row.textContent(), /Paused/);
  await row.locator('button').click();
  await admin.waitForFunction((id) => /Live/.test(document.querySelector(`tr[data-campaign-row=${id}]`)?.textContent ?? ''), CAMPAIGN);
});

test("the site's history says who changed what: the operator's name and the status change", async () => {
  await admin.click('nav.tabs a[href$="/history"]');
  await admin.waitForURL(`**/console/sites/${SITE}/history`);
  await admin.waitForSelector('ol.audit-list');
  assert.equal(await admin.evaluate(() => document.activeElement?.id), 'page-title', 'focus on the title');
  const newest = admin.locator('li.audit-entry').first();
  assert.equal(await newest.getAttribute('data-kind'), 'campaigns');
  assert.equal(await newest.getAttribute('data-action'), 'status');
  const text = await newest.textContent();
  assert.match(text, /Hanako Admin \(admin\)/, 'who, by name');
  assert.match(text, /Status changed/);
  assert.match(text, /status Paused → Live/, 'the status change, explicitly');
  assert.match(text, new RegExp(CAMPAIGN));
  assert.equal(await newest.locator(`a[href="/console/sites/${SITE}/campaigns/${CAMPAIGN}"]`).count(), 1, 'a link to the campaign');
  // the installation before it, and the site's creation at the start
  const kinds = await admin.locator('li.audit-entry').evaluateAll((els) => els.map((e) => `${e.dataset.kind}:${e.dataset.action}`));
  assert.ok(kinds.includes('campaigns:create'), kinds.join(', '));
  assert.equal(kinds[kinds.length - 1], 'sites:create');
  assert.match(await admin.textContent('main'), /Times are in the site's time zone \(Asia\/Tokyo\)/);
});

test('the diff shows the status line changed, opened with the keyboard', async () => {
  const newest = admin.locator('li.audit-entry').first();
  await newest.locator('summary').focus();
  await admin.keyboard.press('Enter');
  await newest.locator('.diff').waitFor();
  const removed = await newest.locator('.diff-line.del .diff-text').allTextContents();
  const added = await newest.locator('.diff-line.add .diff-text').allTextContents();
  assert.equal(removed.length, 1, removed.join('\n'));
  assert.equal(added.length, 1, added.join('\n'));
  assert.match(removed[0].trim(), /^"status": "paused",?$/);
  assert.match(added[0].trim(), /^"status": "live",?$/);
  assert.ok(await newest.locator('.diff-line.fold').count() > 0, 'unchanged lines are folded');
  // and the fold markers sit in the diff, in line (not taken out of the flow by another rule)
  const box = await newest.locator('.diff').boundingBox();
  const fold = await newest.locator('.diff-line.fold').first().boundingBox();
  assert.ok(fold.x >= box.x && fold.y >= box.y && fold.y < box.y + box.height, JSON.stringify({ box, fold }));
  // what the API said is text, never markup
  assert.equal(await newest.locator('.diff img, .diff script').count(), 0);
});

test("the campaign editor's link shows that campaign's history only", async () => {
  await admin.goto(history(SITE, `?kind=campaigns&id=${CAMPAIGN}`));
  await admin.waitForSelector('ol.audit-list');
  const kinds = await admin.locator('li.audit-entry').evaluateAll((els) => els.map((e) => `${e.dataset.kind}:${e.dataset.action}`));
  assert.deepEqual(kinds, ['campaigns:status', 'campaigns:create']);
  assert.equal(await admin.inputValue('form.audit-filter select[name=kind]'), 'campaigns');
  assert.equal(await admin.inputValue('form.audit-filter input[name=id]'), CAMPAIGN);
  // an id without its kind is named at the field, in the form
  await admin.selectOption('form.audit-filter select[name=kind]', '');
  await admin.click('form.audit-filter button[type=submit]');
  await admin.waitForSelector('form.audit-filter input[name=id][aria-invalid=true]');
  // "show all" clears the filter
  await admin.click('form.audit-filter a');
  await admin.waitForURL(`**/console/sites/${SITE}/history`);
  await admin.waitForSelector('ol.audit-list');
  assert.ok(await admin.locator('li.audit-entry').count() > 2);
});

test('"Show more" pages through a long history and moves the focus to the first new entry', async () => {
  const other = 'shop_audit_02';
  await server.api('POST', '/api/v1/sites', { id: other, name: 'Busy shop', domains: ['busy.example'], timezone: 'UTC' });
  for (let i = 0; i < 55; i++) {
    await server.api('PUT', `/api/v1/sites/${other}/segments/s${String(i).padStart(2, '0')}`,
      { name: `Segment ${i}`, condition: { attr: 'visitor.visits', op: 'gte', value: i + 1 } });
  }
  await admin.goto(history(other));
  await admin.waitForSelector('ol.audit-list');
  assert.equal(await admin.locator('li.audit-entry').count(), 50);
  assert.match(await admin.locator('li.audit-entry').first().textContent(), /Administrators' token/);
  await admin.click('button.audit-more');
  await admin.waitForFunction(() => document.querySelectorAll('li.audit-entry').length === 56);
  assert.equal(await admin.evaluate(() => document.activeElement?.getAttribute('data-entry') === document.querySelectorAll('li.audit-entry')[50].getAttribute('data-entry')), true);
  assert.equal(await admin.locator('button.audit-more').count(), 0);
  assert.match(await admin.textContent('main'), /No earlier changes/);
});

test('a viewer reads the history and can change nothing', async () => {
  await server.api('POST', '/api/v1/operators', { login: 'viewer@shop.example', name: 'Taro Viewer', role: 'viewer', password: VIEWER_PASSWORD });
  const viewer = await newPage({ lang: 'ja' });
  await signIn(viewer, 'viewer@shop.example', VIEWER_PASSWORD);
  await viewer.goto(history());
  await viewer.waitForSelector('ol.audit-list');
  const newest = await viewer.locator('li.audit-entry').first().textContent();
  assert.match(newest, /Hanako Admin \(admin\)/);
  assert.match(newest, /ステータス: 停止中 → 公開中/);
  // nothing on the page changes anything: no form but the filter, no write button
  assert.equal(await viewer.locator('main form:not(.audit-filter)').count(), 0);
  // the campaign's button is disabled, and the API refuses the write the button would make
  await viewer.goto(`${base}/console/sites/${SITE}/campaigns`);
  await viewer.waitForSelector(`tr[data-campaign-row=${CAMPAIGN}]`);
  assert.equal(await viewer.locator(`tr[data-campaign-row=${CAMPAIGN}] button`).isDisabled(), true);
  const answers = await viewer.evaluate(async ({ site, id }) => {
    const s = await (await fetch('/api/v1/console/session')).json();
    const c = await (await fetch(`/api/v1/sites/${site}/campaigns/${id}`)).json();
    const put = await fetch(`/api/v1/sites/${site}/campaigns/${id}`, {
      method: 'PUT', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': s.csrf }, body: JSON.stringify({ ...c, status: 'paused' }) });
    const all = await fetch('/api/v1/audit');
    return [put.status, all.status];
  }, { site: SITE, id: CAMPAIGN });
  assert.deepEqual(answers, [403, 403]);
  // and the refused write left no entry
  await viewer.goto(history(SITE, `?kind=campaigns&id=${CAMPAIGN}`));
  await viewer.waitForSelector('ol.audit-list');
  assert.equal(await viewer.locator('li.audit-entry').count(), 2);
  // every change is for administrators only
  await viewer.goto(`${base}/console/history`);
  await viewer.waitForSelector('#page-title');
  assert.match(await viewer.textContent('main'), /管理者だけ/);
  assert.equal(await viewer.locator('ol.audit-list').count(), 0);
  await viewer.context().close();
});

test("the administrators' history of everything, linked from the users page, has the operators' changes", async () => {
  await admin.goto(`${base}/console/users`);
  await admin.click('a[href="/console/history"]');
  await admin.waitForURL('**/console/history');
  await admin.waitForSelector('ol.audit-list');
  // the newest change: the viewer added with the administrators' token
  const newest = admin.locator('li.audit-entry').first();
  assert.equal(await newest.getAttribute('data-kind'), 'operators');
  assert.equal(await newest.getAttribute('data-action'), 'create');
  assert.match(await newest.textContent(), /Administrators' token/);
  assert.match(await admin.textContent('main'), /Times are in this device's time zone/);
  await admin.selectOption('form.audit-filter select[name=kind]', 'operators');
  await admin.click('form.audit-filter button[type=submit]');
  await admin.waitForURL('**/console/history?kind=operators');
  await admin.waitForSelector('ol.audit-list');
  const kinds = await admin.locator('li.audit-entry').evaluateAll((els) => [...new Set(els.map((e) => e.dataset.kind))]);
  assert.deepEqual(kinds, ['operators']);
  const joined = admin.locator('li.audit-entry[data-action=accept_invite]');
  assert.match(await joined.textContent(), /Hanako Admin \(admin\)/);
  // filtered by a site, each entry links to that site's own history
  await admin.goto(`${base}/console/history?site=${SITE}`);
  await admin.waitForSelector('ol.audit-list');
  const sites = await admin.locator('li.audit-entry a.audit-site').evaluateAll((els) => [...new Set(els.map((a) => a.getAttribute('href')))]);
  assert.deepEqual(sites, [`/console/sites/${SITE}/history`]);
});

test('screenshots of the history and its diff at 1280x800 and 390x844 in Japanese and English', async () => {
  for (const lang of ['ja', 'en']) {
    for (const [width, height] of [[1280, 800], [390, 844]]) {
      const page = await newPage({ lang, width, height });
      await signIn(page, 'admin', PASSWORD);
      await page.goto(history());
      await page.waitForSelector('ol.audit-list');
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `no sideways scrolling at ${width}px (${overflow}px too wide)`);
      await screenshot(page, shot('history', lang, width, height));
      const newest = page.locator('li.audit-entry').first();
      await newest.locator('summary').click();
      await newest.locator('.diff-line.add').first().waitFor();
      await newest.locator('.diff-line.del').first().scrollIntoViewIfNeeded();
      const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(wide <= 0, `the diff fits at ${width}px (${wide}px too wide)`);
      await screenshot(page, shot('history-diff', lang, width, height));
      await page.context().close();
    }
  }
});
