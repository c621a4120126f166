// The end-to-end run: starts the server once from the built jar (`omotenashi demo` with a temporary data
// folder, a free port, the test clock and a known administrator token), runs every test file in order
// against it with Node's test runner, stops the server. `npm test` runs this; Maven's e2e module runs npm.
//
// Environment: E2E_JAR (default ../server/target/omotenashi.jar), JAVA_HOME (else ../.mvn/find-jdk.sh finds
// a JDK >= 21), CHROMIUM (default /usr/bin/chromium), E2E_ONLY=S07 (run the test files whose names match),
// E2E_TAG_JS=path/to/t.js (serve that file as /t.js instead of the server's, to try a tag build).
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import crypto from 'node:crypto';
import { chromium as playwright } from 'playwright-core';
import { BROWSER_ARGS } from './lib/browser-args.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const jar = process.env.E2E_JAR || path.join(here, '..', 'server', 'target', 'omotenashi.jar');
if (!fs.existsSync(jar)) {
  console.error(`e2e: no server jar at ${jar}; build it first: ./mvnw -q -B -pl server -am package -DskipTests`);
  process.exit(2);
}
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  console.error(`e2e: no Chromium at ${chromium}; install it: apt-get install -y chromium`);
  process.exit(2);
}

function javaHome() {
  if (process.env.JAVA_HOME && fs.existsSync(path.join(process.env.JAVA_HOME, 'bin', 'java'))) return process.env.JAVA_HOME;
  return execFileSync('bash', ['-c', `. "${path.join(here, '..', '.mvn', 'find-jdk.sh')}" >/dev/null && printf %s "$JAVA_HOME"`]).toString();
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const port = await freePort();
const data = fs.mkdtempSync(path.join(os.tmpdir(), 'omotenashi-e2e-'));
const token = 'e2e_' + crypto.randomBytes(12).toString('hex');
const base = `http://localhost:${port}`;
const log = path.join(here, 'target', 'server.log');
fs.mkdirSync(path.dirname(log), { recursive: true });
const out = fs.openSync(log, 'w');
const server = spawn(path.join(javaHome(), 'bin', 'java'),
  ['--enable-native-access=ALL-UNNAMED', '-jar', jar, 'demo', '--port', String(port), '--data', data, '--test-clock'],
  { env: { ...process.env, OMOTENASHI_ADMIN_TOKEN: token }, stdio: ['ignore', out, out] });
let serverExited = false;
server.on('exit', () => { serverExited = true; });

function stop() {
  if (!serverExited) server.kill('SIGTERM');
  fs.rmSync(data, { recursive: true, force: true });
}
process.on('SIGINT', () => { stop(); process.exit(130); });

async function waitForDemo() {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (serverExited) throw new Error(`the server stopped; see ${log}`);
    try {
      // the demo installs the site, then the bundles in catalog order: S17's campaign is the last
      const headers = { Authorization: `Bearer ${token}` };
      const r = await fetch(`${base}/api/v1/sites/demo-shop`, { headers });
      const last = r.ok && await fetch(`${base}/api/v1/sites/demo-shop/campaigns/first-purchase-coupon`, { headers });
      if (last?.ok) return (await r.json()).key;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not start within 60 s; see ${log}`);
}

/**
 * S17's campaign runs for one calendar month (December 2026 as shipped). Inside that month it is live on the
 * top page with a higher priority than S04's invitation, which the other scenarios expect to see there; so
 * when the run starts inside its month (or within a day of it), its month is moved to begin a week later, the
 * same length. The S17 test then moves the clock into and past that month as it does for any date.
 */
async function keepSeasonalCampaignOutOfTheRun() {
  const DAY = 86_400_000;
  const url = `${base}/api/v1/sites/demo-shop/campaigns/first-purchase-coupon`;
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const get = await fetch(url, { headers });
  if (!get.ok) throw new Error(`GET the S17 campaign: ${get.status} ${await get.text()}`);
  const campaign = await get.json();
  const start = Date.parse(campaign.schedule.start);
  const end = Date.parse(campaign.schedule.end);
  const clock = await fetch(`${base}/api/v1/test-clock`, { method: 'POST', headers, body: JSON.stringify({ advance: 'PT0.001S' }) });
  if (!clock.ok) throw new Error(`POST /test-clock: ${clock.status} ${await clock.text()}`);
  const now = Date.parse((await clock.json()).now);
  if (now < start - DAY || now >= end) return;
  const moved = now + 7 * DAY;
  campaign.schedule.start = new Date(moved).toISOString();
  campaign.schedule.end = new Date(moved + (end - start)).toISOString();
  const put = await fetch(url, { method: 'PUT', headers, body: JSON.stringify(campaign) });
  if (!put.ok) throw new Error(`PUT the S17 campaign: ${put.status} ${await put.text()}`);
  console.log(`e2e: today is inside S17's month; its campaign now runs from ${campaign.schedule.start}`);
}

let code = 1;
const started = Date.now();
let browser;
try {
  // one Chromium for the run (a fresh profile); each test file connects to it and each visitor is a new context
  browser = await playwright.launchServer({ executablePath: chromium, headless: true, args: BROWSER_ARGS });
  const key = await waitForDemo();
  console.log(`e2e: server on ${base} (demo site key ${key}), data ${data}, log ${path.relative(process.cwd(), log)}`);
  await keepSeasonalCampaignOutOfTheRun();
  const only = process.env.E2E_ONLY ? new RegExp(process.env.E2E_ONLY) : null;
  // S17 moves the server's clock by weeks; the server-down test needs nothing of it: both run last
  const files = fs.readdirSync(path.join(here, 'tests')).filter((f) => f.endsWith('.test.mjs') && (!only || only.test(f))).sort()
    .map((f) => path.join('tests', f));
  const run = spawn(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...files], {
    cwd: here, stdio: 'inherit',
    env: { ...process.env, E2E_BASE: base, E2E_TOKEN: token, E2E_SITE_KEY: key, CHROMIUM: chromium, E2E_BROWSER: browser.wsEndpoint() },
  });
  code = await new Promise((resolve) => run.on('exit', (c) => resolve(c ?? 1)));
} catch (e) {
  console.error('e2e:', e.message);
} finally {
  await browser?.close();
  stop();
  console.log(`e2e: ${code === 0 ? 'passed' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)} s; screenshots in e2e/target/screenshots/`);
}
process.exit(code);
