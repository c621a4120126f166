// The template gallery: S01–S17 as one-click templates. Installing one PUTs its segments, event definitions
// and campaigns through the admin API, the campaigns paused so they can be reviewed before going live.
import { api } from '../api';
import { h } from '../dom';
import { lang, t } from '../i18n';
import { link } from '../router';
import { can } from '../state';
import { notice, showError } from '../ui';
import { siteTabs } from './sites';

export interface Template {
  id: string;
  title: Record<'ja' | 'en', string>;
  explanation: Record<'ja' | 'en', string>;
  segments: { id: string }[];
  event_definitions: { name: string }[];
  campaigns: { id: string; name?: string; status?: string; creative?: { template?: string } }[];
}

/** PUTs a template's objects into a site: segments, then event definitions, then campaigns (paused). */
export async function install(site: string, tpl: Template): Promise<void> {
  const base = `/api/v1/sites/${encodeURIComponent(site)}`;
  for (const s of tpl.segments) await api('PUT', `${base}/segments/${encodeURIComponent(s.id)}`, s);
  for (const d of tpl.event_definitions) await api('PUT', `${base}/event-definitions/${encodeURIComponent(d.name)}`, d);
  for (const c of tpl.campaigns) await api('PUT', `${base}/campaigns/${encodeURIComponent(c.id)}`, { ...c, status: 'paused' });
}

export async function gallery(site: string): Promise<HTMLElement> {
  const [{ templates }, info] = await Promise.all([
    api<{ templates: Template[] }>('GET', '/api/v1/templates'),
    api<{ name: string }>('GET', `/api/v1/sites/${encodeURIComponent(site)}`),
  ]);
  const l = lang();
  const cards = templates.map((tpl) => {
    const status = h('div', { class: 'card-status' });
    const button = h('button', { type: 'button', 'aria-describedby': `tpl-${tpl.id}-title` }, t('templates.install'));
    if (!can('editor')) button.disabled = true;
    button.addEventListener('click', async () => {
      button.disabled = true;
      button.textContent = t('templates.installing');
      status.replaceChildren();
      try {
        await install(site, tpl);
        status.append(notice(t('templates.installed')),
          h('a', { href: link(`/sites/${encodeURIComponent(site)}/campaigns`) }, t('templates.show')));
      } catch (err) {
        showError(status, err);
      } finally {
        button.disabled = !can('editor');
        button.textContent = t('templates.install');
      }
    });
    return h('article', { class: 'card template', 'data-template': tpl.id },
      h('p', { class: 'badge' }, tpl.id),
      h('h2', { id: `tpl-${tpl.id}-title` }, tpl.title[l]),
      h('p', {}, tpl.explanation[l]),
      h('p', { class: 'muted' }, t('templates.contains', { campaigns: tpl.campaigns.length, events: tpl.event_definitions.length, segments: tpl.segments.length })),
      h('div', { class: 'actions' }, button),
      status);
  });
  return h('main', { id: 'main' },
    h('p', { class: 'crumb' }, h('a', { href: link('/') }, t('nav.sites'))),
    h('h1', { tabindex: -1, id: 'page-title' }, `${t('templates.title')} — ${info.name || site}`),
    siteTabs(site, 'templates', info.name),
    h('p', { class: 'lead' }, t('templates.lead')),
    can('editor') ? null : h('p', { class: 'notice info' }, t('common.readonly')),
    h('div', { class: 'cards' }, cards));
}
