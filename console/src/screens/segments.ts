// A site's segments with how many profiles are in each now (GET …/segments/{id}/count), and each segment's
// condition as JSON; each links to its editor (screens/editor/segment.ts), and editors can add one.
import { api } from '../api';
import { h } from '../dom';
import { t } from '../i18n';
import { link } from '../router';
import { can } from '../state';
import { notice } from '../ui';
import { siteTabs } from './sites';

interface Segment { id: string; name?: string; condition?: unknown }

export async function segments(site: string): Promise<HTMLElement> {
  const base = `/api/v1/sites/${encodeURIComponent(site)}`;
  const [{ items }, info] = await Promise.all([
    api<{ items: Segment[] }>('GET', `${base}/segments`),
    api<{ name: string }>('GET', base),
  ]);
  const counts = await Promise.all(items.map((s) =>
    api<{ count: number; profiles: number }>('GET', `${base}/segments/${encodeURIComponent(s.id)}/count`).catch(() => null)));
  const fmt = new Intl.NumberFormat();
  const body = items.length === 0 ? h('p', { class: 'empty' }, t('segments.empty')) : h('table', { class: 'list' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('campaigns.name')), h('th', { scope: 'col' }, t('segments.count')),
      h('th', { scope: 'col' }, t('segments.condition')))),
    h('tbody', {}, items.map((s, i) => {
      const c = counts[i];
      return h('tr', { 'data-segment-row': s.id },
        h('td', {}, h('div', {}, h('a', { href: link(`/sites/${encodeURIComponent(site)}/segments/${encodeURIComponent(s.id)}`) }, s.name ?? s.id)),
          h('div', { class: 'muted mono' }, s.id)),
        h('td', { class: 'count' }, c ? t('segments.of', { count: fmt.format(c.count), profiles: fmt.format(c.profiles) }) : '—'),
        h('td', {}, h('pre', { class: 'code small' }, JSON.stringify(s.condition ?? {}, null, 1))));
    })));
  return h('main', { id: 'main' },
    h('p', { class: 'crumb' }, h('a', { href: link('/') }, t('nav.sites'))),
    h('h1', { tabindex: -1, id: 'page-title' }, `${t('segments.title')} — ${info.name || site}`),
    siteTabs(site, 'segments', info.name),
    h('p', { class: 'lead' }, t('segments.lead')),
    new URLSearchParams(location.search).has('deleted') ? notice(t('segments.deleted')) : null,
    can('editor') ? h('p', { class: 'actions' }, h('a', { class: 'button', href: link(`/sites/${encodeURIComponent(site)}/segments/new`) }, t('segments.new'))) : null,
    counts.some((c) => c === null) ? notice(t('common.error'), 'error') : null,
    body);
}
