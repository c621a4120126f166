// The history of who changed what (docs/console.md, "History of changes"): a site's changes, and for
// administrators every change (operators included). Newest first; "more" follows the API's cursor; the query
// string filters by kind and id (?kind=campaigns&id=…, as the campaign editor links here). Each entry says
// when, who, what (with a link to the object) and, when the object has a state, a diff of before and after.
// API text is only ever set as text (dom.ts), never parsed as HTML.
import { api, ApiError } from '../../api';
import { h } from '../../dom';
import { errorMessage } from '../../errors';
import { dictionaries, lang, t, Key } from '../../i18n';
import { link, navigate } from '../../router';
import { can } from '../../state';
import { alert, field, notice, showError } from '../../ui';
import { siteTabs } from '../sites';
import { jsonDiff, withContext } from './diff';

export interface Actor {
  type: 'operator' | 'personal_token' | 'admin_token' | 'site_token';
  operator?: string; login?: string; name?: string | null; token?: string; token_name?: string;
}

export interface Entry {
  id: number; at: string; actor: Actor; action: string; kind: string; object: string | null; site: string | null;
  before: unknown; after: unknown; detail: Record<string, unknown> | null;
}

interface Page { entries: Entry[]; next_before: number | null }

/** The kinds a site's history holds, and those only the history of everything has. */
export const SITE_KINDS = ['campaigns', 'segments', 'event-definitions', 'sites', 'tokens', 'users'];
export const ALL_KINDS = [...SITE_KINDS, 'operators', 'personal-tokens', 'test-clock'];
const PAGE = 50;

/** A word for a value the server sends (a kind, an action), or the value itself when it is new to us. */
function word(prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  return key in dictionaries[lang()] ? t(key as Key) : value;
}

function statusWord(status: unknown): string {
  return word('campaigns', String(status));
}

/** The time in the site's time zone, or the device's when there is no site. */
export function when(iso: string, zone?: string): string {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'medium' };
  const locale = lang() === 'ja' ? 'ja-JP' : 'en-US';
  try {
    return new Intl.DateTimeFormat(locale, zone ? { ...options, timeZone: zone } : options).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat(locale, options).format(new Date(iso));
  }
}

/** Who made a change, as people read it. */
export function who(a: Actor): string {
  const person = a.name ? `${a.name} (${a.login})` : a.login ?? '';
  switch (a.type) {
    case 'operator': return person;
    case 'personal_token': return t('audit.actor.personal_token', { who: person, name: a.token_name ?? '' });
    case 'admin_token': return t('audit.actor.admin_token');
    case 'site_token': return t('audit.actor.site_token', { token: a.token ?? '' });
    default: return String((a as { type: unknown }).type);
  }
}

/** What the detail says, one phrase each: the status change first. */
export function details(e: Entry): string[] {
  const d = e.detail ?? {};
  const out: string[] = [];
  const status = d.status as { from?: string; to?: string } | undefined;
  if (status) out.push(t('audit.detail.status', { from: statusWord(status.from), to: statusWord(status.to) }));
  const role = d.role as { from?: string; to?: string } | undefined;
  if (role) out.push(t('audit.detail.role', { from: word('role', String(role.from)), to: word('role', String(role.to)) }));
  if (d.unlocked) out.push(t('audit.detail.unlocked'));
  if (d.password_set) out.push(t('audit.detail.password_set'));
  if (d.invited) out.push(t('audit.detail.invited'));
  if (e.action === 'forget') out.push(t('audit.detail.forget', { visitors: Number(d.visitors ?? 0), records: Number(d.journal_records ?? 0) }));
  if (typeof d.advance === 'string') out.push(t('audit.detail.advance', { advance: d.advance }));
  return out;
}

/** The object of an entry: a link to it where the console has a page for it and it still exists. */
function object(e: Entry): HTMLElement | null {
  if (e.object === null) return null;
  const site = e.site ? encodeURIComponent(e.site) : null;
  const id = encodeURIComponent(e.object);
  let href: string | null = null;
  if (e.action !== 'delete') {
    if (e.kind === 'campaigns' && site) href = `/sites/${site}/campaigns/${id}`;
    else if (e.kind === 'segments' && site) href = `/sites/${site}/segments`;
    else if (e.kind === 'sites') href = `/sites/${id}`;
    else if (e.kind === 'operators' && can('admin')) href = '/users';
  }
  return href ? h('a', { href: link(href), class: 'mono' }, e.object) : h('span', { class: 'mono' }, e.object);
}

/** Before and after as a line diff: removed lines marked -, added +, long unchanged runs folded. */
export function diffView(before: unknown, after: unknown): HTMLElement {
  const shown = withContext(jsonDiff(before, after));
  if (!shown.some((l) => l.kind === 'add' || l.kind === 'del')) return h('p', { class: 'muted' }, t('audit.diff.none'));
  return h('div', { class: 'diff', role: 'group', tabindex: 0, 'aria-label': t('audit.diff.label') },
    shown.map((l) => {
      if (l.kind === 'skip') return h('div', { class: 'diff-line fold' }, t('audit.diff.skip', { count: l.count }));
      const sign = l.kind === 'add' ? '+' : l.kind === 'del' ? '-' : ' ';
      return h('div', { class: `diff-line ${l.kind}` },
        h('span', { class: 'diff-sign', 'aria-hidden': 'true' }, sign),
        l.kind === 'same' ? null : h('span', { class: 'sr-only' }, `${t(l.kind === 'add' ? 'audit.diff.added' : 'audit.diff.removed')}: `),
        h('span', { class: 'diff-text' }, l.text));
    }));
}

/** One entry: when and who; what, with its object; what the detail says; and its diff, opened on demand. */
export function entryView(e: Entry, opts: { zone?: string; historyPath: string; showSite: boolean }): HTMLElement {
  const what = h('p', { class: 'audit-what' },
    h('span', { class: `badge audit-action ${e.action}` }, word('audit.action', e.action)), ' ',
    h('span', { class: 'audit-kind' }, word('audit.kind', e.kind)), ' ', object(e));
  if (e.object !== null) {
    const q = new URLSearchParams({ kind: e.kind, id: e.object });
    if (opts.showSite && e.site) q.set('site', e.site);
    what.append(' ', h('a', { class: 'audit-filter-link', href: `${link(opts.historyPath)}?${q}` }, t('audit.object.history')));
  }
  const notes = details(e);
  const hasStates = (e.before !== null && e.before !== undefined) || (e.after !== null && e.after !== undefined);
  let changes: HTMLElement | null = null;
  if (hasStates) {
    const body = h('div', { class: 'audit-diff' });
    const d = h('details', { class: 'audit-changes' }, h('summary', {}, t('audit.changes')), body);
    d.addEventListener('toggle', () => {
      if (d.open && !body.firstChild) body.append(diffView(e.before, e.after));
    });
    changes = d;
  }
  return h('li', { class: 'audit-entry', tabindex: -1, 'data-entry': e.id, 'data-kind': e.kind, 'data-action': e.action },
    h('p', { class: 'audit-head' },
      h('time', { datetime: e.at }, when(e.at, opts.zone)),
      h('span', { class: 'audit-who' }, who(e.actor)),
      opts.showSite && e.site
        ? h('a', { class: 'audit-site mono', href: link(`/sites/${encodeURIComponent(e.site)}/history`) }, `${t('audit.site')}: ${e.site}`)
        : null),
    what,
    notes.length ? h('p', { class: 'audit-detail' }, notes.join(' / ')) : null,
    changes);
}

interface Filter { kind: string; id: string; site: string }

function currentFilter(): Filter {
  const q = new URLSearchParams(location.search);
  return { kind: q.get('kind') ?? '', id: q.get('id') ?? '', site: q.get('site') ?? '' };
}

function filterForm(path: string, kinds: string[], current: Filter, withSite: boolean): HTMLFormElement {
  const options = [{ value: '', label: t('audit.filter.all') }, ...kinds.map((k) => ({ value: k, label: word('audit.kind', k) }))];
  const form = h('form', { class: 'card audit-filter', novalidate: true, role: 'search', 'aria-label': t('audit.filter') },
    h('div', { class: 'grid' },
      field({ name: 'kind', label: 'audit.filter.kind', options, value: current.kind }),
      field({ name: 'id', label: 'audit.filter.id', value: current.id, autocomplete: 'off' }),
      withSite ? field({ name: 'site', label: 'audit.filter.site', value: current.site, autocomplete: 'off' }) : null),
    h('div', { class: 'actions' },
      h('button', { type: 'submit' }, t('audit.filter.apply')),
      h('a', { href: link(path) }, t('audit.filter.clear'))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const q = new URLSearchParams();
    for (const k of ['kind', 'id', 'site']) {
      const v = String(data.get(k) ?? '').trim();
      if (v) q.set(k, v);
    }
    if (q.has('id') && !q.has('kind')) {
      showError(form, new ApiError(400, 'invalid', t('audit.filter.idNeedsKind'), 'id'));
      return;
    }
    navigate(`${link(path)}${q.toString() ? `?${q}` : ''}`);
  });
  return form;
}

async function historyPage(o: { api: string; path: string; kinds: string[]; zone?: string; showSite: boolean; head: HTMLElement[] }): Promise<HTMLElement> {
  const filter = currentFilter();
  const form = filterForm(o.path, o.kinds, filter, o.showSite);
  const query = (before?: number) => {
    const q = new URLSearchParams({ limit: String(PAGE) });
    if (filter.kind) q.set('kind', filter.kind);
    if (filter.id) q.set('id', filter.id);
    if (o.showSite && filter.site) q.set('site', filter.site);
    if (before !== undefined) q.set('before', String(before));
    return `${o.api}?${q}`;
  };
  const main = h('main', { id: 'main' }, ...o.head);
  main.append(form);
  let page: Page;
  try {
    page = await api<Page>('GET', query());
  } catch (err) {
    if (err instanceof ApiError && err.status === 400) {
      showError(form, err);
      return main;
    }
    throw err;
  }
  const active = [filter.kind && word('audit.kind', filter.kind), filter.id, filter.site].filter(Boolean).join(' ');
  if (active) main.append(notice(t('audit.filtered', { what: active }), 'info'));
  main.append(h('p', { class: 'muted' }, o.zone ? t('audit.timezone', { zone: o.zone }) : t('audit.timezone.local')));
  const view = (e: Entry) => entryView(e, { zone: o.zone, historyPath: o.path, showSite: o.showSite });
  if (page.entries.length === 0) {
    main.append(h('p', { class: 'empty' }, t('audit.empty')));
    return main;
  }
  const list = h('ol', { class: 'audit-list', 'aria-label': t('audit.title') }, page.entries.map(view));
  const messages = h('div', { class: 'messages' });
  main.append(list, messages);
  let next = page.next_before;
  if (next !== null) {
    const more = h('button', { type: 'button', class: 'secondary audit-more' }, t('audit.more'));
    more.addEventListener('click', async () => {
      if (next === null) return;
      more.disabled = true;
      try {
        const older = await api<Page>('GET', query(next));
        const items = older.entries.map(view);
        list.append(...items);
        next = older.next_before;
        items[0]?.focus(); // the keyboard goes on where the new entries start
        if (next === null) more.replaceWith(h('p', { class: 'muted' }, t('audit.end')));
        else more.disabled = false;
      } catch (err) {
        messages.replaceChildren(alert(errorMessage(err)));
        more.disabled = false;
      }
    });
    main.append(h('div', { class: 'actions' }, more));
  }
  return main;
}

/** `/sites/:site/history`: the site's changes, times in the site's time zone. */
export async function siteHistory(site: string): Promise<HTMLElement> {
  const info = await api<{ name: string; timezone: string }>('GET', `/api/v1/sites/${encodeURIComponent(site)}`);
  const path = `/sites/${encodeURIComponent(site)}/history`;
  return historyPage({
    api: `/api/v1/sites/${encodeURIComponent(site)}/audit`, path, kinds: SITE_KINDS, zone: info.timezone, showSite: false,
    head: [
      h('p', { class: 'crumb' }, h('a', { href: link('/') }, t('nav.sites'))),
      h('h1', { tabindex: -1, id: 'page-title' }, `${t('audit.title')} — ${info.name || site}`),
      siteTabs(site, 'history', info.name),
      h('p', { class: 'lead' }, t('audit.lead')),
    ],
  });
}

/** `/history`: every change, operators and the test clock included (administrators). */
export async function allHistory(): Promise<HTMLElement> {
  const head = [
    h('p', { class: 'crumb' }, h('a', { href: link('/users') }, t('users.title'))),
    h('h1', { tabindex: -1, id: 'page-title' }, t('audit.all.title')),
    h('p', { class: 'lead' }, t('audit.all.lead')),
  ];
  if (!can('admin')) return h('main', { id: 'main' }, ...head, notice(t('audit.all.adminOnly'), 'info'));
  return historyPage({ api: '/api/v1/audit', path: '/history', kinds: ALL_KINDS, showSite: true, head });
}
