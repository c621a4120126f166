// "Why not?": a visitor id and a page URL in; each campaign's decision and its reason out, through
// POST /api/v1/sites/{site}/decide/preview (a read: viewers may ask). Nothing about the visitor changes.
import { api, ApiError } from '../api';
import { h } from '../dom';
import { t } from '../i18n';
import { reasonDetail, reasonLabel } from '../errors';
import { link } from '../router';
import { busy, clearErrors, field, formValues, showError } from '../ui';
import { siteTabs } from './sites';

interface Outcome { campaign: string; delivered: boolean; variant?: string; control?: boolean; reason?: string; detail?: string }

export { reasonLabel };

/** A campaign not delivered: its reason and the server's detail, both in the operator's language (errors.ts). */
function why(o: Outcome): HTMLElement[] {
  const detail = reasonDetail(o.reason, o.detail);
  return [h('div', { 'data-reason': o.reason ?? '' }, reasonLabel(o.reason)), detail ? h('div', { class: 'muted' }, detail) : null]
    .filter(Boolean) as HTMLElement[];
}

export async function whyNot(site: string): Promise<HTMLElement> {
  const info = await api<{ name: string; domains: string[] }>('GET', `/api/v1/sites/${encodeURIComponent(site)}`);
  const results = h('div', { class: 'results', 'aria-live': 'polite' });
  const example = info.domains.length ? `https://${info.domains[0]}/` : 'https://shop.example/';
  const form = h('form', { class: 'card', novalidate: true },
    h('div', { class: 'grid' },
      field({ name: 'visitor', label: 'whynot.visitor', required: true, help: 'whynot.visitor.help',
        value: new URLSearchParams(location.search).get('visitor') ?? '' }),
      field({ name: 'page', label: 'whynot.url', required: true, value: example, type: 'url' })),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('whynot.ask'))));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = formValues(form);
    for (const name of ['visitor', 'page']) {
      if (!v[name].trim()) {
        showError(form, new ApiError(400, 'required', t('common.required'), name));
        return;
      }
    }
    try {
      const reply = await busy(form, () => api<{ campaigns: Outcome[] }>('POST', `/api/v1/sites/${encodeURIComponent(site)}/decide/preview`,
        { visitor: v.visitor.trim(), page: { url: v.page.trim() } }));
      clearErrors(form);
      results.replaceChildren(reply.campaigns.length === 0 ? h('p', { class: 'empty' }, t('campaigns.empty')) : h('table', { class: 'list' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('campaigns.name')), h('th', { scope: 'col' }, t('whynot.decision')),
          h('th', { scope: 'col' }, t('whynot.reason')))),
        h('tbody', {}, reply.campaigns.map((o) => h('tr', { 'data-outcome': o.campaign },
          h('td', { class: 'mono' }, h('a', { href: link(`/sites/${encodeURIComponent(site)}/campaigns/${encodeURIComponent(o.campaign)}`) }, o.campaign)),
          h('td', {}, h('span', { class: `status ${o.delivered ? 'live' : 'paused'}` }, o.delivered ? (o.control ? t('whynot.control') : t('whynot.delivered')) : t('whynot.notDelivered'))),
          h('td', {}, o.delivered ? '' : why(o)))))));
    } catch (err) {
      results.replaceChildren();
      showError(form, err);
    }
  });
  return h('main', { id: 'main' },
    h('p', { class: 'crumb' }, h('a', { href: link('/') }, t('nav.sites'))),
    h('h1', { tabindex: -1, id: 'page-title' }, `${t('whynot.title')} — ${info.name || site}`),
    siteTabs(site, 'whynot', info.name),
    h('p', { class: 'lead' }, t('whynot.lead')),
    form, results);
}
