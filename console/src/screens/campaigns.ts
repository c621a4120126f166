// The campaign list with status changes (live / paused), and a campaign's JSON, read-only.
import { api } from '../api';
import { h } from '../dom';
import { t, Key } from '../i18n';
import { link } from '../router';
import { can } from '../state';
import { alert, notice } from '../ui';
import { siteTabs } from './sites';

interface Campaign { id: string; name?: string; status?: string; creative?: { template?: string }; [k: string]: unknown }

function statusLabel(status: string | undefined): string {
  const key = `campaigns.${status ?? 'draft'}` as Key;
  return ['live', 'paused', 'draft', 'ended'].includes(status ?? 'draft') ? t(key) : (status ?? '');
}

export async function campaignList(site: string, rerender: () => void): Promise<HTMLElement> {
  const base = `/api/v1/sites/${encodeURIComponent(site)}`;
  const [{ items }, info] = await Promise.all([
    api<{ items: Campaign[] }>('GET', `${base}/campaigns`),
    api<{ name: string }>('GET', base),
  ]);
  const messages = h('div', { class: 'messages' });
  const rows = items.map((c) => {
    const live = c.status === 'live';
    const toggle = h('button', { type: 'button', class: live ? 'secondary' : '', 'data-campaign': c.id, 'aria-label': `${live ? t('campaigns.pause') : t('campaigns.golive')}: ${c.name ?? c.id}` },
      live ? t('campaigns.pause') : t('campaigns.golive'));
    if (!can('editor')) toggle.disabled = true;
    toggle.addEventListener('click', async () => {
      toggle.disabled = true;
      try {
        const current = await api<Campaign>('GET', `${base}/campaigns/${encodeURIComponent(c.id)}`);
        await api('PUT', `${base}/campaigns/${encodeURIComponent(c.id)}`, { ...current, status: live ? 'paused' : 'live' });
        rerender();
      } catch (err) {
        messages.replaceChildren(alert(err instanceof Error ? err.message : String(err)));
        toggle.disabled = false;
      }
    });
    return h('tr', { 'data-campaign-row': c.id },
      h('td', {}, h('div', {}, c.name ?? c.id), h('div', { class: 'muted mono' }, c.id)),
      h('td', {}, h('span', { class: `status ${c.status ?? 'draft'}` }, statusLabel(c.status))),
      h('td', {}, c.creative?.template ?? ''),
      h('td', {}, h('div', { class: 'row-actions' }, toggle,
        h('a', { href: link(`/sites/${encodeURIComponent(site)}/campaigns/${encodeURIComponent(c.id)}`) }, t('campaigns.json')))));
  });
  const table = items.length === 0
    ? h('p', { class: 'empty' }, t('campaigns.empty'), ' ', h('a', { href: link(`/sites/${encodeURIComponent(site)}/templates`) }, t('site.templates')))
    : h('table', { class: 'list' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('campaigns.name')), h('th', { scope: 'col' }, t('campaigns.status')),
        h('th', { scope: 'col' }, t('campaigns.template')), h('th', { scope: 'col' }, t('campaigns.actions')))),
      h('tbody', {}, rows));
  return h('main', { id: 'main' },
    h('p', { class: 'crumb' }, h('a', { href: link('/') }, t('nav.sites'))),
    h('h1', { tabindex: -1, id: 'page-title' }, `${t('campaigns.title')} — ${info.name || site}`),
    siteTabs(site, 'campaigns', info.name),
    h('p', { class: 'lead' }, t('campaigns.lead')),
    can('editor') ? null : notice(t('common.readonly'), 'info'),
    messages, table);
}

export async function campaignJson(site: string, id: string): Promise<HTMLElement> {
  const c = await api<Campaign>('GET', `/api/v1/sites/${encodeURIComponent(site)}/campaigns/${encodeURIComponent(id)}`);
  return h('main', { id: 'main' },
    h('p', { class: 'crumb' }, h('a', { href: link(`/sites/${encodeURIComponent(site)}/campaigns`) }, t('campaigns.title'))),
    h('h1', { tabindex: -1, id: 'page-title' }, c.name ?? id),
    h('p', { class: 'lead' }, t('campaign.json.title')),
    h('pre', { class: 'code json', tabindex: 0, 'aria-label': t('campaign.json.title') }, JSON.stringify(c, null, 2)));
}
