// The template gallery: S01–S17 as one-click templates. Installing one PUTs its segments, event definitions
// and campaigns through the admin API, the campaigns paused so they can be reviewed before going live.
// Before writing, it reads each object the template would write: when the site already has some, it names them
// and asks before replacing them (a template that shares an id with another — S11 and S11b — says so on its
// card too). A fixed schedule is moved to start when the template is added, keeping its length. A write that
// fails halfway says which objects were written and which were not.
import { api, ApiError } from '../api';
import { h } from '../dom';
import { lang, t, Key } from '../i18n';
import { link } from '../router';
import { can } from '../state';
import { alert, notice } from '../ui';
import { siteTabs } from './sites';
import { fromLocalInput, toLocalInput } from './editor/schedule';
import { errorMessage } from '../errors';

type Json = any;

export interface Template {
  id: string;
  title: Record<'ja' | 'en', string>;
  explanation: Record<'ja' | 'en', string>;
  segments: Json[];
  event_definitions: Json[];
  campaigns: Json[];
}

export type Kind = 'segments' | 'event-definitions' | 'campaigns';
/** One object a template writes, as it will be PUT. */
export interface Obj { kind: Kind; id: string; body: Json }

const key = (o: { kind: Kind; id: string }) => `${o.kind}/${o.id}`;

const msOf = (v: unknown): number => (typeof v === 'number' ? v : typeof v === 'string' ? Date.parse(v) : NaN);

/**
 * A campaign whose schedule has a start, moved so that it starts now (to the minute, in the site's timezone)
 * and keeps its length: the end moves by as much wall-clock time in that zone as it lay after the start. Days,
 * hours and everything else are kept; a campaign without a start (or with one that does not read as a time) is
 * returned as it is. The result is a copy.
 */
export function shiftSchedule(campaign: Json, now: number, tz: string): Json {
  const s = campaign?.schedule;
  const start = msOf(s?.start);
  if (!s || !Number.isFinite(start)) return campaign;
  const out = structuredClone(campaign);
  const nowLocal = toLocalInput(now, tz);
  out.schedule.start = fromLocalInput(nowLocal, tz);
  const end = msOf(s.end);
  if (Number.isFinite(end)) {
    // the length as wall-clock time in the site's zone (so "00:00 to 00:00" stays so across a change of offset)
    const wall = (ms: number) => Date.parse(`${toLocalInput(ms, tz)}:00Z`);
    const length = wall(end) - wall(start);
    const endLocal = new Date(Date.parse(`${nowLocal}:00Z`) + length).toISOString().slice(0, 16);
    out.schedule.end = fromLocalInput(endLocal, tz);
  }
  return out;
}

/** The template's objects in the order they are written (segments, event definitions, campaigns), campaigns paused and their schedules moved to now. */
export function objectsOf(tpl: Template, now: number, tz: string): Obj[] {
  return [
    ...tpl.segments.map((s): Obj => ({ kind: 'segments', id: s.id, body: s })),
    ...tpl.event_definitions.map((d): Obj => ({ kind: 'event-definitions', id: d.name, body: d })),
    ...tpl.campaigns.map((c): Obj => ({ kind: 'campaigns', id: c.id, body: { ...shiftSchedule(c, now, tz), status: 'paused' } })),
  ];
}

/** For each object of `tpl`, the other templates that write an object of the same kind and id. */
export function sharedWith(tpl: Template, all: Template[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const o of objectsOf(tpl, 0, 'UTC')) {
    const others = all.filter((x) => x.id !== tpl.id && objectsOf(x, 0, 'UTC').some((y) => key(y) === key(o))).map((x) => x.id);
    if (others.length) out.set(key(o), others);
  }
  return out;
}

/** The objects of `objs` the site already has (each read with GET; absent is a 404). */
export async function existing(site: string, objs: Obj[]): Promise<Obj[]> {
  const base = `/api/v1/sites/${encodeURIComponent(site)}`;
  const found = await Promise.all(objs.map(async (o) => {
    try {
      await api('GET', `${base}/${o.kind}/${encodeURIComponent(o.id)}`);
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return false;
      throw err;
    }
  }));
  return objs.filter((_, i) => found[i]);
}

/** A write that failed after some objects were written. */
export class InstallError extends Error {
  constructor(public written: Obj[], public left: Obj[], public failure: unknown) {
    super(failure instanceof Error ? failure.message : String(failure));
  }
}

/** PUTs the objects in order; on a failure throws {@link InstallError} with what was written and what was not. */
export async function install(site: string, objs: Obj[]): Promise<void> {
  const base = `/api/v1/sites/${encodeURIComponent(site)}`;
  for (let i = 0; i < objs.length; i++) {
    const o = objs[i];
    try {
      await api('PUT', `${base}/${o.kind}/${encodeURIComponent(o.id)}`, o.body);
    } catch (err) {
      throw new InstallError(objs.slice(0, i), objs.slice(i), err);
    }
  }
}

function describe(o: Obj, shared?: Map<string, string[]>): string {
  const kind = t(`tpl.kind.${o.kind}` as Key);
  const others = shared?.get(key(o));
  return others ? t('tpl.item.also', { kind, id: o.id, others: others.join(', ') }) : t('tpl.item', { kind, id: o.id });
}

const list = (objs: Obj[]) => (objs.length ? objs.map((o) => describe(o)).join(', ') : t('tpl.none'));

function when(ms: number, tz: string): string {
  return new Intl.DateTimeFormat(lang() === 'ja' ? 'ja-JP' : 'en-GB', { timeZone: tz, dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/**
 * The gallery's words for a campaign's schedule: before adding (`moved` is where it would go if added now) its
 * length and dates, after adding (`done`) the dates it got. Null for a campaign without a start.
 */
function scheduleNote(original: Json, moved: Json, tz: string, done: boolean): string | null {
  const start = msOf(original?.schedule?.start);
  if (!Number.isFinite(start) || !moved?.schedule) return null;
  const from = when(msOf(moved.schedule.start), tz);
  const to = moved.schedule.end === undefined ? '…' : when(msOf(moved.schedule.end), tz);
  if (done) return t('tpl.schedule.done', { start: from, end: to, tz });
  const end = msOf(original.schedule.end);
  const days = Number.isFinite(end) ? Math.round((end - start) / 86_400_000) : 0;
  return t('tpl.schedule', { days, start: from, end: to, tz });
}

/** An error in words (errors.ts): the API's problems with their paths, in the operator's language. */
const explain = errorMessage;

export async function gallery(site: string): Promise<HTMLElement> {
  const [{ templates }, info] = await Promise.all([
    api<{ templates: Template[] }>('GET', '/api/v1/templates'),
    api<{ name: string; timezone?: string }>('GET', `/api/v1/sites/${encodeURIComponent(site)}`),
  ]);
  const tz = info.timezone || 'Asia/Tokyo';
  const l = lang();
  const cards = templates.map((tpl) => {
    const status = h('div', { class: 'card-status' });
    const button = h('button', { type: 'button', 'aria-describedby': `tpl-${tpl.id}-title` }, t('templates.install'));
    if (!can('editor')) button.disabled = true;
    const shared = sharedWith(tpl, templates);
    button.addEventListener('click', async () => {
      button.disabled = true;
      button.textContent = t('templates.installing');
      status.replaceChildren();
      const objs = objectsOf(tpl, Date.now(), tz);
      try {
        const there = await existing(site, objs);
        if (there.length && !window.confirm(t('tpl.replace.confirm', { title: tpl.title[l], list: there.map((o) => `・${describe(o, shared)}`).join('\n') }))) {
          status.append(notice(t('tpl.cancelled'), 'info'));
          return;
        }
        await install(site, objs);
        const after = [
          there.length ? t('tpl.replaced', { list: list(there) }) : null,
          ...objs.filter((o) => o.kind === 'campaigns').map((o) => scheduleNote(tpl.campaigns.find((c) => c.id === o.id), o.body, tz, true)),
        ].filter((x): x is string => x !== null);
        status.append(notice(t('templates.installed')),
          h('a', { href: link(`/sites/${encodeURIComponent(site)}/campaigns`) }, t('templates.show')),
          ...after.map((x) => h('p', { class: 'muted' }, x)));
      } catch (err) {
        const box = err instanceof InstallError
          ? alert(t('tpl.partial', { error: `${describe(err.left[0])}: ${explain(err.failure)}`, written: list(err.written), left: list(err.left) }))
          : alert(`${t('common.error')}: ${explain(err)}`);
        box.setAttribute('tabindex', '-1');
        status.append(box);
        box.focus();
      } finally {
        button.disabled = !can('editor');
        button.textContent = t('templates.install');
      }
    });
    const now = Date.now();
    const notes = [
      ...[...shared.keys()].map((k) => {
        const o = objectsOf(tpl, 0, 'UTC').find((x) => key(x) === k)!;
        return t('tpl.shared', { kind: t(`tpl.kind.${o.kind}` as Key), id: o.id, others: shared.get(k)!.join(', ') });
      }),
      ...tpl.campaigns.map((c) => scheduleNote(c, shiftSchedule(c, now, tz), tz, false)).filter((x): x is string => x !== null),
    ];
    return h('article', { class: 'card template', 'data-template': tpl.id },
      h('p', { class: 'badge' }, tpl.id),
      h('h2', { id: `tpl-${tpl.id}-title` }, tpl.title[l]),
      h('p', {}, tpl.explanation[l]),
      notes.map((s) => h('p', { class: 'template-note' }, s)),
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
