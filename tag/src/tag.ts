/**
 * The tag: identity, page views, the calls of the API (docs/tag.md), the actions the server answers with
 * and what the visitor does with them. Nothing here throws into the page: every entry point is wrapped.
 */
import { Body, Outbox } from './outbox';
import { MODAL, render, View } from './render';
import { arm, Trigger, TriggerEnv } from './triggers';

export interface Action {
  action: string;
  campaign: string;
  variant: string;
  control: boolean;
  template: string;
  content: Record<string, any>;
  trigger: Trigger;
}

export interface Options {
  endpoint?: string;
  consent?: 'required' | 'granted';
  /** properties of the page view sent by init (`item_id`, `name`, `price`, `url`, `image` feed recommendations) */
  view?: Record<string, unknown>;
}

type Handler = (detail: Record<string, any>) => void;
type Pending = { e: Body['events'][0]; page: Body['page']; s: number; decide: boolean; traits?: Record<string, unknown> };

const VID = 'omotenashi_vid';
const ABC = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** Reports the tag sends itself; a client may not send other names starting with `_`. */
const REPORTS = ['_action_shown', '_action_clicked', '_action_closed', '_action_control', '_form_submitted'];

/** n random characters of [a-z0-9]. */
export const random = (n: number): string => {
  let s = '';
  for (const b of crypto.getRandomValues(new Uint8Array(n))) s += ABC[b % 36];
  return s;
};
export const eventId = (): string => 'e_' + Date.now().toString(36) + random(10);

/** The first-party visitor id: the cookie, else localStorage (the cookie may have been capped or cleared). */
export function storedVisitor(): string | null {
  try {
    const m = document.cookie.match(/(?:^|;\s*)omotenashi_vid=([\w-]{8,64})(?:;|$)/);
    const v = m ? m[1] : localStorage.getItem(VID);
    return v && /^[\w-]{8,64}$/.test(v) ? v : null;
  } catch {
    return null;
  }
}

function storeVisitor(v: string | null): void {
  try {
    const secure = location.protocol == 'https:' ? '; Secure' : '';
    document.cookie = `${VID}=${v || ''}; path=/; max-age=${v ? 63072000 : 0}; SameSite=Lax${secure}`;
    if (v) localStorage.setItem(VID, v);
    else localStorage.removeItem(VID);
  } catch {
    /* storage forbidden: the id lives for this page only */
  }
}

const pageNow = (referrer: string): Body['page'] => ({
  url: location.href.slice(0, 4096),
  title: document.title.slice(0, 1024),
  referrer: referrer.slice(0, 4096),
});

const context = (): Record<string, unknown> => {
  const c: Record<string, unknown> = {
    viewport: [innerWidth | 0, innerHeight | 0],
    screen: [screen.width | 0, screen.height | 0],
    lang: navigator.language || undefined,
    mobile: (navigator as any).userAgentData?.mobile ?? /Mobi|Android|iPhone|iPad/i.test(navigator.userAgent),
  };
  try {
    c.tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    /* no Intl time zones */
  }
  return c;
};

/** An event name the server accepts from a client (tracking-protocol.md: reserved names are the tag's). */
const validName = (n: unknown): n is string =>
  typeof n == 'string' && n.length > 0 && n.length <= 128 && !/[\u0000-\u001f\u007f~]/.test(n) && (n[0] != '_' || REPORTS.includes(n));

export class Tag {
  site = '';
  endpoint = '';
  /** whether the site wants consent and has not got it yet */
  held = false;
  visitor = '';
  user?: string;
  out?: Outbox;
  private pending: Pending[] = [];
  private flushTimer?: ReturnType<typeof setTimeout>;
  private handlers: Record<string, Handler[]> = {};
  /** the page view serial: answers to an earlier page's requests show nothing */
  serial = 0;
  private href = '';
  private referrer = document.referrer;
  private env: TriggerEnv = { started: 0, tracked: new Set(), bus: new EventTarget(), error: (m) => this.emit('error', { error: 'trigger', message: m }) };
  private disarms: (() => void)[] = [];
  private views: View[] = [];
  private seen = new Set<string>();

  /** Runs one API call; never throws. */
  call(cmd: unknown, args: any[]): void {
    try {
      if (cmd == 'on') {
        if (typeof args[1] == 'function') (this.handlers[args[0]] ||= []).push(args[1]);
      } else if (cmd == 'init') this.init(args[0], args[1] || {});
      else if (!this.site) this.emit('error', { error: 'bad_call', message: 'call init first: ' + String(cmd) });
      else if (cmd == 'track') this.track(args[0], args[1]);
      else if (cmd == 'identify') this.identify(args[0], args[1]);
      else if (cmd == 'consent') this.consent(args[0] === true);
      else this.emit('error', { error: 'bad_call', message: 'unknown command ' + String(cmd) });
    } catch (e) {
      this.emit('error', { error: 'bad_call', message: String(e) });
    }
  }

  emit(type: string, detail: Record<string, any> = {}): void {
    for (const h of this.handlers[type] || []) {
      try {
        h({ type, ...detail });
      } catch {
        /* a site's handler must not break the tag */
      }
    }
  }

  /** the `src` of t.js itself: its origin is the default endpoint */
  scriptSrc?: string;

  init(site: unknown, o: Options): void {
    if (this.site) return;
    if (typeof site != 'string' || !site) throw new Error('init needs the site key');
    this.site = site;
    this.endpoint = (o.endpoint || (this.scriptSrc ? new URL(this.scriptSrc, location.href).origin : location.origin)).replace(/\/+$/, '');
    this.held = o.consent == 'required';
    this.visitor = storedVisitor() || 'v_' + random(22);
    this.out = new Outbox(this.endpoint + '/v1/t', null, (e, a) => this.answered(e, a), (error, status) =>
      this.emit('error', { error, status, message: error == 'rejected' ? 'the server refused a request (' + status + ')' : 'events were dropped' }));
    if (!this.held) this.start();
    // page views of single-page applications; the view waits a moment so the new title is set
    const view = safe(() => this.view());
    for (const m of ['pushState', 'replaceState'] as const) {
      const orig = history[m];
      history[m] = function (this: History, ...a: any[]) {
        const r = orig.apply(this, a as any);
        setTimeout(view);
        return r;
      } as any;
    }
    addEventListener('popstate', view);
    addEventListener('pagehide', safe(() => this.leave()));
    document.addEventListener('visibilitychange', safe(() => document.visibilityState == 'hidden' && this.leave()));
    this.view(o.view);
  }

  /** Storage and sending may begin (consent granted or not required). */
  private start(): void {
    this.held = false;
    storeVisitor(this.visitor);
    this.out!.key = 'omotenashi_q_' + this.site;
    this.out!.load();
    this.flush();
  }

  consent(granted: boolean): void {
    if (granted) {
      if (this.held) this.start();
      return;
    }
    this.held = true;
    this.pending = [];
    this.out!.clear();
    this.out!.key = null;
    storeVisitor(null);
    this.visitor = 'v_' + random(22);
  }

  /** A page view when the URL (without its fragment) changed: the first page, or an SPA navigation. */
  view(props?: unknown): void {
    const href = location.href.split('#')[0];
    if (href == this.href) return;
    if (this.href) this.referrer = this.href;
    this.href = href;
    this.serial++;
    this.disarms.forEach((f) => f());
    this.views.forEach((v) => v.remove());
    this.disarms = [];
    this.views = [];
    this.seen.clear();
    this.env.tracked.clear();
    this.env.exited = false;
    this.enqueue('view', props, true);
  }

  track(name: unknown, props: unknown): void {
    if (!validName(name) || name[0] == '_') throw new Error('bad event name ' + String(name));
    this.enqueue(name, props, true);
    this.env.tracked.add(name);
    this.env.bus.dispatchEvent(new Event('e:' + name));
  }

  identify(user: unknown, traits: unknown): void {
    if (typeof user != 'string' || !user || user.length > 256) throw new Error('identify needs a user id');
    this.user = user;
    this.enqueue('identify', {}, true, traits && typeof traits == 'object' ? (traits as Record<string, unknown>) : {});
  }

  private enqueue(name: string, props: unknown, decide: boolean, traits?: Record<string, unknown>): void {
    const properties = props && typeof props == 'object' && !Array.isArray(props) ? (props as Record<string, unknown>) : {};
    if (JSON.stringify(properties).length > 32000) throw new Error('properties over 32 KB');
    this.pending.push({ e: { id: eventId(), name, ts: Date.now(), properties }, page: pageNow(this.referrer), s: this.serial, decide, traits });
    if (this.flushTimer === undefined) this.flushTimer = setTimeout(() => this.flush());
  }

  /**
   * Turns what was tracked since the last flush into requests: the events of one page view go together
   * (at most 100), asking for actions when any of them does. Before consent, everything waits.
   */
  flush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (this.held || !this.out) return;
    while (this.pending.length) {
      const first = this.pending[0];
      let n = 0;
      while (n < this.pending.length && n < 100 && this.pending[n].s == first.s) n++;
      const batch = this.pending.splice(0, n);
      let traits: Record<string, unknown> | undefined;
      for (const p of batch) if (p.traits) traits = { ...traits, ...p.traits };
      const body: Body = {
        site: this.site,
        visitor: this.visitor,
        user: this.user,
        traits,
        page: first.page,
        context: context(),
        events: batch.map((p) => p.e),
        decide: batch.some((p) => p.decide),
      };
      this.out.add(body, first.s);
    }
  }

  /** The page goes away or is hidden: send what waits now, by beacon too. */
  private leave(): void {
    this.flush();
    if (!this.held) this.out?.beacon();
  }

  private answered(e: { s?: number }, a: any): void {
    if (!a) return;
    if (typeof a.session_started_at == 'number') this.env.started = a.session_started_at;
    if (e.s !== this.serial || !Array.isArray(a.actions)) return;
    for (const act of a.actions as Action[]) {
      // a campaign shows once per page view, even when a later answer of the same page repeats it
      if (!act || this.seen.has(act.campaign)) continue;
      this.seen.add(act.campaign);
      const detail = info(act);
      this.emit('delivered', { ...detail, trigger: act.trigger });
      this.disarms.push(arm(act.trigger, safe(() => this.fire(act)), this.env));
    }
  }

  /** The action's trigger fired: show it, or for the control group, only say that it would have been. */
  private fire(a: Action): void {
    const detail = info(a);
    // one modal at a time, one action per template: the rest would cover each other. Checked for the
    // control group too, so that it counts as exposed exactly when the variant would have been shown.
    this.views = this.views.filter((v) => v.host.isConnected);
    if (this.views.some((v) => (v.modal && MODAL.includes(a.template)) || v.host.dataset.template == a.template)) return;
    if (a.control) {
      this.report('_action_control', a);
      this.emit('control', detail);
      return;
    }
    let view: View;
    try {
      view = render(a, (kind, extra) => {
        this.report(kind == 'submitted' ? '_form_submitted' : '_action_' + kind, a, extra);
        this.emit(kind, { ...detail, ...extra });
      });
    } catch (e) {
      this.emit('error', { ...detail, error: 'render', message: String(e) });
      return;
    }
    this.views.push(view);
    this.emit('action', { ...detail, element: view.host });
    this.report('_action_shown', a);
    this.emit('shown', { ...detail, element: view.host });
  }

  private report(name: string, a: Action, extra?: Record<string, unknown>): void {
    this.enqueue(name, { campaign: a.campaign, variant: a.variant, action: a.action, ...extra }, false);
  }
}

/** The function, never throwing. */
export const safe = <A extends any[]>(f: (...a: A) => unknown) => (...a: A): void => {
  try {
    f(...a);
  } catch {
    /* never into the page */
  }
};

const info = (a: Action) => ({ campaign: a.campaign, variant: a.variant, action: a.action, template: a.template, control: a.control });
