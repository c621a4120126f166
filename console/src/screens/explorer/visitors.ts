// The visitor explorer (ビジター): find visitors by visitor id (or its beginning), user id, or a trait's value,
// through GET /api/v1/sites/{site}/profiles. The search lives in the URL (?visitor=…&user_id=…&trait=…), so
// a result can be shared and the back button works; with no criterion the most recently seen visitors show.
import { api, ApiError } from '../../api';
import { h } from '../../dom';
import { lang, t } from '../../i18n';
import { navigate } from '../../router';
import { busy, field, notice, showError } from '../../ui';
import { fmtCount, frame, listTable, siteApi, siteInfo, sitePath, whenAttached } from './common';
import { dateTime } from './format';

export interface VisitorItem {
  visitor: string; user_id: string | null; member: boolean; visits: number; browsers: number; first_seen: string | null;
  last_seen: string | null; device: string | null; source: string | null; session_pv: number; traits: Record<string, unknown>;
}

export interface Criteria { visitor?: string; user_id?: string; trait?: string }

/** The search's query from the form's fields; a trait needs its name (the value may be empty text). */
export function criteriaOf(v: { visitor?: string; user_id?: string; trait_name?: string; trait_value?: string }): Criteria {
  const c: Criteria = {};
  if (v.visitor?.trim()) c.visitor = v.visitor.trim();
  if (v.user_id?.trim()) c.user_id = v.user_id.trim();
  if (v.trait_name?.trim()) c.trait = `${v.trait_name.trim()}:${(v.trait_value ?? '').trim()}`;
  return c;
}

export function queryOf(c: Criteria): string {
  const q = new URLSearchParams();
  for (const k of ['visitor', 'user_id', 'trait'] as const) if (c[k] !== undefined) q.set(k, c[k]!);
  const s = q.toString();
  return s ? `?${s}` : '';
}

export function deviceLabel(device: string | null | undefined): string {
  const known = ['pc', 'smartphone', 'tablet'];
  return device && known.includes(device) ? t(`device.${device}` as 'device.pc') : (device ?? '–');
}

export function sourceLabel(source: string | null | undefined): string {
  const known = ['ad', 'search', 'social', 'email', 'referral', 'direct'];
  return source && known.includes(source) ? t(`source.${source}` as 'source.ad') : (source ?? '–');
}

function traitsText(traits: Record<string, unknown>): string {
  return Object.entries(traits).map(([k, v]) => `${k}: ${typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`).join(', ');
}

export async function visitorSearch(site: string): Promise<HTMLElement> {
  const info = await siteInfo(site);
  const params = new URLSearchParams(location.search);
  const given: Criteria = {};
  for (const k of ['visitor', 'user_id', 'trait'] as const) { const v = params.get(k); if (v !== null) given[k] = v; }
  const colon = given.trait?.indexOf(':') ?? -1;
  const form = h('form', { class: 'card search', novalidate: true, role: 'search' },
    h('div', { class: 'grid' },
      field({ name: 'visitor', label: 'visitors.visitor', value: given.visitor ?? '', help: 'visitors.visitor.help' }),
      field({ name: 'user_id', label: 'visitors.user', value: given.user_id ?? '' }),
      field({ name: 'trait_name', label: 'visitors.traitName', value: colon > 0 ? given.trait!.slice(0, colon) : (given.trait ?? ''), help: 'visitors.trait.help' }),
      field({ name: 'trait_value', label: 'visitors.traitValue', value: colon > 0 ? given.trait!.slice(colon + 1) : '' })),
    h('div', { class: 'actions' },
      h('button', { type: 'submit' }, t('visitors.search')),
      h('a', { href: sitePath(site, '/visitors'), class: 'button-link' }, t('visitors.clear'))));
  const results = h('section', { class: 'results', 'aria-live': 'polite', 'aria-labelledby': 'visitor-results' });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = Object.fromEntries(new FormData(form).entries()) as Record<string, string>;
    if (!v.trait_name?.trim() && v.trait_value?.trim()) {
      showError(form, new ApiError(400, 'required', t('visitors.trait.nameFirst'), 'trait_name'));
      return;
    }
    navigate(sitePath(site, `/visitors${queryOf(criteriaOf(v))}`));
  });
  const page = frame(info, 'visitors', t('visitors.title'), h('p', { class: 'lead' }, t('visitors.lead')), form, results);
  try {
    const reply = await busy(form, () => api<{ items: VisitorItem[]; truncated: boolean; matched: number }>('GET', `${siteApi(site)}/profiles${queryOf(given)}`));
    results.append(resultList(site, info.timezone, reply, Object.keys(given).length > 0));
  } catch (err) {
    // the API names the bad parameter: show it at its field (trait → the trait name field)
    if (err instanceof ApiError && err.path === 'trait') err.path = 'trait_name';
    if (err instanceof ApiError) err.errors = err.errors.map((x) => (x.path === 'trait' ? { ...x, path: 'trait_name' } : x));
    whenAttached(form, () => showError(form, err));
  }
  return page;
}

function resultList(site: string, zone: string, reply: { items: VisitorItem[]; truncated: boolean; matched: number }, searched: boolean): HTMLElement {
  const title = h('h2', { id: 'visitor-results' }, searched ? t('visitors.results', { n: fmtCount(reply.matched) }) : t('visitors.recent'));
  if (reply.items.length === 0) return h('div', {}, title, h('p', { class: 'empty' }, searched ? t('visitors.none') : t('visitors.noneYet')));
  const headers = [t('visitors.col.visitor'), t('visitors.col.who'), t('visitors.col.device'), t('visitors.col.visits'), t('visitors.col.lastSeen'), t('visitors.col.traits')];
  const rows = reply.items.map((v) => [
    h('a', { href: sitePath(site, `/visitors/${encodeURIComponent(v.visitor)}`), class: 'mono', 'data-visitor': v.visitor }, v.visitor),
    [h('span', { class: v.member ? 'badge member' : 'badge' }, v.member ? t('karte.member') : t('karte.visitor')),
      v.user_id ? h('div', { class: 'mono muted' }, v.user_id) : null,
      v.browsers > 1 ? h('div', { class: 'muted' }, t('visitors.browsers', { n: v.browsers })) : null],
    deviceLabel(v.device),
    fmtCount(v.visits),
    dateTime(lang(), v.last_seen, zone),
    h('span', { class: 'traits-line' }, traitsText(v.traits)),
  ]);
  return h('div', {}, title,
    listTable(t('visitors.title'), headers, rows, [false, false, false, true, false, false]),
    reply.truncated ? notice(t('visitors.truncated', { shown: reply.items.length, n: fmtCount(reply.matched) }), 'info') : null);
}
