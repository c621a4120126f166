// The operators' console end to end, in headless Chromium against the real server jar (docs/console.md).
// One server for the file, started without OMOTENASHI_ADMIN_TOKEN so the first administrator comes from the
// one-time link it prints. Tests run in order and build on each other: the administrator signs in, creates
// a site, installs a template, sets it live; "why not?" explains a delivered, a paused and a suppressed
// campaign; a viewer cannot edit; the keyboard alone creates a site, sets a template's campaign live and asks
// "why not?", and Tab passes over the editor's preview frames; the API's messages and the sign-in screens
// speak the chosen language; then every screen is photographed at 1280x800, 390x844 and (the main ones)
// 768x1024 in Japanese and English into target/screenshots/, none scrolling sideways.
//
// Environment: E2E_JAR (default ../server/target/omotenashi.jar), JAVA_HOME (else ../.mvn/find-jdk.sh finds a
// JDK >= 21), CHROMIUM (default /usr/bin/chromium).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launchBrowser, newPage as freshPage, screenshot, shots, sidewaysOverflow, signIn as signInAt, startServer } from './lib.mjs';

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
  // focus moves to the new screen's title once the screen has drawn (after the header: it waits for its
  // data), and the navigation is reachable by keyboard
  await page.waitForFunction(() => document.activeElement?.id === 'page-title', null, { timeout: 10_000 }).catch(() => {});
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
  assert.match(message, /is not a timezone \(e\.g\. Asia\/Tokyo\)/, 'the console’s words, with the server’s values');
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
});

/** Asks "why not?" on a page of the console for a visitor on a page URL, and waits for the answer's rows. */
async function askWhyNot(page, site, visitor, url) {
  await page.goto(`${base}/console/sites/${site}/why-not`);
  await page.waitForSelector('input[name=visitor]');
  await page.fill('input[name=visitor]', visitor);
  await page.fill('input[name=page]', url);
  await page.click('form button[type=submit]');
  await page.waitForSelector('tr[data-outcome]');
}

test('"why not?" explains a campaign suppressed by another of higher priority, in English and Japanese', async () => {
  // two live popups on every page: one modal action per page view, so the higher priority wins the slot
  const popup = (id, name, priority) => server.api('PUT', `/api/v1/sites/${SITE}/campaigns/${id}`, {
    id, name, status: 'live', priority, creative: { template: 'popup', content: { title: name, text: 'Only today.' } } });
  await popup('popup-high', 'Spring sale', 10);
  await popup('popup-low', 'Newsletter', 1);
  const site = await server.api('GET', `/api/v1/sites/${SITE}`);
  const tracked = await fetch(`${base}/v1/t`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', Origin: 'https://shop.example' },
    body: JSON.stringify({ site: site.key, visitor: 'v_e2e_visitor01', page: { url: 'https://shop.example/items/1' },
      events: [{ id: 'e_3', name: 'view' }], decide: false }),
  });
  assert.equal(tracked.status, 200, await tracked.text());
  // what the server says, so the console's words are checked against it
  const answer = await server.api('POST', `/api/v1/sites/${SITE}/decide/preview`, { visitor: 'v_e2e_visitor01', page: { url: 'https://shop.example/items/1' } });
  const low = answer.campaigns.find((c) => c.campaign === 'popup-low');
  assert.deepEqual([low.delivered, low.reason, low.detail], [false, 'priority', 'another modal action has higher priority']);
  assert.equal(answer.campaigns.find((c) => c.campaign === 'popup-high').delivered, true);

  await askWhyNot(admin, SITE, 'v_e2e_visitor01', 'https://shop.example/items/1');
  assert.match(await admin.textContent('tr[data-outcome=popup-high]'), /Shown/);
  const row = admin.locator('tr[data-outcome=popup-low]');
  assert.match(await row.textContent(), /Not shown/);
  assert.equal(await row.locator('[data-reason]').getAttribute('data-reason'), 'priority');
  assert.match(await row.textContent(), /A campaign of higher priority took the slot/);
  assert.match(await row.textContent(), /Another modal campaign \(one that covers the page\) of higher priority is shown/);

  const ja = await newPage({ lang: 'ja' });
  await signIn(ja, 'admin', PASSWORD);
  await askWhyNot(ja, SITE, 'v_e2e_visitor01', 'https://shop.example/items/1');
  assert.match(await ja.textContent('tr[data-outcome=popup-high]'), /表示される/);
  const jaRow = ja.locator('tr[data-outcome=popup-low]');
  assert.match(await jaRow.textContent(), /表示されない/);
  assert.match(await jaRow.textContent(), /優先度の高い別の接客が表示枠を使っています/);
  assert.match(await jaRow.textContent(), /優先度の高い別のモーダル（画面を覆う接客）が表示されます/);
  assert.doesNotMatch(await jaRow.textContent(), /another modal action/, 'no English from the server on a Japanese screen');
  // the paused template's reason is in Japanese too
  assert.match(await ja.textContent('tr[data-outcome=welcome-first-visit]'), /公開されていません/);
  await ja.context().close();
});

test('Tab passes over the live preview: its frames are inert and a summary says what they show', async () => {
  const page = await newPage({ lang: 'en' });
  await signIn(page, 'admin', PASSWORD);
  await page.goto(`${base}/console/sites/${SITE}/campaigns/popup-high`);
  await page.waitForSelector('form.editor');
  // the popup is drawn in both frames (a modal: on a shop page it keeps Tab inside itself)
  for (const device of ['desktop', 'phone']) {
    await page.frameLocator(`iframe[data-device=${device}]`).locator('omotenashi-action[data-template=popup] h2', { hasText: 'Spring sale' }).waitFor();
  }
  assert.deepEqual(await page.evaluate(() => Array.from(document.querySelectorAll('.preview iframe')).map((f) => [f.inert, f.tabIndex])),
    [[true, -1], [true, -1]]);
  await page.waitForFunction(() => /Spring sale/.test(document.querySelector('[data-preview-summary]')?.textContent ?? ''));
  assert.match(await page.textContent('[data-preview-summary]'), /^The preview \(Popup\) shows: .*Spring sale.*Only today\./);
  // a Tab walk from the title to the save button: never into a frame, past the preview to what follows it
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'page-title');
  const seen = [];
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => {
      const a = document.activeElement;
      const preview = document.querySelector('.preview');
      const where = !a || !preview ? 'none' : a.tagName === 'IFRAME' ? 'frame'
        : preview.contains(a) ? 'preview' : preview.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING ? 'after' : 'before';
      return { tag: a?.tagName, where, save: !!a?.matches('.save-bar button[type=submit]') };
    });
    assert.notEqual(at.where, 'frame', `Tab ${i + 1} went into a preview frame`);
    seen.push(at.where);
    if (at.save) break;
  }
  assert.ok(seen.includes('preview'), 'the preview’s own button is reached');
  assert.ok(seen.indexOf('after', seen.indexOf('preview')) > 0, 'and Tab goes on past the preview');
  assert.equal(await page.evaluate(() => document.activeElement?.matches('.save-bar button[type=submit]')), true, 'the save button is reached');
  // and back with Shift+Tab over the frames again
  let back = false;
  for (let i = 0; i < 400 && !back; i++) {
    await page.keyboard.press('Shift+Tab');
    const w = await page.evaluate(() => {
      const a = document.activeElement;
      const preview = document.querySelector('.preview');
      return !a ? 'none' : a.tagName === 'IFRAME' ? 'frame' : preview.contains(a) ? 'preview'
        : preview.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_PRECEDING ? 'before' : 'after';
    });
    assert.notEqual(w, 'frame', 'Shift+Tab went into a preview frame');
    back = w === 'before';
  }
  assert.ok(back, 'Shift+Tab goes back past the preview');
  await page.context().close();
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

/** Presses Tab (or Shift+Tab) until `test` holds in the page, at most `max` times; fails naming `what` else. */
async function tabTo(page, test, what, { back = false, max = 300 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate(test)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  assert.fail(`${what} is not reachable with ${back ? 'Shift+Tab' : 'Tab'}`);
}

test('keyboard only: create a site, install a template and set its campaign live, ask "why not?"', async () => {
  const KB_SITE = 'shop_keyboard_01';
  const page = await newPage({ lang: 'en' });
  await page.goto(`${base}/console/`);
  await page.waitForSelector('input[name=login]');
  // signing in: the login field has the focus
  await page.keyboard.type('admin');
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForSelector('header.top');
  await page.waitForFunction(() => document.activeElement?.id === 'page-title');

  // a site: its name, id and domain typed, the form sent with Enter on its button
  await tabTo(page, () => document.activeElement?.matches('form input[name=name]'), 'the site name');
  await page.keyboard.type('Keyboard Shop');
  await tabTo(page, () => document.activeElement?.matches('form input[name=id]'), 'the site id');
  await page.keyboard.type(KB_SITE);
  await tabTo(page, () => document.activeElement?.matches('form textarea[name=domains]'), 'the domains');
  await page.keyboard.type('keys.example');
  await tabTo(page, () => document.activeElement?.matches('form button[type=submit]'), 'the create button');
  await page.keyboard.press('Enter');
  await page.waitForURL(`**/console/sites/${KB_SITE}?created=1`);
  await page.waitForFunction(() => document.activeElement?.id === 'page-title');

  // the gallery by its tab; S10 added with Space; its campaigns by the link that appears
  await tabTo(page, () => document.activeElement?.getAttribute('href')?.endsWith('/templates'), 'the templates tab', { max: 60 });
  await page.keyboard.press('Enter');
  await page.waitForSelector('article[data-template=S10] button');
  await page.waitForFunction(() => document.activeElement?.id === 'page-title');
  await tabTo(page, () => document.activeElement?.matches('article[data-template=S10] button'), 'S10’s add button');
  await page.keyboard.press('Space');
  await page.waitForSelector('article[data-template=S10] .notice.ok');
  await tabTo(page, () => document.activeElement?.matches('article[data-template=S10] a'), 'the link to the campaigns');
  await page.keyboard.press('Enter');
  await page.waitForSelector('tr[data-campaign-row=free-shipping-nudge]');
  assert.match(await page.textContent('tr[data-campaign-row=free-shipping-nudge]'), /Paused/);
  await tabTo(page, () => document.activeElement?.matches('tr[data-campaign-row=free-shipping-nudge] button'), 'the set-live button');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => /Live/.test(document.querySelector('tr[data-campaign-row=free-shipping-nudge]')?.textContent ?? ''));
  assert.equal((await server.api('GET', `/api/v1/sites/${KB_SITE}/campaigns/free-shipping-nudge`)).status, 'live');

  // "why not?" by its tab (the list was drawn again, its title focused): a visitor id typed, the prefilled page
  // URL kept, Enter in it asks
  await page.waitForFunction(() => document.activeElement?.id === 'page-title');
  await tabTo(page, () => document.activeElement?.getAttribute('href')?.endsWith('/why-not'), 'the why-not tab', { max: 60 });
  await page.keyboard.press('Enter');
  await page.waitForSelector('input[name=visitor]');
  await tabTo(page, () => document.activeElement?.matches('input[name=visitor]'), 'the visitor field');
  await page.keyboard.type('v_keyboard_visitor01');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'page');
  assert.equal(await page.inputValue('input[name=page]'), 'https://keys.example/');
  await page.keyboard.press('Enter');
  await page.waitForSelector('tr[data-outcome=free-shipping-nudge]');
  // a new visitor has no cart: the nudge's audience keeps it from them, and the answer says so
  assert.match(await page.textContent('tr[data-outcome=free-shipping-nudge]'), /Not shown.*does not match the audience/s);
  await page.context().close();
});

test('a write without the CSRF token is refused even from the console origin', async () => {
  const status = await admin.evaluate(async (site) => {
    const r = await fetch(`/api/v1/sites/${site}/campaigns/free-shipping-nudge`, { method: 'DELETE' });
    return r.status;
  }, SITE);
  assert.equal(status, 403);
});

test('screenshots of every screen at 1280x800, 390x844 and 768x1024 in Japanese and English, none scrolling sideways', async () => {
  // [name, path, signed in, what shows the screen is ready, what to do on it first]
  const fieldError = async (page) => {
    await page.fill('form input[name=name]', 'Picture Shop');
    await page.fill('form input[name=id]', 'shop_picture_01');
    await page.fill('form textarea[name=domains]', 'picture.example');
    await page.fill('form input[name=timezone]', 'Mars/Olympus_Mons');
    await page.click('form button[type=submit]');
    await page.waitForSelector('form input[name=timezone][aria-invalid=true]');
  };
  const whyNotAnswer = async (page) => {
    await page.fill('input[name=visitor]', 'v_e2e_visitor01');
    await page.fill('input[name=page]', 'https://shop.example/items/1');
    await page.click('form button[type=submit]');
    await page.waitForSelector('tr[data-outcome=popup-low]');
  };
  const screens = [
    ['signin', '/console/', false, 'input[name=login]'],
    ['invite', '/console/#invite=oi_picture_only', false, 'input[name=confirm]'],
    ['sites', '/console/', true, '#page-title'],
    ['site-create-field-error', '/console/', true, 'form input[name=timezone]', fieldError],
    ['site', `/console/sites/${SITE}`, true, '#page-title'],
    ['templates', `/console/sites/${SITE}/templates`, true, 'article[data-template=S10]'],
    ['campaigns', `/console/sites/${SITE}/campaigns`, true, 'tr[data-campaign-row]'],
    ['campaign-new', `/console/sites/${SITE}/campaigns/new`, true, 'form.editor'],
    ['campaign-editor', `/console/sites/${SITE}/campaigns/free-shipping-nudge`, true, 'form.editor'],
    ['tokens', '/console/tokens', true, '#page-title'],
    ['users', '/console/users', true, '#page-title'],
    ['segments', `/console/sites/${SITE}/segments`, true, 'tr[data-segment-row]'],
    ['why-not', `/console/sites/${SITE}/why-not`, true, 'input[name=visitor]'],
    ['why-not-answer', `/console/sites/${SITE}/why-not`, true, 'input[name=visitor]', whyNotAnswer],
    ['history-all', '/console/history', true, 'ol.audit-list'],
    ['account', '/console/account', true, '#page-title'],
  ];
  // the tablet pass: the main screens
  const tablet = new Set(['signin', 'sites', 'site', 'templates', 'campaigns', 'campaign-editor', 'segments', 'why-not-answer', 'tokens', 'users', 'history-all', 'account']);
  const words = {
    ja: { signin: /ログイン/, invite: /パスワードの設定/, 'site-create-field-error': /「Mars\/Olympus_Mons」はタイムゾーンではありません/, 'why-not-answer': /優先度の高い別の接客/ },
    en: { signin: /Sign in/, invite: /Choose your password/, 'site-create-field-error': /“Mars\/Olympus_Mons” is not a timezone/, 'why-not-answer': /higher priority took the slot/ },
  };
  for (const lang of ['ja', 'en']) {
    for (const [width, height] of [[1280, 800], [390, 844], [768, 1024]]) {
      const page = await newPage({ lang, width, height });
      await page.goto(`${base}/console/`);
      await page.waitForSelector('input[name=login]');
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang, 'the browser language decides');
      for (const [name, url, signedIn, ready, act] of screens) {
        if (width === 768 && !tablet.has(name)) continue;
        if (signedIn && (await page.locator('header.top').count()) === 0) await signIn(page, 'admin', PASSWORD);
        await page.goto('about:blank'); // a link with only another #fragment would not load the page again
        await page.goto(`${base}${url}`);
        await page.waitForSelector(ready);
        if (act) await act(page);
        await page.waitForLoadState('networkidle');
        if (signedIn) assert.ok((await page.textContent('#page-title')).trim().length > 0, `${name}: a title`);
        if (words[lang][name]) assert.match(await page.textContent('main'), words[lang][name], `${name} in ${lang}`);
        const [overflow, widest] = await sidewaysOverflow(page);
        assert.ok(overflow <= 0, `${name} ${lang}: no sideways scrolling at ${width}x${height} (${overflow} px too wide: ${widest})`);
        await screenshot(page, path.join(shots, `${name}-${lang}-${width}x${height}.png`));
      }
      await page.context().close();
    }
  }
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

test('the sign-in and invitation screens have the language switch, and keep what was typed', async () => {
  const page = await newPage({ lang: 'en' });
  await page.goto(`${base}/console/`);
  await page.waitForSelector('input[name=login]');
  assert.equal(await page.locator('header.top').count(), 0, 'no signed-in header');
  await page.fill('input[name=login]', 'admin');
  await page.selectOption('#lang', 'ja');
  await page.waitForFunction(() => document.querySelector('#page-title')?.textContent === 'ログイン');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
  assert.equal(await page.inputValue('input[name=login]'), 'admin', 'the login typed stays');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'lang', 'the focus stays on the switch');
  // the server's refusal in the chosen language
  await page.fill('input[name=password]', 'not the password');
  await page.click('form button[type=submit]');
  await page.waitForSelector('[role=alert]');
  assert.equal((await page.textContent('[role=alert]')).trim(), 'ログインIDまたはパスワードが違います。');
  // remembered
  await page.reload();
  await page.waitForSelector('input[name=login]');
  assert.equal(await page.textContent('#page-title'), 'ログイン');

  // the invitation screen: the switch, and the server's answer to a dead link in the language chosen
  await page.goto('about:blank');
  await page.goto(`${base}/console/#invite=oi_no_such_invitation`);
  await page.waitForSelector('input[name=confirm]');
  assert.equal(await page.textContent('#page-title'), 'パスワードの設定');
  await page.fill('input[name=password]', 'a-new-password-123');
  await page.selectOption('#lang', 'en');
  await page.waitForFunction(() => document.querySelector('#page-title')?.textContent === 'Choose your password');
  assert.equal(await page.inputValue('input[name=password]'), 'a-new-password-123');
  await page.fill('input[name=confirm]', 'a-new-password-123');
  await page.click('form button[type=submit]');
  await page.waitForSelector('[role=alert]');
  assert.match(await page.textContent('[role=alert]'), /unknown, used or expired/);
  await page.selectOption('#lang', 'ja');
  await page.waitForFunction(() => document.querySelector('#page-title')?.textContent === 'パスワードの設定');
  await page.fill('input[name=confirm]', 'a-new-password-123');
  await page.click('form button[type=submit]');
  await page.waitForSelector('[role=alert]');
  assert.match(await page.textContent('[role=alert]'), /この招待リンクは使えません/);
  await page.context().close();
});

test('the API’s validation messages are in Japanese on Japanese screens, with the server’s values', async () => {
  const page = await newPage({ lang: 'ja' });
  await signIn(page, 'admin', PASSWORD);
  await page.goto(`${base}/console/sites/${SITE}`);
  await page.waitForSelector('form input[name=session_timeout]');
  await page.fill('form input[name=session_timeout]', '0');
  await page.fill('form input[name="spacing.min_pageviews"]', '5000');
  await page.click('form button[type=submit]');
  await page.waitForSelector('form input[name="spacing.min_pageviews"][aria-invalid=true]');
  const errorOf = async (name) => {
    const id = (await page.getAttribute(`form input[name="${name}"]`, 'aria-describedby')).split(' ').find((x) => x.endsWith('-error'));
    return page.textContent(`[id="${id}"]`);
  };
  assert.equal(await errorOf('spacing.min_pageviews'), '0〜1000 の整数を入力してください。');
  assert.equal(await errorOf('session_timeout'), '1分（PT1M）から1日（P1D）の間にしてください。');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'session_timeout', 'the first bad field has the focus');
  assert.equal((await server.api('GET', `/api/v1/sites/${SITE}`)).session_timeout, 1800, 'nothing was changed');
  await page.context().close();
});

test('too many failed sign-ins from one address: the refusal is in the chosen language', async () => {
  const page = await newPage({ lang: 'ja' });
  await page.goto(`${base}/console/`);
  await page.waitForSelector('input[name=login]');
  // failures from this browser until the address is refused (20 in 10 minutes; earlier tests made a few)
  const refused = await page.evaluate(async () => {
    for (let i = 0; i < 25; i++) {
      const r = await fetch('/api/v1/console/session', { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ login: 'nobody-at-all', password: `guess-${i}` }) });
      if (r.status === 429) return true;
    }
    return false;
  });
  assert.ok(refused, 'the address is refused after its failures');
  await page.fill('input[name=login]', 'admin');
  await page.fill('input[name=password]', PASSWORD);
  await page.click('form button[type=submit]');
  await page.waitForSelector('[role=alert]');
  assert.match(await page.textContent('[role=alert]'), /この接続元からのログインの失敗が多すぎます。\d+ 分後にもう一度お試しください。/);
  assert.equal(await page.inputValue('input[name=password]'), '', 'the password is emptied');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'password');
  await page.selectOption('#lang', 'en');
  await page.fill('input[name=password]', PASSWORD);
  await page.click('form button[type=submit]');
  await page.waitForFunction(() => /Too many failed sign-ins from your address\. Try again in \d+ minute/.test(document.querySelector('[role=alert]')?.textContent ?? ''));
  // the test clock moves past the window: signing in works again
  await server.api('POST', '/api/v1/test-clock', { advance: 'PT11M' });
  await page.fill('input[name=password]', PASSWORD);
  await page.click('form button[type=submit]');
  await page.waitForSelector('header.top');
  await page.context().close();
});
