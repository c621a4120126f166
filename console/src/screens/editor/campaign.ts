// The campaign editor (config-language.md §5): name and status, schedule, audience with a live count, pages
// as include / exclude rules, trigger, creative with a live preview in a desktop and a smartphone frame, A/B
// variants and the control share, frequency, stop rules, goal, priority, and the raw JSON. It edits a copy of
// the campaign's JSON in place, so whatever the form does not show is saved back untouched; saving PUTs the
// whole object (the API validates it as a whole: nothing is half-applied), and the API's errors are shown at the
// field their path names. Viewers see it all read-only.
import { api } from '../../api';
import { h } from '../../dom';
import { lang, t, Key } from '../../i18n';
import { link, navigate } from '../../router';
import { can } from '../../state';
import { notice } from '../../ui';
import { siteTabs } from '../sites';
import { Lookups, conditionBuilder } from './builder';
import { Json, PAGE_OPS, PageRule, defaultNode, pagesToRules, rulesToPages } from './condition';
import { isTemplate, placeholders, previewContent, sampleFor, starterContent } from './content';
import { liveCount } from './count';
import { creativeEditor } from './creative';
import {
  Env, at, button, checkbox, clearErrors, focusKey, focusedKey, guardUnsaved, input, optionalInt, optionalText, select, showErrors, showSaveFailure } from './form';
import { join } from './paths';
import { previewFrames } from './preview';
import { fromLocalInput, toLocalInput } from './schedule';

const word = (key: string): string => t(key as Key);
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const TRIGGERS: Record<string, { key: string; dflt: Json }[]> = {
  load: [], exit_intent: [],
  delay: [{ key: 'seconds', dflt: 5 }], idle: [{ key: 'seconds', dflt: 30 }], session_time: [{ key: 'seconds', dflt: 60 }],
  scroll: [{ key: 'percent', dflt: 50 }], click: [{ key: 'selector', dflt: '#' }], event: [{ key: 'event', dflt: 'cart' }],
};
export const COMMON_EVENTS = ['view', 'cart', 'buy', 'favorite', 'identify'];

interface Site { id: string; name: string; timezone: string }

/** Loads what the editors pick from: the site, its segments, campaigns and event definitions. */
export async function lookups(site: string): Promise<{ info: Site } & Lookups> {
  const base = `/api/v1/sites/${encodeURIComponent(site)}`;
  const [info, segs, camps, defs] = await Promise.all([
    api<Site>('GET', base),
    api<{ items: { id: string; name?: string }[] }>('GET', `${base}/segments`),
    api<{ items: { id: string; name?: string }[] }>('GET', `${base}/campaigns`),
    api<{ items: { name: string }[] }>('GET', `${base}/event-definitions`),
  ]);
  const events = [...new Set([...COMMON_EVENTS, ...defs.items.map((d) => d.name)])];
  return { info, segments: segs.items.map(({ id, name }) => ({ id, name })), campaigns: camps.items.map(({ id, name }) => ({ id, name })), events };
}

/** A new campaign to start from. */
export function newCampaign(ja: boolean): Json {
  return { id: '', name: '', status: 'draft', creative: { template: 'popup', content: starterContent('popup', ja) } };
}

/** The sections' table of contents: links that scroll to a section (no navigation: the router would redraw). */
export function toc(keys: string[]): HTMLElement {
  return h('nav', { class: 'toc', 'aria-label': t('ed.toc') }, keys.map((k) => {
    const a = h('a', { href: `#sec-${k}` }, word(`ed.sec.${k}`));
    a.addEventListener('click', (e) => {
      e.preventDefault();
      const target = document.getElementById(`sec-${k}`);
      if (target instanceof HTMLDetailsElement) target.open = true;
      const heading = document.getElementById(`sec-${k}-h`) ?? target;
      heading?.setAttribute('tabindex', '-1');
      heading?.scrollIntoView({ block: 'start' });
      heading?.focus({ preventScroll: true });
    });
    return a;
  }));
}

export async function campaignEditor(site: string, id: string | null): Promise<HTMLElement> {
  const base = `/api/v1/sites/${encodeURIComponent(site)}`;
  const [look, loaded] = await Promise.all([
    lookups(site),
    id === null ? Promise.resolve(null) : api<Json>('GET', `${base}/campaigns/${encodeURIComponent(id)}`),
  ]);
  const isNew = id === null;
  let model: Json = loaded ?? newCampaign(lang() === 'ja');
  if (!isNew && !look.campaigns.some((c) => c.id === id)) look.campaigns.push({ id: id!, name: model.name });
  const readonly = !can('editor');
  let dirty = false;

  const messages = h('div', { class: 'messages' });
  const form = h('form', { class: 'editor', novalidate: true }) as HTMLFormElement;
  const title = h('h1', { tabindex: -1, id: 'page-title' }, isNew ? t('ed.campaign.new') : (model.name || id));

  // what refreshes after a change
  let previewTimer: ReturnType<typeof setTimeout> | null = null;
  const schedulePreview = () => {
    if (previewTimer) clearTimeout(previewTimer);
    previewTimer = setTimeout(refreshPreview, 150);
  };
  const count = liveCount(site, () => model.audience, () => form.querySelector<HTMLElement>('#audience-builder'), 'audience');
  const env: Env = {
    readonly,
    changed(path) {
      dirty = true;
      if (path === 'audience' || path.startsWith('audience.') || path.startsWith('audience[')) count.schedule();
      if (path.startsWith('creative') || path.startsWith('variants')) schedulePreview();
      if (path !== '@json') syncJson();
    },
  };

  // ---- sections ------------------------------------------------------------------------------------

  const section = (key: string, ...body: (HTMLElement | null)[]) =>
    h('section', { class: 'card ed-section', id: `sec-${key}`, 'aria-labelledby': `sec-${key}-h` },
      h('h2', { id: `sec-${key}-h` }, word(`ed.sec.${key}`)), ...body);

  /** A section whose content is drawn again after a change of its structure, keeping the focus. */
  const redrawable = (drawFn: () => (HTMLElement | null)[]) => {
    const el = h('div', {});
    const redraw = (focus?: string | null) => {
      const key = focus === undefined ? focusedKey(el) : focus;
      el.replaceChildren(...drawFn().filter((x): x is HTMLElement => x !== null));
      focusKey(el, key);
    };
    redraw(null);
    return { el, redraw };
  };
  const m = () => model;

  const basics = () => section('basics',
    h('div', { class: 'grid' },
      isNew
        ? input(env, { path: 'id', label: t('ed.campaign.id'), help: t('ed.id.help'), bind: at(m, ['id']), required: true, parse: (s) => s.trim() })
        : h('div', { class: 'field' }, h('span', { class: 'label' }, t('ed.campaign.id')), h('code', { class: 'mono' }, model.id)),
      input(env, { path: 'name', label: t('ed.campaign.name'), bind: at(m, ['name']), required: true,
        onInput: () => { if (!isNew) title.textContent = model.name || model.id; } }),
      select(env, { path: 'status', label: t('campaigns.status'), bind: at(m, ['status']), absent: 'draft',
        options: ['draft', 'live', 'paused', 'ended'].map((s) => ({ value: s, label: word(`campaigns.${s}`) })) }),
      input(env, { path: 'priority', label: t('ed.campaign.priority'), help: t('ed.campaign.priority.help'), bind: at(m, ['priority']),
        inputmode: 'numeric', parse: optionalInt, placeholder: '0' })),
    isNew ? null : h('p', {}, h('a', { href: link(`/sites/${encodeURIComponent(site)}/history?kind=campaigns&id=${encodeURIComponent(model.id)}`) }, t('ed.history'))));

  const schedule = () => {
    const tz = look.info.timezone;
    const sched = (keys: string[]) => at(m, ['schedule', ...keys], 1);
    const days = redrawable(() => {
      const list: string[] | undefined = Array.isArray(model.schedule?.days) ? model.schedule.days : undefined;
      return [h('fieldset', { class: 'days' }, h('legend', {}, t('ed.schedule.days')),
        DAYS.map((d) => checkbox(env, {
          path: `schedule.days.${d}`, label: word(`ed.day.${d}`), cls: 'inline',
          bind: {
            get: () => (list ? list.includes(d) : true),
            set: (on) => {
              const cur: string[] = Array.isArray(model.schedule?.days) ? model.schedule.days : [...DAYS];
              const next = DAYS.filter((x) => (x === d ? on === true : cur.includes(x)));
              sched(['days']).set(next.length === DAYS.length ? undefined : next);
            },
          },
          onChange: () => days.redraw(),
        })),
        h('p', { class: 'help' }, t('ed.schedule.days.help')))];
    });
    return section('schedule',
      h('p', { class: 'help' }, t('ed.schedule.lead', { tz })),
      h('div', { class: 'grid' },
        input(env, { path: 'schedule.start', label: t('ed.schedule.start'), type: 'datetime-local', bind: sched(['start']),
          format: (v) => toLocalInput(v, tz), parse: (s) => fromLocalInput(s, tz) }),
        input(env, { path: 'schedule.end', label: t('ed.schedule.end'), type: 'datetime-local', bind: sched(['end']),
          format: (v) => toLocalInput(v, tz), parse: (s) => fromLocalInput(s, tz) }),
        input(env, { path: 'schedule.hours.from', label: t('ed.schedule.from'), bind: sched(['hours', 'from']), placeholder: '00:00', help: t('ed.schedule.hours.help') }),
        input(env, { path: 'schedule.hours.to', label: t('ed.schedule.to'), bind: sched(['hours', 'to']), placeholder: '24:00' })),
      days.el);
  };

  const audience = () => {
    const part = redrawable(() => {
      const everyone = model.audience === undefined || model.audience === null;
      const radios = h('fieldset', { class: 'choice' }, h('legend', {}, t('ed.audience.who')),
        radio('audience-mode', 'everyone', everyone, t('ed.audience.everyone'), () => {
          delete model.audience;
          env.changed('audience');
          part.redraw('@audience-everyone');
        }),
        radio('audience-mode', 'some', !everyone, t('ed.audience.some'), () => {
          model.audience = defaultNode('group', 'audience');
          env.changed('audience');
          part.redraw('@audience-some');
        }));
      return [radios, everyone ? h('p', { class: 'muted' }, t('ed.audience.everyone.help'))
        : h('div', { id: 'audience-builder' }, conditionBuilder(env, look, { path: 'audience', place: 'audience', name: t('ed.sec.audience'), bind: at(m, ['audience']) }))];
    });
    return section('audience', part.el, count.el);
  };

  const radio = (name: string, value: string, checked: boolean, label: string, on: () => void) => {
    const r = h('input', { type: 'radio', name: `@${name}`, value, checked, disabled: readonly, 'data-key': `@${name.split('-')[0]}-${value}` }) as HTMLInputElement;
    r.addEventListener('change', () => { if (r.checked) on(); });
    return h('label', { class: 'radio' }, r, ' ', label);
  };

  const pages = () => {
    let rules: PageRule[] | null = pagesToRules(model.pages);
    const write = () => {
      const next = rulesToPages(rules!);
      if (next === undefined) delete model.pages; else model.pages = next;
    };
    const part = redrawable(() => {
      if (rules === null) {
        // a condition the rules cannot show: edited as a condition on page.*
        return [h('p', { class: 'help' }, t('ed.pages.condition')),
          conditionBuilder(env, look, { path: 'pages', place: 'pages', name: t('ed.sec.pages'), bind: at(m, ['pages']) }),
          button(env, t('ed.pages.everyPage'), () => { delete model.pages; rules = []; env.changed('pages'); part.redraw('@pages-add'); }, { cls: 'link', key: '@pages-all' })];
      }
      // each rule is named by where rulesToPages puts its predicate, so the API's errors find it
      const pathOf = (i: number): string => {
        const r = rules![i];
        const includes = rules!.filter((x) => x.mode === 'include');
        const excludes = rules!.filter((x) => x.mode === 'exclude');
        const wrapped = (includes.length > 0 && excludes.length > 0) || excludes.length > 1;
        if (r.mode === 'include') {
          const at = wrapped ? 'pages.all[0]' : 'pages';
          return includes.length === 1 ? at : join(at, 'any', includes.indexOf(r));
        }
        return wrapped ? join('pages', 'all', (includes.length ? 1 : 0) + excludes.indexOf(r), 'not') : 'pages.not';
      };
      const rows = rules.map((r, i) => {
        const p = pathOf(i);
        const pred = () => r.pred;
        return h('li', { class: 'rule' },
          select(env, { path: `${p}.@mode`, label: t('ed.pages.mode'), bind: { get: () => r.mode, set: () => {} },
            options: [{ value: 'include', label: t('ed.pages.include') }, { value: 'exclude', label: t('ed.pages.exclude') }],
            onChange: (v) => { r.mode = v as PageRule['mode']; write(); env.changed('pages'); part.redraw(`${pathOf(i)}.@mode`); } }),
          select(env, { path: `${p}.attr`, label: t('ed.pages.what'), bind: at(pred, ['attr']),
            options: ['page.path', 'page.url', 'page.host', 'page.title'].map((a) => ({ value: a, label: word(`ed.pages.${a}`) })) }),
          select(env, { path: `${p}.op`, label: t('ed.pages.how'), bind: at(pred, ['op']),
            options: PAGE_OPS.map((o) => ({ value: o, label: word(`ed.op.${o}`) })) }),
          input(env, { path: `${p}.value`, label: t('ed.pages.pattern'), bind: at(pred, ['value']), placeholder: '/items/' }),
          button(env, t('ed.cond.remove'), () => {
            rules!.splice(i, 1);
            write();
            env.changed('pages');
            part.redraw(rules!.length ? `${pathOf(Math.min(i, rules!.length - 1))}.@mode` : '@pages-add');
          }, { cls: 'link', key: `${p}.@remove`, aria: t('ed.pages.removeLabel', { n: i + 1 }) }));
      });
      return [
        h('p', { class: 'help' }, rules.length ? t('ed.pages.lead') : t('ed.pages.none')),
        h('ol', { class: 'rules' }, rows),
        h('div', { class: 'actions' },
          button(env, t('ed.pages.add'), () => {
            rules!.push({ mode: 'include', pred: defaultNode('attr', 'pages') });
            write();
            env.changed('pages');
            part.redraw(`${pathOf(rules!.length - 1)}.value`);
          }, { key: '@pages-add' }),
          button(env, t('ed.pages.asCondition'), () => {
            if (model.pages === undefined) model.pages = defaultNode('group', 'pages');
            rules = null;
            env.changed('pages');
            part.redraw(null);
          }, { cls: 'link', key: '@pages-cond' })),
      ];
    });
    return section('pages', part.el);
  };

  const trigger = () => {
    const part = redrawable(() => {
      const on: string = model.trigger?.on ?? 'load';
      const params = TRIGGERS[on] ?? [];
      return [h('div', { class: 'grid' },
        select(env, { path: 'trigger.on', label: t('ed.trigger.on'), bind: at(m, ['trigger', 'on']), absent: 'load',
          options: Object.keys(TRIGGERS).map((k) => ({ value: k, label: word(`ed.trigger.${k}`) })),
          onChange: (v) => {
            const next: Json = { on: v };
            for (const p of TRIGGERS[v] ?? []) next[p.key] = model.trigger?.[p.key] ?? p.dflt;
            model.trigger = next;
            part.redraw('trigger.on');
          } }),
        ...params.map((p) => input(env, {
          path: `trigger.${p.key}`, label: word(`ed.trigger.param.${p.key}`), bind: at(m, ['trigger', p.key]),
          inputmode: p.key === 'seconds' || p.key === 'percent' ? 'numeric' : undefined,
          parse: p.key === 'seconds' || p.key === 'percent' ? optionalInt : optionalText,
        }))),
      h('p', { class: 'help' }, word(`ed.trigger.${on}.help`))];
    });
    return section('trigger', part.el);
  };

  // ---- creative, variants, preview ---------------------------------------------------------------

  const preview = previewFrames();
  let previewVariant = 0;
  const samples: Record<string, string> = {};
  const sampleBox = h('div', { class: 'samples', 'data-no-errors': '' });
  let sampleList = '';

  const shownCreative = (): Json => (Array.isArray(model.variants) && model.variants.length
    ? model.variants[Math.min(previewVariant, model.variants.length - 1)]?.creative
    : model.creative);

  function refreshPreview(): void {
    const c = shownCreative();
    if (!c || !isTemplate(c.template)) return;
    const exprs = placeholders(c.content);
    if (exprs.join('\u0000') !== sampleList) {
      sampleList = exprs.join('\u0000');
      sampleBox.replaceChildren(...(exprs.length ? [h('p', { class: 'sub' }, t('ed.preview.samples')),
        h('div', { class: 'grid' }, exprs.map((x, i) => {
          const id = `sample-${i}`;
          const field = h('input', { id, type: 'text', value: samples[x] ?? sampleFor(x), autocomplete: 'off' }) as HTMLInputElement;
          field.addEventListener('input', () => { samples[x] = field.value; schedulePreview(); });
          return h('div', { class: 'field' }, h('label', { for: id }, h('code', {}, `{{ ${x} }}`)), field);
        }))] : []));
    }
    preview.show({ template: c.template, content: previewContent(c.template, c.content ?? {}, samples, lang() === 'ja') });
  }

  const creativeSection = () => {
    const part = redrawable(() => {
      const ab = Array.isArray(model.variants);
      const toggle = checkbox(env, {
        path: 'variants', label: t('ed.variants.ab'), help: t('ed.variants.help'),
        bind: { get: () => ab, set: () => {} },
        onChange: (on) => {
          if (on) {
            const c = model.creative ?? { template: 'popup', content: starterContent('popup', lang() === 'ja') };
            model.variants = [{ id: 'a', weight: 1, creative: c }, { id: 'b', weight: 1, creative: structuredClone(c) }];
            delete model.creative;
          } else {
            const first = model.variants?.[0]?.creative;
            delete model.variants;
            model.creative = first ?? { template: 'popup', content: starterContent('popup', lang() === 'ja') };
          }
          previewVariant = 0;
          env.changed('variants');
          part.redraw('variants');
        },
      });
      const body: HTMLElement[] = [];
      if (!ab) {
        body.push(creativeEditor(env, { path: 'creative', bind: at(m, ['creative']) }));
      } else {
        const list: Json[] = model.variants;
        list.forEach((v, i) => {
          const p = join('variants', i);
          body.push(h('fieldset', { class: 'variant' },
            h('legend', {}, t('ed.variants.variant', { id: v?.id ?? String(i + 1) })),
            h('div', { class: 'grid' },
              input(env, { path: join(p, 'id'), label: t('ed.variants.id'), bind: at(() => model.variants[i], ['id']), parse: (s) => s.trim() }),
              input(env, { path: join(p, 'weight'), label: t('ed.variants.weight'), help: t('ed.variants.weight.help'),
                bind: at(() => model.variants[i], ['weight']), inputmode: 'numeric', parse: optionalInt, placeholder: '1' })),
            creativeEditor(env, { path: join(p, 'creative'), bind: at(() => model.variants[i], ['creative']) }),
            list.length > 1 ? button(env, t('ed.variants.remove'), () => {
              model.variants.splice(i, 1);
              previewVariant = 0;
              env.changed('variants');
              part.redraw('@variant-add');
            }, { cls: 'link', key: join(p, '@remove') }) : null));
        });
        body.push(h('div', { class: 'actions' }, button(env, t('ed.variants.add'), () => {
          const ids = new Set(model.variants.map((v: Json) => v?.id));
          let n = model.variants.length;
          let nid = String.fromCharCode(97 + (n % 26));
          while (ids.has(nid)) nid = `v${++n}`;
          model.variants.push({ id: nid, weight: 1, creative: structuredClone(model.variants[model.variants.length - 1]?.creative ?? {}) });
          env.changed('variants');
          part.redraw(join('variants', model.variants.length - 1, 'id'));
        }, { key: '@variant-add' })));
      }
      const variantPick = ab && model.variants.length > 1
        ? h('div', { 'data-no-errors': '' }, select(env, { path: '@preview-variant', label: t('ed.preview.variant'),
          bind: { get: () => String(previewVariant), set: (v) => { previewVariant = Number(v); } },
          options: model.variants.map((v: Json, i: number) => ({ value: String(i), label: v?.id ?? String(i + 1) })),
          onChange: () => refreshPreview() }))
        : null;
      if (variantPick) variantPick.querySelector('select')!.disabled = false; // viewers may look at every variant
      return [toggle, ...body,
        h('div', { class: 'field' }, input(env, { path: 'control.percent', label: t('ed.control.percent'), help: t('ed.control.help'),
          bind: at(m, ['control', 'percent'], 1), inputmode: 'numeric', parse: optionalInt, placeholder: '0' })),
        h('h3', {}, t('ed.preview.title')), h('p', { class: 'help' }, t('ed.preview.lead')), variantPick, preview.el, sampleBox];
    });
    return section('creative', part.el);
  };

  // ---- publication: frequency, stop, goal --------------------------------------------------------

  const publication = () => {
    const freq = redrawable(() => {
      const per = model.frequency?.per;
      return [h('div', { class: 'grid' },
        select(env, { path: 'frequency.per', label: t('ed.frequency.per'), bind: at(m, ['frequency', 'per'], 1), empty: t('ed.frequency.default'),
          options: ['pageview', 'session', 'day', 'user'].map((p) => ({ value: p, label: word(`ed.frequency.${p}`) })),
          onChange: (v) => {
            if (v === '') delete model.frequency;
            else if (v === 'pageview') delete model.frequency.max;
            freq.redraw('frequency.per');
          } }),
        per && per !== 'pageview' ? input(env, { path: 'frequency.max', label: t('ed.frequency.max'), bind: at(m, ['frequency', 'max']),
          inputmode: 'numeric', parse: optionalInt, placeholder: '1' }) : null)];
    });
    const stop = (k: string) => at(m, ['stop', k], 1);
    const goal = redrawable(() => {
      const hasWhere = model.goal?.where !== undefined && model.goal?.where !== null;
      return [h('div', { class: 'grid' },
        input(env, { path: 'goal.event', label: t('ed.goal.event'), help: t('ed.goal.event.help'), bind: at(m, ['goal', 'event'], 1), list: 'ed-goal-events', parse: (s) => optionalText(s.trim()) }),
        input(env, { path: 'goal.window', label: t('ed.goal.window'), help: t('ed.goal.window.help'), bind: at(m, ['goal', 'window'], 1), list: 'ed-goal-windows',
          parse: (s) => optionalText(s.trim()) })),
      h('datalist', { id: 'ed-goal-events' }, look.events.map((e) => h('option', { value: e }))),
      h('datalist', { id: 'ed-goal-windows' }, ['session', 'PT1H', 'P1D', 'P7D', 'P28D'].map((w) => h('option', { value: w }))),
      hasWhere
        ? h('div', { class: 'where' }, h('p', { class: 'sub' }, t('ed.cond.where')),
          conditionBuilder(env, look, { path: 'goal.where', place: 'where', name: t('ed.goal.where'), bind: at(m, ['goal', 'where']) }),
          button(env, t('ed.cond.whereRemove'), () => { delete model.goal.where; env.changed('goal.where'); goal.redraw('@goal-where'); }, { cls: 'link', key: '@goal-where-remove' }))
        : button(env, t('ed.cond.whereAdd'), () => {
          model.goal = model.goal ?? {};
          model.goal.where = defaultNode('prop', 'where');
          env.changed('goal.where');
          goal.redraw('goal.where.prop');
        }, { cls: 'link', key: '@goal-where' })];
    });
    return section('publication',
      h('h3', {}, t('ed.frequency.title')), freq.el,
      h('h3', {}, t('ed.stop.title')),
      h('div', { class: 'grid' },
        input(env, { path: 'stop.after_shows', label: t('ed.stop.shows'), bind: stop('after_shows'), inputmode: 'numeric', parse: optionalInt }),
        input(env, { path: 'stop.after_closes', label: t('ed.stop.closes'), bind: stop('after_closes'), inputmode: 'numeric', parse: optionalInt }),
        input(env, { path: 'stop.after_clicks', label: t('ed.stop.clicks'), bind: stop('after_clicks'), inputmode: 'numeric', parse: optionalInt }),
        select(env, { path: 'stop.period', label: t('ed.stop.period'), bind: stop('period'), empty: t('ed.stop.period.all'),
          options: [{ value: 'day', label: t('ed.stop.period.day') }] })),
      checkbox(env, { path: 'stop.after_goal', label: t('ed.stop.goal'), bind: stop('after_goal') }),
      h('p', { class: 'help' }, t('ed.stop.help')),
      h('h3', {}, t('ed.goal.title')), goal.el);
  };

  // ---- the raw JSON ------------------------------------------------------------------------------

  const jsonArea = h('textarea', { id: 'ed-json', name: '@json', rows: 18, spellcheck: 'false', class: 'code', disabled: readonly, 'aria-describedby': 'ed-json-help ed-json-error' }) as HTMLTextAreaElement;
  const jsonError = h('p', { class: 'field-error', id: 'ed-json-error', hidden: true });
  let jsonEdited = false;
  const details = h('details', { class: 'card ed-section', id: 'sec-json' },
    h('summary', {}, h('h2', { id: 'sec-json-h' }, t('ed.sec.json'))),
    h('p', { class: 'help', id: 'ed-json-help' }, t('ed.json.help')),
    h('div', { class: 'field', 'data-no-errors': '' }, h('label', { for: 'ed-json' }, t('ed.json.label')), jsonArea, jsonError),
    h('div', { class: 'actions' }, button({ readonly, changed: () => {} }, t('ed.json.apply'), () => { applyJson(); }, { key: '@json-apply' })));
  function syncJson(): void {
    if (!jsonEdited) jsonArea.value = JSON.stringify(model, null, 2);
  }
  jsonArea.addEventListener('input', () => { jsonEdited = true; dirty = true; });
  /** Replaces the model by the JSON typed; false (with the error at the field) when it is not a JSON object. */
  function applyJson(): boolean {
    if (!jsonEdited) return true;
    let parsed: Json;
    try {
      parsed = JSON.parse(jsonArea.value);
    } catch (e) {
      parsed = undefined;
      jsonError.textContent = `${t('ed.json.invalid')} ${e instanceof Error ? e.message : ''}`;
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      if (parsed !== undefined) jsonError.textContent = t('ed.json.invalid');
      jsonError.hidden = false;
      jsonArea.setAttribute('aria-invalid', 'true');
      details.open = true;
      jsonArea.focus();
      return false;
    }
    jsonError.hidden = true;
    jsonArea.removeAttribute('aria-invalid');
    if (!isNew) parsed.id = parsed.id ?? model.id;
    model = parsed;
    jsonEdited = false;
    drawForm();
    dirty = true;
    return true;
  }

  // ---- the form ----------------------------------------------------------------------------------

  const saveButton = h('button', { type: 'submit' }, t('common.save'));
  const deleteButton = isNew || readonly ? null : h('button', { type: 'button', class: 'danger' }, t('common.delete'));
  const bar = h('div', { class: 'save-bar' },
    readonly ? h('p', { class: 'muted' }, t('common.readonly')) : saveButton,
    deleteButton,
    h('a', { href: link(`/sites/${encodeURIComponent(site)}/campaigns`) }, t('ed.backToList')));
  const sections = h('div', { class: 'sections' });
  function drawForm(): void {
    sampleList = '';
    sections.replaceChildren(basics(), schedule(), audience(), pages(), trigger(), creativeSection(), publication());
    syncJson();
    count.schedule();
    refreshPreview();
  }
  form.append(sections, details, bar);
  drawForm();

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (readonly) return;
    clearErrors(form);
    messages.replaceChildren();
    if (!applyJson()) return;
    const target = String(model.id ?? '').trim();
    if (isNew && (!target || look.campaigns.some((c) => c.id === target))) {
      showErrors(form, [{ path: 'id', code: target ? 'conflict' : 'required', message: target ? t('ed.id.taken') : t('common.required') }], { focus: true });
      return;
    }
    saveButton.disabled = true;
    try {
      await api('PUT', `${base}/campaigns/${encodeURIComponent(target)}`, model);
      dirty = false;
      if (isNew) {
        navigate(link(`/sites/${encodeURIComponent(site)}/campaigns/${encodeURIComponent(target)}?saved=1`));
        return;
      }
      messages.replaceChildren(notice(t('ed.saved')));
      title.textContent = model.name || model.id;
    } catch (err) {
      failed(err);
    } finally {
      saveButton.disabled = false;
    }
  });

  const failed = (err: unknown) => showSaveFailure(form, messages, err);

  // deleting asks first; a campaign another one's audience still reads is refused by the API, which names it
  deleteButton?.addEventListener('click', async () => {
    if (!window.confirm(t('ed.campaign.delete.confirm', { name: model.name || model.id }))) return;
    clearErrors(form);
    messages.replaceChildren();
    deleteButton.disabled = true;
    try {
      await api('DELETE', `${base}/campaigns/${encodeURIComponent(id!)}`);
      dirty = false;
      navigate(link(`/sites/${encodeURIComponent(site)}/campaigns?deleted=1`));
    } catch (err) {
      failed(err);
    } finally {
      deleteButton.disabled = false;
    }
  });

  const page = h('main', { id: 'main', class: 'editor-page' },
    h('p', { class: 'crumb' }, h('a', { href: link(`/sites/${encodeURIComponent(site)}/campaigns`) }, t('campaigns.title'))),
    title,
    siteTabs(site, 'campaigns', look.info.name),
    readonly ? notice(t('ed.readonly'), 'info') : null,
    new URLSearchParams(location.search).has('saved') ? notice(t('ed.saved')) : null,
    toc(['basics', 'schedule', 'audience', 'pages', 'trigger', 'creative', 'publication', 'json']),
    messages, form);
  guardUnsaved(page, () => dirty);
  return page;
}
