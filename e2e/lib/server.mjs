// The running server, as run.mjs started it: the admin API with the run's token, and the test clock.
import assert from 'node:assert/strict';

export const BASE = process.env.E2E_BASE;
export const TOKEN = process.env.E2E_TOKEN;
export const SITE = 'demo-shop';
if (!BASE || !TOKEN) throw new Error('run the e2e tests with `npm test` (run.mjs starts the server and sets E2E_BASE, E2E_TOKEN)');

/** One admin API call; answers the parsed JSON (null for an empty body). Fails the test on a non-2xx answer. */
export async function api(method, path, body) {
  const r = await fetch(BASE + '/api/v1' + path, {
    method,
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  assert.ok(r.ok, `${method} ${path}: ${r.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** The profile of a visitor (admin-api.md), or null when the server knows no such visitor. */
export async function profile(visitor) {
  const r = await fetch(`${BASE}/api/v1/sites/${SITE}/profiles/${encodeURIComponent(visitor)}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  if (r.status === 404) return null;
  assert.equal(r.status, 200, await r.clone().text());
  return r.json();
}

/** The visitor's timeline, newest first: [{id, name, ts, properties, page}]. */
export async function timeline(visitor) {
  return (await api('GET', `/sites/${SITE}/profiles/${encodeURIComponent(visitor)}/events?limit=500`)).events;
}

/** How often the server recorded `metric` (delivered, shown, clicked, closed, control, goal) of a campaign for a visitor. */
export async function actionCount(visitor, campaign, metric, scope = 'all') {
  const p = await profile(visitor);
  return p?.actions?.[campaign]?.[metric]?.[scope] ?? 0;
}

/** Moves the server's clock forward (ISO-8601 duration); answers the server's new time in ms. */
export async function advance(duration) {
  const r = await api('POST', '/test-clock', { advance: duration });
  return Date.parse(r.now);
}

/** The server's time now, in ms (moves the clock by a millisecond to read it). */
export async function serverNow() {
  return advance('PT0.001S');
}
