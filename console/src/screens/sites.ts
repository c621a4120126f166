// Sites: the list, creating one, and a site's page with its tag snippet and settings.
import { api } from '../api';
import { h } from '../dom';
import { t } from '../i18n';
import { link, navigate } from '../router';
import { can } from '../state';
import { busy, clearErrors, copyButton, field, formValues, heading, notice, showError } from '../ui';

export interface Site {
  id: string; name: string; key: string; domains: string[]; timezone: string; session_timeout: number;
  spacing?: { min_pageviews?: number; min_seconds?: number };
}

const ZONES = ['Asia/Tokyo', 'Asia/Seoul', 'Asia/Shanghai', 'Asia/Taipei', 'Asia/Singapore', 'UTC', 'Europe/London',
  'Europe/Paris', 'America/New_York', 'America/Los_Angeles', 'Australia/Sydney'];

function zoneList(): HTMLElement {
  return h('datalist', { id: 'zones' }, ZONES.map((z) => h('option', { value: z })));
}

/** The spacing between two campaigns (site settings): the same fields in the creation and the settings forms. */
function spacingFields(spacing?: Site['spacing']): HTMLElement[] {
  return [
    field({ name: 'spacing.min_pageviews', label: 'sites.spacing.pageviews', type: 'number', value: spacing?.min_pageviews?.toString(), min: 0, max: 1000, help: 'sites.spacing.help' }),
    field({ name: 'spacing.min_seconds', label: 'sites.spacing.seconds', type: 'number', value: spacing?.min_seconds?.toString(), min: 0 }),
  ];
}

/**
 * The form's values as the admin API takes them. `clearable`: the settings form sends the spacing even when
 * emptied, so clearing it clears the spacing; a new site without spacing gets none.
 */
function settingsBody(v: Record<string, string>, clearable: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = {
    name: v.name,
    domains: v.domains.split(/[\s,]+/).map((d) => d.trim()).filter(Boolean),
    timezone: v.timezone,
  };
  if (v.session_timeout) body.session_timeout = /^\d+$/.test(v.session_timeout) ? `PT${v.session_timeout}M` : v.session_timeout;
  if (v.id) body.id = v.id;
  const spacing: Record<string, unknown> = {};
  for (const k of ['min_pageviews', 'min_seconds']) {
    const raw = v[`spacing.${k}`];
    if (raw) spacing[k] = /^\d+$/.test(raw) ? Number(raw) : raw;
  }
  if (Object.keys(spacing).length || (clearable && 'spacing.min_pageviews' in v)) body.spacing = spacing;
  return body;
}

export async function sitesList(): Promise<HTMLElement> {
  const { sites } = await api<{ sites: Site[] }>('GET', '/api/v1/sites');
  const list = sites.length === 0 ? h('p', { class: 'empty' }, t('common.none')) : h('table', { class: 'list' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('sites.name')), h('th', { scope: 'col' }, t('sites.domains')),
      h('th', { scope: 'col' }, t('sites.timezone')))),
    h('tbody', {}, sites.map((s) => h('tr', {},
      h('td', {}, h('a', { href: link(`/sites/${encodeURIComponent(s.id)}`) }, s.name || s.id), h('div', { class: 'muted mono' }, s.id)),
      h('td', {}, s.domains.join(', ')),
      h('td', {}, s.timezone)))));
  const page = h('main', { id: 'main' }, ...heading('sites.title', 'sites.lead'), list);
  if (can('admin')) page.append(createForm());
  return page;
}

function createForm(): HTMLElement {
  const form = h('form', { class: 'card', novalidate: true },
    h('h2', {}, t('sites.create')),
    h('div', { class: 'grid' },
      field({ name: 'name', label: 'sites.name', required: true }),
      field({ name: 'id', label: 'sites.id', help: 'sites.id.help' }),
      field({ name: 'domains', label: 'sites.domains', multiline: true, required: true, help: 'sites.domains.help' }),
      field({ name: 'timezone', label: 'sites.timezone', value: 'Asia/Tokyo', required: true, list: 'zones' }),
      field({ name: 'session_timeout', label: 'sites.timeout', type: 'number', value: '30', min: 1, max: 1440, help: 'sites.timeout.help' }),
      ...spacingFields()),
    zoneList(),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('common.create'))));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const site = await busy(form, () => api<Site>('POST', '/api/v1/sites', settingsBody(formValues(form), false)));
      navigate(link(`/sites/${encodeURIComponent(site.id)}?created=1`));
    } catch (err) {
      showError(form, err);
    }
  });
  return form;
}

export function snippet(key: string): string {
  const src = `${location.origin}/t.js`;
  return `<script>
!function(w,d,s){w.omotenashi=w.omotenashi||function(){(w.omotenashi.q=w.omotenashi.q||[]).push(arguments)};
s=d.createElement('script');s.async=1;s.src='${src}';d.head.appendChild(s)}(window,document);
omotenashi('init', '${key}');
</script>`;
}

type Tab = 'site' | 'campaigns' | 'segments' | 'events' | 'templates' | 'visitors' | 'reports' | 'whynot' | 'history';

export function siteTabs(site: string, active: Tab, name?: string): HTMLElement {
  const tab = (key: Tab, href: string, label: string) =>
    h('a', { href: link(href), class: key === active ? 'tab active' : 'tab', 'aria-current': key === active ? 'page' : null }, label);
  return h('nav', { class: 'tabs', 'aria-label': name ?? site },
    tab('site', `/sites/${encodeURIComponent(site)}`, t('site.settings')),
    tab('campaigns', `/sites/${encodeURIComponent(site)}/campaigns`, t('site.campaigns')),
    tab('segments', `/sites/${encodeURIComponent(site)}/segments`, t('segments.title')),
    tab('events', `/sites/${encodeURIComponent(site)}/event-definitions`, t('ev.title')),
    tab('templates', `/sites/${encodeURIComponent(site)}/templates`, t('site.templates')),
    tab('visitors', `/sites/${encodeURIComponent(site)}/visitors`, t('site.visitors')),
    tab('reports', `/sites/${encodeURIComponent(site)}/reports`, t('site.reports')),
    tab('whynot', `/sites/${encodeURIComponent(site)}/why-not`, t('whynot.title')),
    tab('history', `/sites/${encodeURIComponent(site)}/history`, t('site.history')));
}

export async function siteDetail(id: string): Promise<HTMLElement> {
  const site = await api<Site>('GET', `/api/v1/sites/${encodeURIComponent(id)}`);
  const code = snippet(site.key);
  const created = new URLSearchParams(location.search).has('created');
  const page = h('main', { id: 'main' },
    h('p', { class: 'crumb' }, h('a', { href: link('/') }, t('nav.sites'))),
    h('h1', { tabindex: -1, id: 'page-title' }, site.name || site.id),
    siteTabs(site.id, 'site', site.name),
    created ? notice(t('sites.created')) : null,
    h('section', { class: 'card' },
      h('h2', {}, t('site.tag')),
      h('p', {}, t('site.tag.lead')),
      h('pre', { class: 'code', tabindex: 0, 'aria-label': t('site.tag') }, code),
      h('div', { class: 'actions' }, copyButton(() => code)),
      h('p', { class: 'muted' }, `${t('site.key')}: `, h('code', {}, site.key))));
  page.append(settingsForm(site));
  return page;
}

function settingsForm(site: Site): HTMLElement {
  const editable = can('admin');
  const form = h('form', { class: 'card', novalidate: true },
    h('h2', {}, t('site.settings')),
    h('div', { class: 'grid' },
      field({ name: 'name', label: 'sites.name', value: site.name, required: true }),
      field({ name: 'domains', label: 'sites.domains', multiline: true, value: site.domains.join('\n'), required: true, help: 'sites.domains.help' }),
      field({ name: 'timezone', label: 'sites.timezone', value: site.timezone, required: true, list: 'zones' }),
      field({ name: 'session_timeout', label: 'sites.timeout', type: 'number', value: String(Math.round(site.session_timeout / 60)), min: 1, max: 1440, help: 'sites.timeout.help' }),
      ...spacingFields(site.spacing)),
    zoneList(),
    editable ? h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('common.save'))) : h('p', { class: 'muted' }, t('common.readonly')));
  if (!editable) form.querySelectorAll('input, textarea, select').forEach((c) => c.setAttribute('disabled', ''));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await busy(form, () => api('PATCH', `/api/v1/sites/${encodeURIComponent(site.id)}`, settingsBody(formValues(form), true)));
      clearErrors(form);
      form.prepend(notice(t('site.saved')));
    } catch (err) {
      showError(form, err);
    }
  });
  return form;
}
