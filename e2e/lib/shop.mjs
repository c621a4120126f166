// The demo shop in headless Chromium, as visitors see it. One browser for the run (run.mjs); every visitor is a new
// browser context (no cookies, no storage): a fresh visitor. Pages are instrumented through the tag's own
// API: an init script defines the snippet's stub first and registers `on` handlers for every tag event,
// so a test knows what was delivered, shown, clicked and closed (window.__omo), and where (window.__omoEl).
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as server from './server.mjs';
import { BROWSER_ARGS } from './browser-args.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SCREENSHOTS = path.join(here, '..', 'target', 'screenshots');

export const DEVICES = {
  pc: {
    viewport: { width: 1280, height: 800 },
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
  },
  smartphone: {
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
    userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1',
  },
};

const INSTRUMENT = `(() => {
  const w = window;
  w.__omo = []; w.__omoEl = {};
  w.omotenashi = w.omotenashi || function () { (w.omotenashi.q = w.omotenashi.q || []).push(arguments); };
  for (const type of ['delivered', 'action', 'shown', 'clicked', 'closed', 'control', 'submitted', 'error']) {
    w.omotenashi('on', type, (d) => {
      const { element, ...rest } = d;
      try { w.__omo.push(JSON.parse(JSON.stringify(rest))); } catch { w.__omo.push({ type: d.type, campaign: d.campaign }); }
      if (element && d.campaign) w.__omoEl[d.campaign] = element;
    });
  }
})();`;

let browser;

/**
 * The browser of this test file: run.mjs's Chromium (E2E_BROWSER), connected on first use, else one launched
 * for the file; closed (disconnected) when the file's tests end.
 */
export async function launch() {
  if (!browser) {
    browser = process.env.E2E_BROWSER
      ? await chromium.connect(process.env.E2E_BROWSER)
      : await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: BROWSER_ARGS });
  }
  return browser;
}

export async function closeBrowser() {
  if (browser) await browser.close();
  browser = undefined;
}

/**
 * A new visitor: a fresh browser context on `device` ('pc' or 'smartphone'). The page's clock starts at
 * the server's test clock (which earlier tests moved forward), as a real browser's clock agrees with the
 * server's: the tag stamps events with the browser's time. `advance()` moves both.
 */
export async function visitor(device = 'pc', { clock = true, lang = 'ja' } = {}) {
  const b = await launch();
  const context = await b.newContext({ ...DEVICES[device], locale: lang === 'en' ? 'en-US' : 'ja-JP', timezoneId: 'Asia/Tokyo' });
  if (clock) await context.clock.install({ time: await server.serverNow() });
  await context.addInitScript(INSTRUMENT);
  if (process.env.E2E_TAG_JS) {
    // a tag build to try before the server serves /t.js itself
    await context.route('**/t.js', (r) => r.fulfill({ path: process.env.E2E_TAG_JS, contentType: 'text/javascript' }));
  }
  const page = await context.newPage();
  return new Visitor(context, page, device, clock);
}

export class Visitor {
  constructor(context, page, device, clock) {
    this.context = context;
    this.page = page;
    this.device = device;
    this.clock = clock;
    this.errors = [];
    this.inFlight = new Set();
    page.on('console', (m) => { if (m.type() === 'error') this.errors.push(m.text()); });
    page.on('pageerror', (e) => this.errors.push('uncaught: ' + e.message));
    const isTrack = (r) => r.url().endsWith('/v1/t');
    page.on('request', (r) => { if (isTrack(r)) this.inFlight.add(r); });
    page.on('requestfinished', (r) => this.inFlight.delete(r));
    page.on('requestfailed', (r) => this.inFlight.delete(r));
    // a page left behind may never report its last requests finished: they are the old page's
    page.on('framenavigated', (f) => { if (f === page.mainFrame()) this.inFlight.clear(); });
  }

  /** Opens a shop page (`/items/7`, `/?utm_medium=cpc`) and waits until the tag's view was answered. */
  async visit(shopPath) {
    const answered = this.page.waitForResponse((r) => r.url().endsWith('/v1/t'), { timeout: 10_000 });
    await this.page.goto(server.BASE + '/demo' + shopPath);
    await answered;
    await this.settle();
  }

  /** Waits until no request of the tag is in flight for a moment (its reports reached the server). */
  async settle(quietMs = 150) {
    const deadline = Date.now() + 10_000;
    let quietSince = Date.now();
    while (Date.now() < deadline) {
      if (this.inFlight.size > 0) quietSince = Date.now();
      else if (Date.now() - quietSince >= quietMs) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('the tag kept sending for 10 s');
  }

  /** The tag's events on this page so far: [{type, campaign, template, ...}]. */
  events() {
    return this.page.evaluate(() => window.__omo);
  }

  /** Campaigns delivered to this page (whatever their trigger). */
  async delivered() {
    return (await this.events()).filter((e) => e.type === 'delivered').map((e) => e.campaign);
  }

  /** The action of `campaign` once the tag has shown it: a locator of its host element (shadow DOM pierced). */
  async shown(campaign, timeout = 5_000) {
    await this.page.waitForFunction((c) => window.__omo.some((e) => e.type === 'shown' && e.campaign === c), campaign, { timeout })
      .catch(async () => {
        assert.fail(`${campaign} was not shown; the tag reported: ${JSON.stringify(await this.events())}`);
      });
    const action = this.action(campaign);
    // the host element has no box of its own (its content is positioned): wait for what it shows
    await action.locator('[role]').first().waitFor({ state: 'visible', timeout });
    return action;
  }

  /** The host element of a campaign's action (Playwright's locators pierce its open shadow root). */
  action(campaign) {
    return this.page.locator(`omotenashi-action[data-campaign="${campaign}"]`);
  }

  /** The text inside a shown action's shadow root. */
  async text(campaign) {
    return this.page.evaluate((c) => {
      const el = document.querySelector(`omotenashi-action[data-campaign="${c}"]`) || window.__omoEl[c];
      return el && el.shadowRoot ? el.shadowRoot.textContent : null;
    }, campaign);
  }

  /** Asserts that the campaign was neither delivered nor rendered on this page. */
  async assertNotDelivered(campaign) {
    await this.settle();
    const events = await this.events();
    assert.ok(!events.some((e) => e.campaign === campaign), `${campaign} was not expected here; the tag reported ${JSON.stringify(events)}`);
    assert.equal(await this.action(campaign).count(), 0, `${campaign} is on the page`);
  }

  /** Closes a shown action with its close button, as a visitor does, and waits for the report. */
  async close(campaign) {
    await this.action(campaign).locator('button.x').first().click();
    await this.page.waitForFunction((c) => window.__omo.some((e) => e.type === 'closed' && e.campaign === c), campaign);
    await this.settle();
  }

  /** Closes every modal action on the page (the welcome or sign-up popups the other campaigns bring). */
  async closeModals() {
    for (let i = 0; i < 3; i++) {
      const shownModal = (await this.events()).filter((e) => e.type === 'shown' && ['popup', 'coupon', 'survey', 'recommendation'].includes(e.template))
        .map((e) => e.campaign);
      const open = [];
      for (const c of shownModal) if (await this.action(c).count()) open.push(c);
      if (!open.length) return;
      for (const c of open) await this.close(c);
    }
  }

  /** Saves a screenshot of the page as it is, at this device's size and at the other one (the same page resized). */
  async screenshot(name) {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const own = this.device === 'pc' ? 'desktop' : 'smartphone';
    const other = this.device === 'pc' ? 'smartphone' : 'desktop';
    const otherDevice = this.device === 'pc' ? 'smartphone' : 'pc';
    const size = this.page.viewportSize();
    await this.page.waitForTimeout(300); // the actions' entrance transitions
    await this.page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${own}.png`) });
    await this.page.setViewportSize(DEVICES[otherDevice].viewport);
    await this.page.waitForTimeout(200);
    await this.page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${other}.png`) });
    await this.page.setViewportSize(size);
  }

  /** The visitor id the tag keeps in its first-party cookie. */
  async id() {
    const c = (await this.context.cookies()).find((k) => k.name === 'omotenashi_vid');
    assert.ok(c, 'the tag set no visitor cookie');
    return c.value;
  }

  profile() {
    return this.id().then(server.profile);
  }

  timeline() {
    return this.id().then(server.timeline);
  }

  /** Moves the server's clock and this visitor's page clock forward together (needs `clock: true`). */
  async advance(duration) {
    assert.ok(this.clock, 'this visitor was created with {clock: false}');
    const now = await server.advance(duration);
    await this.context.clock.setSystemTime(now);
  }

  /** No console errors and no uncaught exceptions so far. */
  assertNoErrors() {
    assert.deepEqual(this.errors, [], 'console errors');
  }

  async leave() {
    await this.context.close();
  }
}
