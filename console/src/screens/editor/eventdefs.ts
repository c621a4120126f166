// Event definitions (config-language.md §4): `{"name": "sale_view", "from": "view", "where": Condition}` —
// whenever an event named `from` arrives and `where` holds, the event `name` is recorded too. The list shows
// each with what it derives from, its condition and which campaigns and segments read the event; the editor
// edits name (when new), `from` and `where` with the condition builder (page.* attributes and the source
// event's properties), in place like the other editors (fields it does not show are saved back as loaded),
// errors at the field their path names; save (PUT) and delete. Viewers see it read-only.
import { api } from '../../api';
import { h } from '../../dom';
import { t } from '../../i18n';
import { link } from '../../router';
import { can } from '../../state';
import { notice } from '../../ui';
import { siteTabs } from '../sites';
import { conditionBuilder } from './builder';
import { COMMON_EVENTS, lookups } from './campaign';
import { Json, defaultNode } from './condition';
import { Env, at, guardUnsaved, input, wireSaving } from './form';

export interface EventDefinition { name: string; from?: string; where?: Json; [k: string]: Json }

/** A new definition to start from: derived from page views on pages under a path. */
export function newDefinition(): Json {
  return { name: '', from: 'view', where: defaultNode('attr', 'definition') };
}

/**
 * Where a site's objects read an event: campaigns and segments whose conditions (audience, pages, segment
 * condition, a goal, an event trigger) name it; campaigns first, each in the API's order.
 */
export function readersOf(event: string, campaigns: Json[], segments: Json[]): { kind: 'campaigns' | 'segments'; id: string; name?: string }[] {
  const names = (node: Json): boolean => {
    if (Array.isArray(node)) return node.some(names);
    if (node === null || typeof node !== 'object') return false;
    if (node.event === event) return true;
    return Object.values(node).some(names);
  };
  const out: { kind: 'campaigns' | 'segments'; id: string; name?: string }[] = [];
  for (const c of campaigns) {
    if (names(c.audience) || names(c.pages) || c.goal?.event === event || (c.trigger?.on === 'event' && c.trigger?.event === event)) {
      out.push({ kind: 'campaigns', id: c.id, name: c.name });
    }
  }
  for (const s of segments) if (names(s.condition)) out.push({ kind: 'segments', id: s.id, name: s.name });
  return out;
}

const path = (site: string, rest = '') => `/sites/${encodeURIComponent(site)}/event-definitions${rest}`;

/** `/sites/:site/event-definitions`: the list. */
export async function eventDefinitionList(site: string): Promise<HTMLElement> {
  const base = `/api/v1/sites/${encodeURIComponent(site)}`;
  const [{ items }, info, camps, segs] = await Promise.all([
    api<{ items: EventDefinition[] }>('GET', `${base}/event-definitions`),
    api<{ name: string }>('GET', base),
    api<{ items: Json[] }>('GET', `${base}/campaigns`),
    api<{ items: Json[] }>('GET', `${base}/segments`),
  ]);
  const body = items.length === 0 ? h('p', { class: 'empty' }, t('ev.empty')) : h('table', { class: 'list labelled' },
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, t('ev.name')), h('th', { scope: 'col' }, t('ev.from')),
      h('th', { scope: 'col' }, t('ev.where')), h('th', { scope: 'col' }, t('ev.readers')))),
    h('tbody', {}, items.map((d) => {
      const readers = readersOf(d.name, camps.items, segs.items);
      const used = readers.length === 0 ? h('span', { class: 'muted' }, t('ev.readers.none')) : h('ul', { class: 'plain' }, readers.map((r) =>
        h('li', {}, h('a', { href: link(`/sites/${encodeURIComponent(site)}/${r.kind}/${encodeURIComponent(r.id)}`) }, r.name || r.id),
          ' ', h('span', { class: 'muted' }, t(r.kind === 'campaigns' ? 'ev.readers.campaign' : 'ev.readers.segment')))));
      return h('tr', { 'data-event-row': d.name },
        h('td', { 'data-label': t('ev.name') }, h('a', { href: link(path(site, `/${encodeURIComponent(d.name)}`)), class: 'mono' }, d.name)),
        h('td', { class: 'mono', 'data-label': t('ev.from') }, d.from ?? ''),
        h('td', { 'data-label': t('ev.where') }, h('pre', { class: 'code small' }, JSON.stringify(d.where ?? {}, null, 1))),
        h('td', { 'data-label': t('ev.readers') }, used));
    })));
  const q = new URLSearchParams(location.search);
  return h('main', { id: 'main' },
    h('p', { class: 'crumb' }, h('a', { href: link('/') }, t('nav.sites'))),
    h('h1', { tabindex: -1, id: 'page-title' }, `${t('ev.title')} — ${info.name || site}`),
    siteTabs(site, 'events', info.name),
    h('p', { class: 'lead' }, t('ev.lead')),
    q.has('deleted') ? notice(t('ev.deleted')) : null,
    can('editor') ? h('p', { class: 'actions' }, h('a', { class: 'button', href: link(path(site, '/new')) }, t('ev.new')))
      : notice(t('common.readonly'), 'info'),
    body);
}

/** `/sites/:site/event-definitions/:name` and `…/new`: the editor. */
export async function eventDefinitionEditor(site: string, name: string | null): Promise<HTMLElement> {
  const base = `/api/v1/sites/${encodeURIComponent(site)}`;
  const [look, loaded, defs] = await Promise.all([
    lookups(site),
    name === null ? Promise.resolve(null) : api<Json>('GET', `${base}/event-definitions/${encodeURIComponent(name)}`),
    api<{ items: EventDefinition[] }>('GET', `${base}/event-definitions`),
  ]);
  const isNew = name === null;
  const model: Json = loaded ?? newDefinition();
  const readonly = !can('editor');
  let dirty = false;
  const m = () => model;

  const form = h('form', { class: 'editor', novalidate: true }) as HTMLFormElement;
  const messages = h('div', { class: 'messages' });
  const title = h('h1', { tabindex: -1, id: 'page-title' }, isNew ? t('ev.new.title') : model.name);
  const env: Env = { readonly, changed() { dirty = true; } };
  // an event may be derived from any other, but not from itself
  const sources = [...new Set([...COMMON_EVENTS.filter((e) => e !== 'identify'), ...defs.items.map((d) => d.name)])].filter((e) => e !== name);

  const saveButton = h('button', { type: 'submit' }, t('common.save'));
  const deleteButton = isNew || readonly ? null : h('button', { type: 'button', class: 'danger' }, t('common.delete'));
  form.append(
    h('section', { class: 'card ed-section', 'aria-labelledby': 'ev-basics-h' },
      h('h2', { id: 'ev-basics-h' }, t('ed.sec.basics')),
      h('div', { class: 'grid' },
        isNew
          ? input(env, { path: 'name', label: t('ev.name'), help: t('ev.name.help'), bind: at(m, ['name']), required: true, parse: (s) => s.trim() })
          : h('div', { class: 'field' }, h('span', { class: 'label' }, t('ev.name')), h('code', { class: 'mono' }, model.name)),
        input(env, { path: 'from', label: t('ev.from'), help: t('ev.from.help'), bind: at(m, ['from']), required: true, list: 'ev-sources',
          parse: (s) => s.trim() })),
      h('datalist', { id: 'ev-sources' }, sources.map((e) => h('option', { value: e })))),
    h('section', { class: 'card ed-section', 'aria-labelledby': 'ev-where-h' },
      h('h2', { id: 'ev-where-h' }, t('ev.where')),
      h('p', { class: 'help' }, t('ev.where.lead')),
      h('div', { id: 'where-builder' },
        conditionBuilder(env, look, { path: 'where', place: 'definition', name: t('ev.where'), bind: at(m, ['where']) })),
      h('p', { class: 'help' }, t('ev.where.after'))),
    h('div', { class: 'save-bar' },
      readonly ? h('p', { class: 'muted' }, t('common.readonly')) : saveButton,
      deleteButton,
      h('a', { href: link(path(site)) }, t('ev.back'))));

  wireSaving({
    form, messages, saveButton: saveButton as HTMLButtonElement, deleteButton: deleteButton as HTMLButtonElement | null,
    readonly, isNew, idPath: 'name', id: () => String(model.name ?? '').trim(),
    taken: (target) => defs.items.some((d) => d.name === target), takenMessage: t('ev.name.taken'),
    url: (target) => `${base}/event-definitions/${encodeURIComponent(target)}`, body: () => model,
    savedPath: (target) => path(site, `/${encodeURIComponent(target)}?saved=1`), deletedPath: path(site, '?deleted=1'),
    deleteQuestion: () => t('ev.delete.confirm', { name: model.name }),
    clean: () => { dirty = false; },
  });

  const page = h('main', { id: 'main', class: 'editor-page' },
    h('p', { class: 'crumb' }, h('a', { href: link(path(site)) }, t('ev.title'))),
    title,
    siteTabs(site, 'events', look.info.name),
    readonly ? notice(t('ed.readonly'), 'info') : null,
    new URLSearchParams(location.search).has('saved') ? notice(t('ed.saved')) : null,
    messages, form);
  guardUnsaved(page, () => dirty);
  return page;
}
