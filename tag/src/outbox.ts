/**
 * The delivery of requests to `POST /v1/t`, built so that events are not lost and never counted twice:
 *
 * - A request's body (with its event ids) is frozen when it enters the outbox; every retry sends the same
 *   bytes, so the server acknowledges a repeat instead of counting it again (tracking-protocol.md §1).
 * - One request in flight at a time, oldest first, so the server sees events in the order they happened.
 * - `fetch` with `keepalive` (it survives the page's unload) and a `text/plain` body (no CORS preflight).
 * - Network errors, 408, 429 and 5xx are retried with exponential backoff (1 s doubling to 60 s, with
 *   jitter; at least `Retry-After`), paused while the browser is offline; other answers (400, 401, 403,
 *   413) will never succeed and are dropped with an `error`.
 * - The outbox is mirrored in localStorage (when a storage key is given): what a page could not deliver
 *   is sent by the next page of the site, as a report only (`decide: false`), for up to a day.
 * - On `pagehide` and when the page is hidden, whatever is still waiting is also sent with `sendBeacon`;
 *   it stays in the outbox until a `fetch` is acknowledged, since a beacon's fate is unknown.
 */
export interface Body {
  site: string;
  visitor: string;
  user?: string;
  traits?: Record<string, unknown>;
  page: { url: string; title: string; referrer: string };
  context: Record<string, unknown>;
  events: { id: string; name: string; ts: number; properties: Record<string, unknown> }[];
  decide: boolean;
  /** the browser's clock when this attempt was sent: the server corrects the events' ts by its error */
  sent_at?: number;
}

/** A waiting request: body, attempts so far, not before (ms), created (ms); `s` is the page it belongs to. */
export interface Entry { b: Body; n: number; t: number; c: number; s?: number }

export const MAX_ENTRIES = 100;
export const MAX_AGE = 864e5;

export const backoff = (attempts: number, random = Math.random()): number =>
  Math.min(6e4, 1e3 * 2 ** (attempts - 1)) * (0.75 + random / 2);

export class Outbox {
  q: Entry[] = [];
  private busy = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /**
   * @param url     the endpoint, `…/v1/t`
   * @param key     the localStorage key to mirror the outbox in; null keeps it in memory only
   * @param answer  called with each acknowledged entry and the server's answer (null if not JSON)
   * @param fail    called when an entry is given up (`rejected` with the status, `gave_up`)
   */
  constructor(
    readonly url: string,
    public key: string | null,
    private answer: (e: Entry, a: any) => void,
    private fail: (code: string, status?: number) => void,
  ) {
    addEventListener('online', () => this.pump());
  }

  /** Takes over what earlier pages left in storage, as reports: their page is gone. */
  load(): void {
    if (!this.key) return;
    try {
      const old: Entry[] = JSON.parse(localStorage.getItem(this.key) || '[]');
      for (const e of old) if (e && e.b && Date.now() - e.c < MAX_AGE) this.q.push({ ...e, b: { ...e.b, decide: false } });
    } catch {
      /* unreadable storage: start empty */
    }
    this.save();
  }

  add(b: Body, s?: number): void {
    this.q.push({ b, n: 0, t: 0, c: Date.now(), s });
    while (this.q.length > MAX_ENTRIES) {
      this.q.shift();
      this.fail('gave_up');
    }
    this.save();
    this.pump();
  }

  save(): void {
    if (!this.key) return;
    try {
      if (this.q.length) localStorage.setItem(this.key, JSON.stringify(this.q.map(({ b, n, t, c }) => ({ b, n, t, c }))));
      else localStorage.removeItem(this.key);
    } catch {
      /* full or forbidden: the outbox still lives in memory */
    }
  }

  /** Forgets everything (consent withdrawn). */
  clear(): void {
    this.q = [];
    this.save();
  }

  /** Sends the oldest waiting entry when nothing is in flight and its time has come. */
  pump(): void {
    if (this.busy || !this.q.length) return;
    const e = this.q[0];
    const wait = e.t - Date.now();
    // (a timer may fire where there is no navigator any more: a torn-down test page, a worker)
    if (wait > 0 || (typeof navigator != 'undefined' && navigator.onLine === false)) {
      clearTimeout(this.timer);
      if (wait > 0) this.timer = setTimeout(() => this.pump(), wait);
      return;
    }
    if (Date.now() - e.c > MAX_AGE) return this.done(e, 'gave_up');
    this.busy = true;
    const body = JSON.stringify({ ...e.b, sent_at: Date.now() });
    let status = 0;
    let retryAfter = 0;
    fetch(this.url, { method: 'POST', body, keepalive: body.length < 6e4, credentials: 'omit' })
      .then((r) => {
        status = r.status;
        retryAfter = +(r.headers.get('Retry-After') || 0) * 1e3 || 0;
        return r.ok ? r.json().catch(() => null) : Promise.reject();
      })
      .then(
        (a) => {
          this.busy = false;
          this.done(e);
          this.answer(e, a);
        },
        () => {
          this.busy = false;
          if (status && status != 408 && status != 429 && status < 500) return this.done(e, 'rejected', status);
          e.n++;
          e.t = Date.now() + Math.max(backoff(e.n), retryAfter);
          this.save();
          this.pump();
        },
      )
      .catch(() => {
        /* an answer handler failed; the entry is already done */
      });
  }

  private done(e: Entry, failure?: string, status?: number): void {
    const i = this.q.indexOf(e);
    if (i >= 0) this.q.splice(i, 1);
    this.save();
    if (failure) this.fail(failure, status);
    this.pump();
  }

  /** Sends every waiting entry by beacon (the page is going away); they stay until a fetch is acknowledged. */
  beacon(): void {
    for (const e of this.q) {
      try {
        navigator.sendBeacon(this.url, new Blob([JSON.stringify({ ...e.b, decide: false, sent_at: Date.now() })], { type: 'text/plain' }));
      } catch {
        /* no beacon: the entry is still in storage for the next page */
      }
    }
  }
}
