// What the explorer and report screens share: the site they are about, their frame (crumb, title, site tabs,
// the reports' own sub-navigation) and a table whose cells carry their column's name for the phone layout.
import { api } from '../../api';
import { h } from '../../dom';
import { Key, lang, t } from '../../i18n';
import { link } from '../../router';
import { siteTabs } from '../sites';
import { count, percent } from './format';

export interface SiteInfo { id: string; name: string; timezone: string; session_timeout: number; domains: string[] }

export function siteApi(site: string): string {
  return `/api/v1/sites/${encodeURIComponent(site)}`;
}

export function sitePath(site: string, rest = ''): string {
  return link(`/sites/${encodeURIComponent(site)}${rest}`);
}

export function siteInfo(site: string): Promise<SiteInfo> {
  return api<SiteInfo>('GET', siteApi(site));
}

type Tab = 'visitors' | 'reports';
export type ReportsTab = 'overview' | 'funnels' | null;

/** The screen's frame: crumb back to the site, the title (focused after navigation), the site's tabs. */
export function frame(info: SiteInfo, tab: Tab, title: string, ...body: (Node | null | false)[]): HTMLElement {
  return h('main', { id: 'main', class: `explorer ${tab}` },
    h('p', { class: 'crumb' }, h('a', { href: link('/') }, t('nav.sites')), ' › ', h('a', { href: sitePath(info.id) }, info.name || info.id)),
    h('h1', { tabindex: -1, id: 'page-title' }, title),
    siteTabs(info.id, tab, info.name),
    ...body.filter(Boolean) as Node[]);
}

/** Overview | Funnels, under the Reports tab. */
export function reportsNav(site: string, active: ReportsTab): HTMLElement {
  const item = (key: ReportsTab, href: string, label: Key) => h('a', {
    href: sitePath(site, href), class: active === key ? 'subtab active' : 'subtab', 'aria-current': active === key ? 'page' : null,
  }, t(label));
  return h('nav', { class: 'subtabs', 'aria-label': t('site.reports') },
    item('overview', '/reports', 'reports.overview'), item('funnels', '/funnels', 'funnels.title'));
}

export type Cell = Node | string | number | null | undefined | (Node | string | null)[];

/**
 * A list table (tables become cards under 640 px, each cell labelled by its column through data-label).
 * `numeric` columns align right.
 */
export function listTable(caption: string, headers: string[], rows: Cell[][], numeric: boolean[] = [], attrs: (i: number) => Record<string, string> = () => ({})): HTMLTableElement {
  return h('table', { class: 'list labelled' },
    h('caption', { class: 'sr-only' }, caption),
    h('thead', {}, h('tr', {}, headers.map((x, i) => h('th', { scope: 'col', class: numeric[i] ? 'num' : null }, x)))),
    h('tbody', {}, rows.map((r, ri) => h('tr', attrs(ri), r.map((c, i) => h('td', { 'data-label': headers[i], class: numeric[i] ? 'num' : null },
      ...(Array.isArray(c) ? c : [c]).map((x) => (typeof x === 'number' ? String(x) : x))))))));
}

/** A figure tile: a big number with its label. */
export function tile(label: string, value: string, hint?: string, name?: string): HTMLElement {
  return h('div', { class: 'tile', 'data-tile': name ?? null },
    h('div', { class: 'tile-label' }, label),
    h('div', { class: 'tile-value' }, value),
    hint ? h('div', { class: 'tile-hint muted' }, hint) : null);
}

export function fmtCount(n: number | null | undefined): string {
  return count(lang(), n);
}

export function fmtPercent(r: number | null | undefined): string {
  return percent(lang(), r);
}

/** Runs `work` on the items at most `width` at a time, keeping their order (reports of many campaigns). */
export async function inBatches<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]);
    }
  });
  await Promise.all(lanes);
  return out;
}

/**
 * Runs `fn` once `el` is in the document (screens are built before main.ts puts them on the page, and ui.ts's
 * showError finds a field's error slot by id in the document). Gives up after about two seconds.
 */
export function whenAttached(el: HTMLElement, fn: () => void, tries = 120): void {
  if (el.isConnected) fn();
  else if (tries > 0) requestAnimationFrame(() => whenAttached(el, fn, tries - 1));
}
