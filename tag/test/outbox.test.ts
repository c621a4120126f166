import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Body, MAX_AGE, Outbox, backoff } from '../src/outbox';
import { answer, bodies, mockFetch, settle } from './helpers';

const URL_ = 'https://omotenashi.example/v1/t';
let n = 0;
const body = (decide = true): Body => ({
  site: 'pk_test',
  visitor: 'v_0123456789',
  page: { url: 'https://shop.example/', title: 'Top', referrer: '' },
  context: {},
  events: [{ id: 'e_' + ++n, name: 'view', ts: 1, properties: {} }],
  decide,
});

beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('backoff', () => {
  it('doubles from one second up to a minute, with jitter of ±25%', () => {
    expect(backoff(1, 0.5)).toBe(1000);
    expect(backoff(2, 0.5)).toBe(2000);
    expect(backoff(5, 0.5)).toBe(16000);
    expect(backoff(30, 0.5)).toBe(60000);
    expect(backoff(1, 0)).toBe(750);
    expect(backoff(1, 1)).toBe(1250);
  });
});

describe('Outbox', () => {
  it('posts the body as text/plain-compatible string with keepalive, and hands the answer over', async () => {
    const f = mockFetch(() => Promise.resolve(answer(200, { actions: [{ campaign: 'c' }] })));
    const got: unknown[] = [];
    const o = new Outbox(URL_, null, (_, a) => got.push(a), () => {});
    const b = body();
    o.add(b, 1);
    await settle();
    expect(f).toHaveBeenCalledTimes(1);
    const [url, init] = f.mock.calls[0];
    expect(url).toBe(URL_);
    expect(init.method).toBe('POST');
    expect(typeof init.body).toBe('string'); // a string body is sent as text/plain: no CORS preflight
    expect(init.headers).toBeUndefined();
    expect(init.keepalive).toBe(true);
    expect(init.credentials).toBe('omit');
    expect(JSON.parse(init.body)).toEqual({ ...b, sent_at: expect.any(Number) }); // the clock at sending, for skew
    expect(got).toEqual([{ actions: [{ campaign: 'c' }] }]);
    expect(o.q).toHaveLength(0);
  });

  it('retries a failed request with backoff and the same event ids until it is acknowledged', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    let calls = 0;
    const f = mockFetch(() => (++calls < 4 ? Promise.reject(new TypeError('Failed to fetch')) : Promise.resolve(answer(200, {}))));
    const o = new Outbox(URL_, null, () => {}, () => {});
    o.add(body());
    await settle();
    expect(f).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(f).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(f).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(2000);
    expect(f).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(4000);
    expect(f).toHaveBeenCalledTimes(4);
    const ids = bodies(f).map((b) => b.events[0].id);
    expect(new Set(ids).size).toBe(1);
    expect(o.q).toHaveLength(0);
  });

  it('retries 429 and 5xx, waiting at least Retry-After', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const replies = [answer(429, undefined, { 'Retry-After': '30' }), answer(503), answer(200, {})];
    const f = mockFetch(() => Promise.resolve(replies.shift()));
    const o = new Outbox(URL_, null, () => {}, () => {});
    o.add(body());
    await settle();
    await vi.advanceTimersByTimeAsync(29_000);
    expect(f).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(f).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(f).toHaveBeenCalledTimes(3);
    expect(o.q).toHaveLength(0);
  });

  it('drops a request the server refuses (400, 401, 403, 413) and says so, then sends the next', async () => {
    const replies = [answer(400, { error: {} }), answer(200, {})];
    const f = mockFetch(() => Promise.resolve(replies.shift()));
    const failures: unknown[] = [];
    const o = new Outbox(URL_, null, () => {}, (code, status) => failures.push([code, status]));
    o.add(body());
    o.add(body());
    await settle();
    await settle();
    expect(f).toHaveBeenCalledTimes(2);
    expect(failures).toEqual([['rejected', 400]]);
    expect(o.q).toHaveLength(0);
  });

  it('sends one request at a time, oldest first', async () => {
    let release: (v: unknown) => void = () => {};
    const f = mockFetch(() => new Promise((r) => (release = r)));
    const o = new Outbox(URL_, null, () => {}, () => {});
    const a = body();
    const b = body();
    o.add(a);
    o.add(b);
    expect(f).toHaveBeenCalledTimes(1);
    release(answer(200, {}));
    await settle();
    expect(f).toHaveBeenCalledTimes(2);
    expect(bodies(f).map((x) => x.events[0].id)).toEqual([a.events[0].id, b.events[0].id]);
  });

  it('keeps waiting requests in localStorage; the next page takes them over as reports and sends them', async () => {
    mockFetch(() => Promise.reject(new TypeError('offline')));
    const first = new Outbox(URL_, 'omotenashi_q_pk', () => {}, () => {});
    const b = body(true);
    first.add(b);
    await settle();
    const stored = JSON.parse(localStorage.getItem('omotenashi_q_pk')!);
    expect(stored).toHaveLength(1);
    expect(stored[0].b.events[0].id).toBe(b.events[0].id);

    const f = mockFetch();
    const next = new Outbox(URL_, 'omotenashi_q_pk', () => {}, () => {});
    next.load();
    expect(next.q).toHaveLength(1);
    expect(next.q[0].b.decide).toBe(false); // its page is gone: no actions for it
    next.q[0].t = 0;
    next.pump();
    await settle();
    expect(bodies(f)[0].events[0].id).toBe(b.events[0].id);
    expect(localStorage.getItem('omotenashi_q_pk')).toBeNull();
  });

  it('forgets stored requests older than a day', () => {
    const old = { b: body(), n: 3, t: 0, c: Date.now() - MAX_AGE - 1 };
    localStorage.setItem('omotenashi_q_pk', JSON.stringify([old]));
    const o = new Outbox(URL_, 'omotenashi_q_pk', () => {}, () => {});
    o.load();
    expect(o.q).toHaveLength(0);
  });

  it('survives unreadable storage', () => {
    localStorage.setItem('omotenashi_q_pk', '{not json');
    const o = new Outbox(URL_, 'omotenashi_q_pk', () => {}, () => {});
    expect(() => o.load()).not.toThrow();
    expect(o.q).toHaveLength(0);
  });

  it('waits while the browser is offline and sends when it is back online', async () => {
    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const f = mockFetch();
    const o = new Outbox(URL_, null, () => {}, () => {});
    const b = body();
    const sentMine = () => bodies(f).filter((x) => x.events[0].id == b.events[0].id).length;
    o.add(b);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sentMine()).toBe(0);
    online.mockReturnValue(true);
    window.dispatchEvent(new Event('online'));
    await settle();
    expect(sentMine()).toBe(1);
  });

  it('beacons every waiting request as text/plain without asking for actions, and keeps them until acknowledged', async () => {
    mockFetch(() => new Promise(() => {}));
    const sent: [string, Blob][] = [];
    (navigator as any).sendBeacon = (u: string, b: Blob) => (sent.push([u, b]), true);
    const o = new Outbox(URL_, null, () => {}, () => {});
    o.add(body(true));
    o.add(body(true));
    o.beacon();
    expect(sent).toHaveLength(2);
    expect(sent[0][0]).toBe(URL_);
    expect(sent[0][1].type).toBe('text/plain');
    expect(JSON.parse(await sent[0][1].text()).decide).toBe(false);
    expect(o.q).toHaveLength(2);
  });

  it('holds at most 100 requests, dropping the oldest', () => {
    mockFetch(() => new Promise(() => {}));
    const failures: string[] = [];
    const o = new Outbox(URL_, null, () => {}, (c) => failures.push(c));
    for (let i = 0; i < 105; i++) o.add(body());
    expect(o.q).toHaveLength(100);
    expect(failures).toHaveLength(5);
  });
});
