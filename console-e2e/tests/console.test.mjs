// The operators' console end to end, in headless Chromium against the real server jar (docs/console.md).
// One server for the file, started without OMOTENASHI_ADMIN_TOKEN so the first administrator comes from the
// one-time link it prints. Tests run in order and build on each other: the administrator signs in, creates
// a site, installs a template, sets it live; a viewer cannot edit; then every screen is photographed at
// 1280x800 and 390x844 in Japanese and English into target/screenshots/.
//
// Environment: E2E_JAR (default ../server/target/omotenashi.jar), JAVA_HOME (else ../.mvn/find-jdk.sh finds a
// JDK >= 21), CHROMIUM (default /usr/bin/chromium).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launchBrowser, newPage as freshPage, shots, signIn as signInAt, startServer } from './lib.mjs';

const PASSWORD = 'omotenashi-e2e-password';
const VIEWER_PASSWORD = 'viewer-e2e-password';

let server, base, invite, adminToken, browser;

before(async () => {
  server = await startServer({ name: 'server' });
  ({ base, invite, adminToken } = server);
  browser = await launchBrowser();
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

const newPage = (opts) => freshPage(browser, opts);
const signIn = (page, login, password) => signInAt(page, base, login, password);

let admin; // the administrator's page, kept across tests
const SITE = 'shop_e2e_01';

test('the first administrator sets a password through the one-time link and is signed in', async () => {
  admin = await newPage({ lang: 'en' });
  await admin.goto(`${base}/console/#invite=${invite}`);
  await admin.waitForSelector('input[name=password]');
  await admin.fill('input[name=name]', 'Hanako Admin');
  await admin.fill('input[name=password]', PASSWORD);
  await admin.fill('input[name=confirm]', PASSWORD);
  await admin.click('button[type=submit]');
  await admin.waitForSelector('header.top');
  assert.match(await admin.textContent('header.top'), /Hanako Admin/);
  // the link works once
  const again = await newPage();
  await again.goto(`${base}/console/#invite=${invite}`);
  await again.fill('input[name=password]', 'another-password-123');
  await again.fill('input[name=confirm]', 'another-password-123');
  await again.click('button[type=submit]');
  await again.waitForSelector('[role=alert]');
  await again.context().close();
});

test('the session cookie is HttpOnly and SameSite=Strict, invisible to scripts', async () => {
  const cookies = await admin.context().cookies();
  const c = cookies.find((x) => x.name === 'omotenashi_session');
  assert.ok(c, 'a session cookie');
  assert.equal(c.httpOnly, true);
  assert.equal(c.sameSite, 'Strict');
  assert.equal(await admin.evaluate(() => document.cookie.includes('omotenashi_session')), false);
});

test('keyboard only: sign in with Tab and Enter', async () => {
  const page = await newPage({ lang: 'en' });
  await page.goto(`${base}/console/`);
  await page.waitForSelector('input[name=login]');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'login', 'the login field has focus');
  await page.keyboard.type('admin');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'password');
  await page.keyboard.type('wrong password!');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[role=alert]');
  assert.match(await page.textContent('[role=alert]'), /Wrong login or password/);
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'password', 'focus back on the password');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForSelector('header.top');
  // focus moves to the new screen's title, and the navigation is reachable by keyboard
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'page-title');
  let reached = false;
  for (let i = 0; i < 30 && !reached; i++) {
    await page.keyboard.press('Shift+Tab');
    reached = await page.evaluate(() => document.activeElement?.getAttribute('href') === '/console/tokens');
  }
  assert.ok(reached, 'the API tokens link is reachable with the keyboard');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/console/tokens');
  await page.waitForSelector('form input[name=name]');
  await page.context().close();
});

test('creating a site: a validation error appears at its field, then the site and its tag snippet', async () => {
  await admin.goto(`${base}/console/`);
  await admin.waitForSelector('form input[name=name]');
  await admin.fill('form input[name=name]', 'E2E Shop');
  await admin.fill('form input[name=id]', SITE);
  await admin.fill('form textarea[name=domains]', 'shop.example\nwww.shop.example');
  await admin.fill('form input[name=timezone]', 'Mars/Olympus_Mons');
  await admin.click('form button[type=submit]');
  const tz = admin.locator('form input[name=timezone]');
  await admin.waitForSelector('form input[name=timezone][aria-invalid=true]');
  const errorId = (await tz.getAttribute('aria-describedby')).split(' ').find((id) => id.endsWith('-error'));
  const message = await admin.textContent(`#${errorId}`);
  assert.match(message, /Mars\/Olympus_Mons/);
  assert.ok(await admin.isVisible(`#${errorId}`));
  assert.equal(await admin.evaluate(() => document.activeElement?.getAttribute('name')), 'timezone', 'the bad field has focus');
  await admin.screenshot({ path: path.join(shots, 'site-create-field-error-en-1280x800.png'), fullPage: true });
  await tz.fill('Asia/Tokyo');
  await admin.click('form button[type=submit]');
  await admin.waitForURL(`**/console/sites/${SITE}?created=1`);
  const snippet = await admin.textContent('pre.code');
  assert.match(snippet, new RegExp(`${base.replace(/[/.]/g, '\\$&')}/t\\.js`));
  assert.match(snippet, /omotenashi\('init', 'pk_/);
});

test('installing a template from the gallery puts its campaign in the list, paused, and it can go live', async () => {
  await admin.goto(`${base}/console/sites/${SITE}/templates`);
  await admin.waitForSelector('article[data-template=S10]');
  assert.equal(await admin.locator('article.template').count(), 18, 'S01-S17 and S11b');
  await admin.click('article[data-template=S10] button');
  await admin.waitForSelector('article[data-template=S10] .notice.ok');
  await admin.click('article[data-template=S10] a');
  await admin.waitForSelector('tr[data-campaign-row=free-shipping-nudge]');
  const row = admin.locator('tr[data-campaign-row=free-shipping-nudge]');
  assert.match(await row.textContent(), /Paused/);
  await row.locator('button').click();
  await admin.waitForFunction(() => /Live/.test(document.querySelector('tr[data-campaign-row=free-shipping-nudge]')?.textContent ?? ''));
  // the admin API agrees
  const stored = await (await fetch(`${base}/api/v1/sites/${SITE}/campaigns/free-shipping-nudge`, { headers: { Authorization: `Bearer ${adminToken}` } })).json();
  assert.equal(stored.status, 'live');
  // and its editor shows it, the JSON included (the editor itself: editor.test.mjs)
  await admin.click('tr[data-campaign-row=free-shipping-nudge] a');
  await admin.waitForSelector('form.editor');
  assert.match(await admin.inputValue('#ed-json'), /"id": "free-shipping-nudge"/);
  // a second template, so the list has more than one
  await admin.goto(`${base}/console/sites/${SITE}/templates`);
  await admin.click('article[data-template=S01] button');
  await admin.waitForSelector('article[data-template=S01] .notice.ok');
});

test('"why not?" explains each campaign for a real visitor on a page', async () => {
  const site = await (await fetch(`${base}/api/v1/sites/${SITE}`, { headers: { Authorization: `Bearer ${adminToken}` } })).json();
  const segment = await fetch(`${base}/api/v1/sites/${SITE}/segments/carted`, {
    method: 'PUT', headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ id: 'carted', name: 'Has a cart', condition: { event: 'cart', agg: 'count', op: 'gte', value: 1 } }),
  });
  assert.equal(segment.status, 201, await segment.text());
  const tracked = await fetch(`${base}/v1/t`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', Origin: 'https://shop.example' },
    body: JSON.stringify({ site: site.key, visitor: 'v_e2e_visitor01', page: { url: 'https://shop.example/cart' },
      events: [{ id: 'e_1', name: 'cart', properties: { in_cart_price: 4500 } }, { id: 'e_2', name: 'view' }], decide: false }),
  });
  assert.equal(tracked.status, 200, await tracked.text());
  await admin.goto(`${base}/console/sites/${SITE}/why-not`);
  await admin.waitForSelector('input[name=visitor]');
  // a validation error at its field first: no URL
  await admin.fill('input[name=visitor]', 'v_e2e_visitor01');
  await admin.fill('input[name=page]', '');
  await admin.click('form button[type=submit]');
  await admin.waitForSelector('input[name=page][aria-invalid=true]');
  await admin.fill('input[name=page]', 'https://shop.example/cart');
  await admin.click('form button[type=submit]');
  await admin.waitForSelector('tr[data-outcome=free-shipping-nudge]');
  assert.match(await admin.textContent('tr[data-outcome=free-shipping-nudge]'), /Shown/);
  assert.match(await admin.textContent('tr[data-outcome=welcome-first-visit]'), /Not shown.*Not live/s);
  await admin.screenshot({ path: path.join(shots, 'why-not-answer-en-1280x800.png'), fullPage: true });
});

test('segments show how many visitors are in each now', async () => {
  await admin.goto(`${base}/console/sites/${SITE}/segments`);
  await admin.waitForSelector('tr[data-segment-row=carted]');
  assert.match(await admin.textContent('tr[data-segment-row=carted] .count'), /^1 of 1$/);
});

test('a personal token is shown once and opens the admin API', async () => {
  await admin.goto(`${base}/console/tokens`);
  await admin.fill('form input[name=name]', 'nightly export');
  await admin.click('form button[type=submit]');
  await admin.waitForSelector('pre[data-secret=token]');
  const token = (await admin.textContent('pre[data-secret=token]')).trim();
  assert.match(token, /^op_/);
  const r = await fetch(`${base}/api/v1/sites`, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(r.status, 200);
  await admin.waitForSelector('#token-table tbody tr');
});

test('an administrator adds a viewer; the viewer sees everything and can edit nothing', async () => {
  await admin.goto(`${base}/console/users`);
  await admin.fill('form input[name=login]', 'viewer@shop.example');
  await admin.fill('form input[name=name]', 'Taro Viewer');
  await admin.selectOption('form select[name=role]', 'viewer');
  await admin.fill('form input[name=password]', 'short');
  await admin.click('form button[type=submit]');
  await admin.waitForSelector('form input[name=password][aria-invalid=true]');
  await admin.fill('form input[name=password]', VIEWER_PASSWORD);
  await admin.click('form button[type=submit]');
  await admin.waitForFunction(() => document.body.textContent.includes('viewer@shop.example'));

  const viewer = await newPage({ lang: 'en' });
  await signIn(viewer, 'viewer@shop.example', VIEWER_PASSWORD);
  assert.equal(await viewer.locator('.main-nav a[href="/console/users"]').count(), 0, 'no users page for a viewer');
  await viewer.goto(`${base}/console/sites/${SITE}/campaigns`);
  await viewer.waitForSelector('tr[data-campaign-row=free-shipping-nudge]');
  assert.equal(await viewer.locator('tr[data-campaign-row=free-shipping-nudge] button').isDisabled(), true);
  await viewer.goto(`${base}/console/sites/${SITE}/templates`);
  await viewer.waitForSelector('article[data-template=S10]');
  assert.equal(await viewer.locator('article[data-template=S10] button').isDisabled(), true);
  // and the API behind the screens refuses, even with the session's CSRF token
  const status = await viewer.evaluate(async (site) => {
    const s = await (await fetch('/api/v1/console/session')).json();
    const c = await (await fetch(`/api/v1/sites/${site}/campaigns/free-shipping-nudge`)).json();
    const r = await fetch(`/api/v1/sites/${site}/campaigns/free-shipping-nudge`, {
      method: 'PUT', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': s.csrf }, body: JSON.stringify({ ...c, status: 'paused' }) });
    return r.status;
  }, SITE);
  assert.equal(status, 403);
  await viewer.context().close();
});

test('the viewer changes their own password from the account page and stays signed in', async () => {
  const viewer = await newPage({ lang: 'ja' });
  await signIn(viewer, 'viewer@shop.example', VIEWER_PASSWORD);
  await viewer.click('header a.who');
  await viewer.waitForSelector('input[name=current_password]');
  await viewer.fill('input[name=current_password]', 'not my password');
  await viewer.fill('input[name=new_password]', 'viewer-new-password');
  await viewer.fill('input[name=confirm]', 'viewer-new-password');
  await viewer.click('form button[type=submit]');
  await viewer.waitForSelector('input[name=current_password][aria-invalid=true]');
  await viewer.fill('input[name=current_password]', VIEWER_PASSWORD);
  await viewer.fill('input[name=new_password]', 'viewer-new-password');
  await viewer.fill('input[name=confirm]', 'viewer-new-password');
  await viewer.click('form button[type=submit]');
  await viewer.waitForSelector('form .notice.ok');
  // still signed in, with the new session
  await viewer.goto(`${base}/console/tokens`);
  await viewer.waitForSelector('#page-title');
  await viewer.context().close();
});

test('a write without the CSRF token is refused even from the console origin', async () => {
  const status = await admin.evaluate(async (site) => {
    const r = await fetch(`/api/v1/sites/${site}/campaigns/free-shipping-nudge`, { method: 'DELETE' });
    return r.status;
  }, SITE);
  assert.equal(status, 403);
});

test('screenshots of every screen at 1280x800 and 390x844 in Japanese and English', async () => {
  const screens = [
    ['signin', '/console/', false],
    ['sites', '/console/', true],
    ['site', `/console/sites/${SITE}`, true],
    ['templates', `/console/sites/${SITE}/templates`, true],
    ['campaigns', `/console/sites/${SITE}/campaigns`, true],
    ['campaign-editor', `/console/sites/${SITE}/campaigns/free-shipping-nudge`, true],
    ['tokens', '/console/tokens', true],
    ['users', '/console/users', true],
    ['segments', `/console/sites/${SITE}/segments`, true],
    ['why-not', `/console/sites/${SITE}/why-not`, true],
    ['account', '/console/account', true],
  ];
  let count = 0;
  for (const lang of ['ja', 'en']) {
    for (const [width, height] of [[1280, 800], [390, 844]]) {
      const page = await newPage({ lang, width, height });
      await page.goto(`${base}/console/`);
      await page.waitForSelector('input[name=login]');
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang, 'the browser language decides');
      for (const [name, url, signedIn] of screens) {
        if (signedIn && (await page.locator('header.top').count()) === 0) await signIn(page, 'admin', PASSWORD);
        await page.goto(`${base}${url}`);
        await page.waitForSelector(signedIn ? '#page-title' : 'input[name=login]');
        await page.waitForLoadState('networkidle');
        if (signedIn) {
          const title = await page.textContent('#page-title');
          assert.ok(title.trim().length > 0);
        }
        await page.screenshot({ path: path.join(shots, `${name}-${lang}-${width}x${height}.png`), fullPage: false });
        count++;
      }
      await page.context().close();
    }
  }
  assert.equal(count, 44);
});

test('the language can be switched and is remembered', async () => {
  const page = await newPage({ lang: 'en' });
  await signIn(page, 'admin', PASSWORD);
  assert.match(await page.textContent('.main-nav'), /Sites/);
  await page.selectOption('#lang', 'ja');
  await page.waitForFunction(() => document.querySelector('.main-nav')?.textContent?.includes('サイト'));
  await page.reload();
  await page.waitForSelector('.main-nav');
  assert.match(await page.textContent('.main-nav'), /サイト/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
  await page.context().close();
});
