// What every console end-to-end file needs: a real server jar started on a free port with its own data folder
// (without OMOTENASHI_ADMIN_TOKEN, so the first administrator comes from the one-time link it prints),
// Debian's Chromium (never a downloaded browser), fresh pages, signing in, and the screenshot folder.
//
// Environment: E2E_JAR (default ../server/target/omotenashi.jar), JAVA_HOME (else ../.mvn/find-jdk.sh finds a
// JDK >= 21), CHROMIUM (default /usr/bin/chromium).
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.join(here, '..');
const jar = process.env.E2E_JAR || path.join(root, '..', 'server', 'target', 'omotenashi.jar');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
/** Screenshots for review; `npm test` empties it before the files run. */
export const shots = path.join(root, 'target', 'screenshots');

function javaHome() {
  if (process.env.JAVA_HOME && fs.existsSync(path.join(process.env.JAVA_HOME, 'bin', 'java'))) return process.env.JAVA_HOME;
  return execFileSync('bash', ['-c', `. "${path.join(root, '..', '.mvn', 'find-jdk.sh')}" >/dev/null && printf %s "$JAVA_HOME"`]).toString();
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

/**
 * Starts `omotenashi serve --test-clock` (or `demo` with { demo: true }) and waits for the first administrator's
 * invitation and the administrators' token it prints. `name` names the server log written to target/ at stop.
 */
export async function startServer({ name = 'server', demo = false } = {}) {
  assert.ok(fs.existsSync(jar), `no server jar at ${jar}; build it: ./mvnw -q -B -pl server -am package -DskipTests`);
  const port = await freePort();
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'omotenashi-console-e2e-'));
  const base = `http://localhost:${port}`;
  const env = { ...process.env };
  delete env.OMOTENASHI_ADMIN_TOKEN;
  const args = ['--enable-native-access=ALL-UNNAMED', '-jar', jar, demo ? 'demo' : 'serve', '--port', String(port), '--data', data];
  if (!demo) args.push('--test-clock');
  const proc = spawn(path.join(javaHome(), 'bin', 'java'), args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const seen = new Promise((resolve, reject) => {
    const onData = (chunk) => {
      log += chunk.toString();
      const link = /\/console\/#invite=(oi_[\w-]+)/.exec(log);
      const token = /administrator token[^\n]*\n\s+(\S+)/.exec(log);
      if (link && token) resolve([link[1], token[1]]);
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.on('exit', (code) => reject(new Error(`server exited (${code}):\n${log}`)));
    setTimeout(() => reject(new Error(`no invitation printed in 60 s:\n${log}`)), 60_000);
  });
  const [invite, adminToken] = await seen;
  return {
    base, invite, adminToken, data,
    log: () => log,
    /** The admin API with the administrators' token: `await server.api('PUT', '/api/v1/…', body)` → parsed JSON. */
    async api(method, apiPath, body) {
      const r = await fetch(`${base}${apiPath}`, {
        method,
        headers: { Authorization: `Bearer ${adminToken}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await r.text();
      if (!r.ok) throw new Error(`${method} ${apiPath}: ${r.status} ${text}`);
      return text ? JSON.parse(text) : null;
    },
    async stop() {
      if (proc.exitCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(data, { recursive: true, force: true });
      fs.mkdirSync(path.join(root, 'target'), { recursive: true });
      fs.writeFileSync(path.join(root, 'target', `${name}.log`), log);
    },
  };
}

export async function launchBrowser() {
  assert.ok(fs.existsSync(chromiumPath), `no Chromium at ${chromiumPath}; apt-get install -y chromium`);
  fs.mkdirSync(shots, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** A fresh browser context (its own cookies and storage) in a language, at a size. */
export async function newPage(browser, { lang = 'en', width = 1280, height = 800 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, locale: lang === 'ja' ? 'ja-JP' : 'en-US' });
  const page = await context.newPage();
  page.on('dialog', (d) => d.accept());
  return page;
}

export async function signIn(page, base, login, password) {
  await page.goto(`${base}/console/`);
  await page.fill('input[name=login]', login);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await page.waitForSelector('header.top');
}

/** Accepts an invitation link in a fresh page: the operator is signed in afterwards. */
export async function acceptInvite(page, base, invite, password, name = '') {
  await page.goto(`${base}/console/#invite=${invite}`);
  await page.waitForSelector('input[name=password]');
  if (name) await page.fill('input[name=name]', name);
  await page.fill('input[name=password]', password);
  await page.fill('input[name=confirm]', password);
  await page.click('button[type=submit]');
  await page.waitForSelector('header.top');
}

/** `${shots}/${name}-${lang}-${w}x${h}.png` */
export function shot(name, lang, width, height) {
  return path.join(shots, `${name}-${lang}-${width}x${height}.png`);
}

/**
 * Asserts that `file` is a PNG of `width` x `height` pixels (at least `height` for a full-page shot) with more
 * than a header in it: a screenshot that was really taken, not a count of the loop that takes them.
 */
export function assertPng(file, { width, height, fullPage = false } = {}) {
  assert.ok(fs.existsSync(file), `${file} exists`);
  const b = fs.readFileSync(file);
  assert.ok(b.length > 1000, `${file} holds an image (${b.length} bytes)`);
  assert.deepEqual([...b.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${file} is a PNG`);
  assert.equal(b.toString('ascii', 12, 16), 'IHDR', `${file} starts with its header`);
  const [w, h] = [b.readUInt32BE(16), b.readUInt32BE(20)];
  if (width) assert.equal(w, width, `${file} is ${width} px wide`);
  if (height) {
    if (fullPage) assert.ok(h >= height, `${file} is at least ${height} px high (${h})`);
    else assert.equal(h, height, `${file} is ${height} px high`);
  }
}

/** Takes a screenshot of the page into `file` (an older file of that name removed first) and asserts it is one. */
export async function screenshot(page, file, { fullPage = false } = {}) {
  fs.rmSync(file, { force: true });
  await page.screenshot({ path: file, fullPage });
  const { width, height } = page.viewportSize();
  assertPng(file, { width, height, fullPage });
}

/**
 * How far the page scrolls sideways (px; 0 or less: not at all), and the last element that sticks out on the
 * right, to name in a failure.
 */
export async function sidewaysOverflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const over = Array.from(document.querySelectorAll('body *')).filter((e) => e.getBoundingClientRect().right > width + 1);
    const e = over[over.length - 1];
    return [document.documentElement.scrollWidth - width, e ? `${e.tagName.toLowerCase()}.${e.className} “${(e.textContent ?? '').trim().slice(0, 40)}”` : ''];
  });
}
