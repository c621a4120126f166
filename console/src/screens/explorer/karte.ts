// The karte (カルテ): one visitor's page. Who they are (member or visitor, user id, traits), their figures
// (visits, this session's page views, time on site, source, device, first and last seen), the segments they
// are in now, their event aggregates, the history of each campaign's actions with them, and the timeline of
// their events across sessions — and across devices when they are a member: the person's other browsers
// (GET …/users/{user_id}) are listed with links to their kartes, and their events join the timeline labelled
// by device. Reads only: GET …/profiles/{visitor}, …/profiles/{visitor}/events, …/users/{user_id}.
import { api, ApiError } from '../../api';
import { h } from '../../dom';
import { errorMessage } from '../../errors';
import { Key, lang, t } from '../../i18n';
import { notice } from '../../ui';
import { fmtCount, frame, listTable, SiteInfo, siteApi, siteInfo, sitePath } from './common';
import {
  dateTime, decimal, duration, mergeCutoff, mergeSessions, pathOf, propertiesLine, SessionBlock, sessionSeconds, sessionsOf, timeOfDay,
  TimelineEvent, yen,
} from './format';
import { deviceLabel, sourceLabel } from './visitors';

interface SessionJson {
  visitor: string; session: string; started_at: string | null; last_event_at: string | null; pv: number; source: string | null;
  device: string | null; landing_path: string | null; referrer_host?: string; [utm: string]: unknown;
}
type Counts = { all: number; session: number; today: number };
export interface ProfileJson {
  visitor: string | null; user?: string; is_member: boolean; visitors: string[]; visits: number; first_seen: string | null;
  last_event_at: string | null; traits: Record<string, unknown>; sessions: SessionJson[];
  events: Record<string, Record<string, number | string | null>>; properties: Record<string, Record<string, unknown>>;
  segments: string[]; actions: Record<string, Record<string, Counts> & { exposure?: { at: string | null; variant: string; control: boolean } }>;
  recent_items: string[];
}

const SCOPES = ['all', 'session', 'previous_session', 'today', '7d', '28d'] as const;
const METRICS = ['delivered', 'shown', 'clicked', 'closed', 'control', 'goal'] as const;
const PAGE = 50;

/** Known event names in the operator's words; other names show as they are. */
export function eventLabel(name: string): string {
  const known: Record<string, Key> = {
    view: 'event.view', identify: 'event.identify', _action_delivered: 'event.delivered', _action_shown: 'event.shown',
    _action_clicked: 'event.clicked', _action_closed: 'event.closed', _action_control: 'event.control', _form_submitted: 'event.form',
    cart: 'event.cart', buy: 'event.buy',
  };
  return name in known ? t(known[name]) : name;
}

export async function karte(site: string, visitor: string): Promise<HTMLElement> {
  const info = await siteInfo(site);
  let profile: ProfileJson;
  try {
    profile = await api<ProfileJson>('GET', `${siteApi(site)}/profiles/${encodeURIComponent(visitor)}`);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) {
      return frame(info, 'visitors', `${t('karte.title')} — ${visitor}`,
        notice(t('karte.notFound', { visitor }), 'error'),
        h('p', {}, h('a', { href: sitePath(site, '/visitors') }, t('karte.back'))));
    }
    throw err;
  }
  const person = profile.user
    ? await api<ProfileJson>('GET', `${siteApi(site)}/users/${encodeURIComponent(profile.user)}`).catch(() => null)
    : null;
  const browsers = person?.visitors ?? profile.visitors;
  const sessions = new Map<string, SessionJson>();
  for (const s of [...(person?.sessions ?? []), ...profile.sessions]) sessions.set(s.visitor, s);
  const here = sessions.get(visitor);
  const z = info.timezone;
  const L = lang();

  const who = h('section', { class: 'card', 'aria-labelledby': 'k-who' },
    h('h2', { id: 'k-who' }, t('karte.who')),
    h('dl', { class: 'facts' },
      h('dt', {}, t('karte.kind')), h('dd', {}, h('span', { class: profile.is_member ? 'badge member' : 'badge' }, profile.is_member ? t('karte.member') : t('karte.visitor'))),
      h('dt', {}, t('karte.visitorId')), h('dd', { class: 'mono', 'data-karte-visitor': visitor }, visitor),
      profile.user ? [h('dt', {}, t('karte.userId')), h('dd', { class: 'mono' }, profile.user)] : null),
    traitsList(profile.traits));

  const figures = h('section', { class: 'card', 'aria-labelledby': 'k-figures' },
    h('h2', { id: 'k-figures' }, t('karte.figures')),
    h('dl', { class: 'facts figures' },
      fact('karte.visits', fmtCount(profile.visits), 'visits'),
      fact('karte.sessionPv', here ? fmtCount(here.pv) : '–', 'session-pv'),
      fact('karte.timeOnSite', duration(L, sessionSeconds(here?.started_at, here?.last_event_at))),
      fact('karte.source', sourceLabel(here?.source)),
      fact('karte.device', deviceLabel(here?.device)),
      fact('karte.landing', here?.landing_path ?? '–'),
      here?.referrer_host ? fact('karte.referrer', here.referrer_host) : null,
      fact('karte.firstSeen', dateTime(L, profile.first_seen, z)),
      fact('karte.lastSeen', dateTime(L, profile.last_event_at, z))),
    h('p', { class: 'muted' }, t('karte.timezone', { zone: z })));

  const devices = browsers.length > 1 || profile.user ? h('section', { class: 'card', 'aria-labelledby': 'k-devices' },
    h('h2', { id: 'k-devices' }, t('karte.devices')),
    h('p', { class: 'muted' }, t('karte.devices.lead', { user: profile.user ?? '' })),
    listTable(t('karte.devices'), [t('karte.visitorId'), t('karte.device'), t('karte.lastSeen'), t('karte.sessionPv')],
      browsers.map((b) => {
        const s = sessions.get(b);
        return [b === visitor
          ? h('span', { class: 'mono', 'aria-current': 'page' }, b, ' ', h('span', { class: 'badge' }, t('karte.thisBrowser')))
          : h('a', { class: 'mono', href: sitePath(site, `/visitors/${encodeURIComponent(b)}`), 'data-other-visitor': b }, b),
        deviceLabel(s?.device), dateTime(L, s?.last_event_at, z), s ? fmtCount(s.pv) : '–'];
      }), [false, false, false, true])) : null;

  const segments = h('section', { class: 'card', 'aria-labelledby': 'k-segments' },
    h('h2', { id: 'k-segments' }, t('karte.segments')),
    profile.segments.length === 0 ? h('p', { class: 'empty' }, t('karte.segments.none'))
      : h('ul', { class: 'chips' }, profile.segments.map((s) => h('li', {}, h('a', { href: sitePath(site, '/segments'), class: 'chip mono' }, s)))));

  const eventNames = Object.keys(profile.events).sort();
  const events = h('section', { class: 'card', 'aria-labelledby': 'k-events' },
    h('h2', { id: 'k-events' }, t('karte.events')),
    eventNames.length === 0 ? h('p', { class: 'empty' }, t('common.none')) : listTable(t('karte.events'),
      [t('karte.event'), ...SCOPES.map((s) => t(`scope.${s}` as Key)), t('karte.latestAt')],
      eventNames.map((n) => {
        const e = profile.events[n];
        return [h('span', {}, eventLabel(n), n !== eventLabel(n) ? h('span', { class: 'mono muted' }, ` ${n}`) : null),
          ...SCOPES.map((s) => fmtCount(e[`count_${s}`] as number)), dateTime(L, e.latest_at as string | null, z)];
      }), [false, ...SCOPES.map(() => true), false]),
    propertiesTable(profile.properties));

  const campaigns = Object.keys(profile.actions).sort();
  const actions = h('section', { class: 'card', 'aria-labelledby': 'k-actions' },
    h('h2', { id: 'k-actions' }, t('karte.actions')),
    h('p', { class: 'muted' }, t('karte.actions.lead')),
    campaigns.length === 0 ? h('p', { class: 'empty' }, t('karte.actions.none')) : listTable(t('karte.actions'),
      [t('campaigns.name'), ...METRICS.map((m) => t(`metric.${m}` as Key)), t('karte.exposure')],
      campaigns.map((c) => {
        const a = profile.actions[c];
        return [h('a', { href: sitePath(site, `/campaigns/${encodeURIComponent(c)}/report`), class: 'mono' }, c),
          ...METRICS.map((m) => countsText(a[m])),
          a.exposure ? `${a.exposure.control ? t('report.control') : a.exposure.variant} · ${dateTime(L, a.exposure.at, z)}` : '–'];
      }), [false, ...METRICS.map(() => true), false], (i) => ({ 'data-action-campaign': campaigns[i] })));

  const items = profile.recent_items.length ? h('section', { class: 'card', 'aria-labelledby': 'k-items' },
    h('h2', { id: 'k-items' }, t('karte.items')),
    h('ul', { class: 'chips' }, profile.recent_items.map((i) => h('li', { class: 'chip mono' }, i)))) : null;

  const timeline = timelineSection(site, info, visitor, browsers, sessions);

  const tools = h('p', { class: 'actions' },
    h('a', { href: sitePath(site, '/visitors'), class: 'button-link' }, t('karte.back')),
    h('a', { href: `${sitePath(site, '/why-not')}?visitor=${encodeURIComponent(visitor)}`, class: 'button-link', 'data-why-not': '' }, t('karte.whyNot')));

  return frame(info, 'visitors', `${t('karte.title')} — ${visitor}`, tools,
    h('div', { class: 'karte-grid' }, who, figures), devices, segments, actions, events, items, timeline);
}

function fact(label: Key, value: string, name?: string): HTMLElement[] {
  return [h('dt', {}, t(label)), h('dd', { 'data-fact': name ?? null }, value)];
}

function countsText(c: Counts | undefined): string {
  if (!c) return '0';
  const L = lang();
  return c.all === 0 ? '0' : `${decimal(L, c.all)} (${t('karte.thisSession')} ${decimal(L, c.session)})`;
}

function traitsList(traits: Record<string, unknown>): HTMLElement {
  const names = Object.keys(traits);
  if (names.length === 0) return h('p', { class: 'muted' }, t('karte.traits.none'));
  return h('div', {}, h('h3', {}, t('karte.traits')), h('dl', { class: 'facts' },
    names.flatMap((n) => [h('dt', { class: 'mono' }, n), h('dd', {}, traitText(n, traits[n]))])));
}

/** A trait's value as text; numbers that look like money stay plain (the API does not say which are yen). */
function traitText(_name: string, v: unknown): string {
  if (typeof v === 'number') return decimal(lang(), v);
  if (typeof v === 'object' && v !== null) return JSON.stringify(v);
  return String(v);
}

function propertiesTable(props: ProfileJson['properties']): HTMLElement | null {
  const names = Object.keys(props).sort();
  if (names.length === 0) return null;
  const L = lang();
  const money = (n: string) => /(^|\.)(price|in_cart_price|total|amount|value)$/.test(n);
  const fmt = (name: string, v: unknown) => (typeof v === 'number' ? (money(name) ? yen(L, v) : decimal(L, v)) : v === null || v === undefined ? '–' : String(v));
  return h('div', {}, h('h3', {}, t('karte.properties')), listTable(t('karte.properties'),
    [t('karte.property'), t('agg.count'), t('agg.sum'), t('agg.min'), t('agg.max'), t('agg.avg'), t('agg.latest')],
    names.map((n) => {
      const p = props[n];
      return [h('span', { class: 'mono' }, n), fmt('', p.count), fmt(n, p.sum), fmt(n, p.min), fmt(n, p.max), fmt(n, p.avg), fmt(n, p.latest)];
    }), [false, true, true, true, true, true, true]));
}

// ---- the timeline ----------------------------------------------------------------------------------

interface Source { visitor: string; events: TimelineEvent[]; next: number | null }

function timelineSection(site: string, info: SiteInfo, visitor: string, browsers: string[], sessions: Map<string, SessionJson>): HTMLElement {
  const order = [visitor, ...browsers.filter((b) => b !== visitor)];
  const sources: Source[] = order.map((v) => ({ visitor: v, events: [], next: null }));
  const list = h('div', { class: 'timeline', 'data-timeline': '' });
  const status = h('p', { class: 'muted', role: 'status' }, t('common.loading'));
  const more = h('button', { type: 'button', class: 'secondary', hidden: true }, t('karte.timeline.more'));
  const section = h('section', { class: 'card', 'aria-labelledby': 'k-timeline' },
    h('h2', { id: 'k-timeline' }, t('karte.timeline')),
    h('p', { class: 'muted' }, order.length > 1 ? t('karte.timeline.leadPerson', { n: order.length }) : t('karte.timeline.lead')),
    status, list, h('div', { class: 'actions' }, more));

  const fetchPage = async (s: Source, before: number | null) => {
    const q = new URLSearchParams({ limit: String(PAGE) });
    if (before !== null) q.set('before', String(before));
    const r = await api<{ events: TimelineEvent[]; next_before?: number }>('GET', `${siteApi(site)}/profiles/${encodeURIComponent(s.visitor)}/events?${q}`);
    s.events.push(...r.events);
    s.next = r.next_before ?? null;
  };
  const draw = () => {
    const view = sources.map((s) => ({ events: s.events, more: s.next !== null }));
    const { cutoff } = mergeCutoff(view);
    const blocks = mergeSessions(sources.map((s) => sessionsOf(s.visitor, s.events.filter((e) => Date.parse(e.ts) >= cutoff), info.session_timeout)));
    const shown = blocks.reduce((n, b) => n + b.events.length, 0);
    list.replaceChildren(...blocks.map((b) => sessionBlock(site, info, b, visitor, sessions, order.length > 1)));
    status.textContent = shown === 0 ? t('karte.timeline.empty') : t('karte.timeline.count', { n: fmtCount(shown) });
    more.hidden = !sources.some((s) => s.next !== null);
  };
  more.addEventListener('click', async () => {
    more.disabled = true;
    try {
      // page the sources that hold the cut-off back until it moves (or nothing is left)
      for (let i = 0; i < 10; i++) {
        const { next, cutoff } = mergeCutoff(sources.map((s) => ({ events: s.events, more: s.next !== null })));
        if (next.length === 0) break;
        await Promise.all(next.map((j) => fetchPage(sources[j], sources[j].next)));
        if (mergeCutoff(sources.map((s) => ({ events: s.events, more: s.next !== null }))).cutoff < cutoff) break;
      }
      draw();
    } catch (err) {
      status.textContent = errorMessage(err);
    } finally {
      more.disabled = false;
    }
  });
  Promise.all(sources.map((s) => fetchPage(s, null))).then(draw).catch((err) => {
    status.textContent = errorMessage(err);
  });
  return section;
}

function sessionBlock(site: string, info: SiteInfo, b: SessionBlock, visitor: string, sessions: Map<string, SessionJson>, person: boolean): HTMLElement {
  const L = lang();
  const z = info.timezone;
  const s = sessions.get(b.visitor);
  const current = s?.started_at ? Math.abs(Date.parse(s.started_at) - b.start) < 1000 : false;
  const device = deviceLabel(s?.device);
  const header = h('div', { class: 'session-head' },
    h('h3', {}, `${dateTime(L, b.start, z)} – ${timeOfDay(L, b.end, z)}`),
    h('span', { class: 'badge device', 'data-device': s?.device ?? '' }, device),
    person ? h('span', { class: b.visitor === visitor ? 'muted mono' : 'mono' }, b.visitor === visitor ? `${b.visitor} (${t('karte.thisBrowser')})` : b.visitor) : null,
    h('span', { class: 'muted' }, [t('karte.session.pv', { n: b.pageViews }), duration(L, (b.end - b.start) / 1000),
      current && s?.source ? sourceLabel(s.source) : null].filter(Boolean).join(' · ')));
  return h('section', { class: 'session', 'data-session-visitor': b.visitor, 'aria-label': `${device} ${dateTime(L, b.start, z)}` },
    header,
    h('ol', { class: 'events' }, b.events.map((e) => eventRow(site, L, z, e))));
}

function eventRow(site: string, L: ReturnType<typeof lang>, z: string, e: TimelineEvent): HTMLElement {
  const p = (e.properties ?? {}) as Record<string, unknown>;
  const campaign = typeof p.campaign === 'string' ? p.campaign : null;
  const detail = campaign
    ? [h('a', { href: sitePath(site, `/campaigns/${encodeURIComponent(campaign)}/report`), class: 'mono' }, campaign),
      typeof p.variant === 'string' ? ` · ${p.variant}` : null]
    : [propertiesLine(p)];
  return h('li', { class: `event ev-${e.name.replace(/[^a-z0-9_-]/gi, '')}`, 'data-event': e.name },
    h('time', { datetime: e.ts }, timeOfDay(L, e.ts, z)),
    h('span', { class: 'ev-name' }, eventLabel(e.name)),
    e.page && e.name === 'view' ? h('span', { class: 'ev-page mono' }, pathOf(e.page)) : null,
    h('span', { class: 'ev-detail muted' }, ...detail));
}

