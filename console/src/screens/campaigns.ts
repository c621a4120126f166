// The campaign list with status changes (live / paused) and links to the editor (screens/editor/campaign.ts).
import { api } from '../api';
import { h } from '../dom';
import { t, Key } from '../i18n';
import { link } from '../router';
import { can } from '../state';
import { alert, notice } from '../ui';
import { siteTabs } from './sites';
import { campaignEditor } from './editor/campaign';
import { isTemplate } from './editor/content';
import { errorMessage } from '../errors';

interface Campaign {
  id: string; name?: string; status?: string; creative?: { template?: string }; variants?: { creative?: { template?: string } }[];
  [k: string]: unknown;
}

function statusLabel(status: string | undefined): string {
  const key = `campaigns.${status ?? 'draft'}` as Key;
  return ['live', 'paused', 'draft', 'ended'].includes(status ?? 'draft') ? t(key) : (status ?? '');
}

/** A template's name in the operator's language (an unknown one as it is). */
function templateName(template: string | undefined): string {
  if (!template) return '';
  return isTemplate(template) ? t(`ed.tpl.${template}` as Key) : template;
}

/** What a campaign shows: its template's name, or an A/B test's templates (each once). */
export function formatOf(c: Campaign): string {
  if (Array.isArray(c.variants) && c.variants.length) {
    const names = [...new Set(c.variants.map((v) => templateName(v?.creative?.template)).filter(Boolean))];
    return t('campaigns.ab', { list: names.join(' / ') });
  }
  return templateName(c.creative?.template);
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
        messages.replaceChildren(alert(errorMessage(err)));
        toggle.disabled = false;
      }
    });
    return h('tr', { 'data-campaign-row': c.id },
      h('td', {}, h('div', {}, c.name ?? c.id), h('div', { class: 'muted mono' }, c.id)),
      h('td', {}, h('span', { class: `status ${c.status ?? 'draft'}` }, statusLabel(c.status))),
      h('td', {}, formatOf(c)),
      h('td', {}, h('div', { class: 'row-actions' }, toggle,
        h('a', { href: link(`/sites/${encodeURIComponent(site)}/campaigns/${encodeURIComponent(c.id)}`), 'aria-label': `${t('campaigns.edit')}: ${c.name ?? c.id}` },
          can('editor') ? t('campaigns.edit') : t('campaigns.view')))));
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
    new URLSearchParams(location.search).has('deleted') ? notice(t('campaigns.deleted')) : null,
    can('editor') ? h('p', { class: 'actions' }, h('a', { class: 'button', href: link(`/sites/${encodeURIComponent(site)}/campaigns/new`) }, t('campaigns.new')))
      : notice(t('common.readonly'), 'info'),
    messages, table);
}

/** A campaign's own page: the editor (read-only for viewers). Kept under this name for the base routes. */
export function campaignJson(site: string, id: string): Promise<HTMLElement> {
  return campaignEditor(site, id);
}
