// The condition builder (config-language.md §2): attribute, event and action predicates, segment references,
// groups of all / any nested to any depth, each negatable ("NOT"); in an event's `where`, predicates on the
// event's properties. It edits the condition's own JSON objects in place — whatever a node holds that the
// builder does not show is kept — and redraws itself after a change of structure, giving the focus back to the
// control the operator was on (or to the one just added), so it works by keyboard alone.
import { h } from '../../dom';
import { t, Key } from '../../i18n';
import {
  ACTION_AGGS, ACTION_SCOPES, AGGS, ATTRIBUTES, METRICS, SCOPES, Json, Kind, Place, ValueType, aggProperty, actionValueType,
  attrChoices, attrType, convertValue, defaultNode, eventValueType, formatDuration, formatList, formatScalar, groupKey,
  kindOf, kindsFor, opsFor, pageOnly, parseDuration, parseList, parseScalar, shapeOf, takesIgnoreCase, DurationUnit,
} from './condition';
import { Bind, Env, button, focusKey, focusedKey, input, select, checkbox } from './form';
import { join } from './paths';

/** What the builder offers to pick from. */
export interface Lookups {
  segments: { id: string; name?: string }[];
  campaigns: { id: string; name?: string }[];
  /** event names to suggest (the site's event definitions, the common ones) */
  events: string[];
}

interface Slot extends Bind {
  path: string;
  /** removes the node from its group; absent for a root */
  remove?: () => void;
}

const label = (key: string): string => t(key as Key);

let lists = 0;

/**
 * A builder for the condition that `bind` holds, at JSON path `path`. The condition must be present (the
 * callers offer "everyone" or "no filter" themselves). `changed` of env is called after every change.
 */
export function conditionBuilder(env: Env, look: Lookups, o: { path: string; bind: Bind; place: Place; name: string }): HTMLElement {
  const listId = `cond-lists-${++lists}`;
  const root = h('div', { class: 'builder', role: 'group', 'aria-label': o.name });
  const datalists = h('div', { hidden: true },
    h('datalist', { id: `${listId}-attr` }, ATTRIBUTES.filter((a) => !pageOnly(o.place) || a.path.startsWith('page.')).map((a) => h('option', { value: a.path }))),
    h('datalist', { id: `${listId}-events` }, look.events.map((e) => h('option', { value: e }))));

  const redraw = (focus?: string | null) => {
    const key = focus === undefined ? focusedKey(root) : focus;
    root.replaceChildren(draw(), datalists);
    focusKey(root, key);
  };
  /** after a change the operator made in a text field: redraw once the focus has moved on */
  const redrawLater = () => setTimeout(() => redraw(), 0);

  const changed = (path: string) => env.changed(path);

  const draw = (): HTMLElement => {
    const node = o.bind.get();
    const slot: Slot = { path: o.path, get: o.bind.get, set: o.bind.set };
    if (kindOf(node) === 'group') return group(slot, true);
    // a single condition at the root: adding another makes it a group of all
    const addKey = join(o.path, '@add');
    return h('div', { class: 'cond-root' },
      h('ul', { class: 'conds' }, item(slot)),
      h('div', { class: 'actions' },
        button(env, t('ed.cond.add'), () => {
          o.bind.set({ all: [o.bind.get(), defaultNode(kindsFor(o.place)[0], o.place)] });
          changed(o.path);
          redraw(join(o.path, 'all', 1, '@kind'));
        }, { key: addKey })));
  };

  const group = (slot: Slot, isRoot: boolean): HTMLElement => {
    const node = slot.get();
    const key = groupKey(node);
    const children: Json[] = node[key];
    const groupSelect = select(env, {
      path: join(slot.path, '@group'), label: t('ed.cond.match'), cls: 'inline',
      bind: { get: () => groupKey(slot.get()), set: () => {} },
      options: [{ value: 'all', label: t('ed.cond.all') }, { value: 'any', label: t('ed.cond.any') }],
      onChange: (v) => {
        const n = slot.get();
        const from = groupKey(n);
        if (v === from) return;
        n[v] = n[from];
        delete n[from];
        changed(slot.path);
        redraw(join(slot.path, '@group'));
      },
    });
    const childSlot = (i: number): Slot => ({
      path: join(slot.path, key, i),
      get: () => slot.get()[key][i],
      set: (v) => { slot.get()[key][i] = v; },
      remove: () => {
        slot.get()[key].splice(i, 1);
        changed(slot.path);
        const left = slot.get()[key].length;
        redraw(left === 0 ? join(slot.path, '@add') : left > i ? join(slot.path, key, i, '@kind') : join(slot.path, key, left - 1, '@kind'));
      },
    });
    const add = (kind: Kind) => {
      slot.get()[key].push(defaultNode(kind, o.place));
      changed(slot.path);
      redraw(join(slot.path, key, slot.get()[key].length - 1, '@kind'));
    };
    return h('div', { class: `cond-group${isRoot ? ' root' : ''}` },
      groupSelect,
      children.length === 0 ? h('p', { class: 'muted' }, key === 'all' ? t('ed.cond.emptyAll') : t('ed.cond.emptyAny')) : null,
      h('ul', { class: 'conds' }, children.map((_, i) => item(childSlot(i)))),
      h('div', { class: 'actions' },
        button(env, t('ed.cond.add'), () => add(kindsFor(o.place)[0]), { key: join(slot.path, '@add') }),
        button(env, t('ed.cond.addGroup'), () => add('group'), { key: join(slot.path, '@addGroup') })));
  };

  /** One condition of a group (or the root): its kind, NOT, remove, and its fields. */
  const item = (slot: Slot): HTMLElement => {
    const node = slot.get();
    const negated = kindOf(node) === 'not';
    const inner: Slot = negated
      ? { path: join(slot.path, 'not'), get: () => slot.get().not, set: (v) => { slot.get().not = v; } }
      : slot;
    const innerNode = inner.get();
    const kind = kindOf(innerNode);
    const kinds = kindsFor(o.place);
    const kindSelect = kind === 'not' ? null : select(env, {
      path: join(inner.path, '@kind'), label: t('ed.cond.kind'), cls: 'inline',
      bind: { get: () => (kind === 'unknown' ? 'unknown' : kind), set: () => {} },
      options: [...kinds, ...(kinds.includes(kind) ? [] : [kind])].map((k) => ({ value: k, label: label(`ed.kind.${k}`) })),
      onChange: (v) => {
        inner.set(defaultNode(v as Kind, o.place));
        changed(inner.path);
        redraw(join(inner.path, '@kind'));
      },
    });
    const not = checkbox(env, {
      path: join(slot.path, '@not'), label: t('ed.cond.not'), cls: 'inline',
      bind: { get: () => negated, set: () => {} },
      onChange: (on) => {
        const n = slot.get();
        slot.set(on ? { not: n } : n.not);
        changed(slot.path);
        redraw(join(slot.path, '@not'));
      },
    });
    const remove = slot.remove
      ? button(env, t('ed.cond.remove'), slot.remove, { key: join(slot.path, '@remove'), cls: 'link', aria: t('ed.cond.removeLabel', { n: slot.path }) })
      : null;
    let body: HTMLElement;
    switch (kind) {
      case 'group': body = group(inner, false); break;
      case 'not': body = h('ul', { class: 'conds' }, item(inner)); break;
      case 'attr': body = attr(inner); break;
      case 'event': body = event(inner); break;
      case 'action': body = action(inner); break;
      case 'segment': body = segment(inner); break;
      case 'prop': body = prop(inner); break;
      default: body = raw(inner);
    }
    return h('li', { class: `cond${negated ? ' negated' : ''}` },
      h('div', { class: 'cond-head' }, kindSelect, not, remove),
      body);
  };

  // ---- predicates ------------------------------------------------------------------------------------

  const field = (slot: Slot, key: string): Bind => ({
    get: () => slot.get()[key],
    set: (v) => { if (v === undefined) delete slot.get()[key]; else slot.get()[key] = v; },
  });

  const opSelect = (slot: Slot, type: ValueType): HTMLElement => {
    const current = slot.get().op;
    const ops = opsFor(type);
    if (current && !ops.includes(current)) ops.push(current);
    return select(env, {
      path: join(slot.path, 'op'), label: t('ed.cond.op'),
      bind: { get: () => slot.get().op, set: () => {} },
      options: ops.map((op) => ({ value: op, label: label(`ed.op.${op}`) })),
      onChange: (v) => {
        const n = slot.get();
        const value = convertValue(n.value, n.op, v);
        n.op = v;
        if (value === undefined) delete n.value; else n.value = value;
        if (!takesIgnoreCase(v)) delete n.ignore_case;
        changed(slot.path);
        redraw(join(slot.path, 'op'));
      },
    });
  };

  const valueFields = (slot: Slot, type: ValueType, choices: string[] = []): HTMLElement[] => {
    const n = slot.get();
    const path = join(slot.path, 'value');
    const list = choices.length ? `${listId}-v-${slot.path}` : undefined;
    const dl = list ? h('datalist', { id: list }, choices.map((c) => h('option', { value: c }))) : null;
    const inputmode = type === 'number' ? 'decimal' : undefined;
    const placeholder = type === 'time' ? t('ed.cond.timeExample') : undefined;
    switch (shapeOf(n.op)) {
      case 'none':
        return [];
      case 'pair': {
        const part = (i: number): Bind => ({
          get: () => (Array.isArray(slot.get().value) ? slot.get().value[i] : undefined),
          set: (v) => {
            const cur = slot.get();
            if (!Array.isArray(cur.value)) cur.value = ['', ''];
            cur.value[i] = v ?? '';
          },
        });
        return [
          input(env, { path: join(path, 0), label: t('ed.cond.low'), bind: part(0), parse: (s) => parseScalar(s, type), format: formatScalar, inputmode, placeholder }),
          input(env, { path: join(path, 1), label: t('ed.cond.high'), bind: part(1), parse: (s) => parseScalar(s, type), format: formatScalar, inputmode, placeholder }),
        ];
      }
      case 'list':
        return [input(env, { path, label: t('ed.cond.values'), help: t('ed.cond.values.help'), bind: field(slot, 'value'), list,
          parse: (s) => parseList(s, type), format: formatList }), ...(dl ? [dl] : [])];
      case 'duration': {
        const d = parseDuration(n.value);
        if (!d && n.value !== undefined && n.value !== '') {
          return [input(env, { path, label: t('ed.cond.duration'), help: t('ed.cond.duration.help'), bind: field(slot, 'value'),
            parse: (s) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : s) })];
        }
        let amount = d ? String(d.n) : '';
        let unit: DurationUnit = d ? d.unit : 'D';
        const write = () => { slot.get().value = formatDuration(amount, unit); };
        return [
          input(env, { path, label: t('ed.cond.duration'), inputmode: 'numeric', bind: { get: () => amount, set: (v) => { amount = v ?? ''; write(); } } }),
          select(env, { path: join(slot.path, '@unit'), label: t('ed.cond.unit'), bind: { get: () => unit, set: (v) => { unit = v; write(); } },
            options: (['M', 'H', 'D', 'S'] as DurationUnit[]).map((u) => ({ value: u, label: label(`ed.unit.${u}`) })) }),
        ];
      }
      default:
        if (type === 'bool') {
          return [select(env, { path, label: t('ed.cond.value'), bind: field(slot, 'value'), parse: (s) => s === 'true',
            options: [{ value: 'true', label: t('ed.cond.true') }, { value: 'false', label: t('ed.cond.false') }] })];
        }
        return [input(env, { path, label: t('ed.cond.value'), bind: field(slot, 'value'), list, inputmode, placeholder,
          parse: (s) => parseScalar(s, type), format: formatScalar }), ...(dl ? [dl] : [])];
    }
  };

  const ignoreCase = (slot: Slot, type: ValueType): HTMLElement | null =>
    (type === 'string' || type === 'any') && takesIgnoreCase(slot.get().op)
      ? checkbox(env, { path: join(slot.path, 'ignore_case'), label: t('ed.cond.ignoreCase'), bind: field(slot, 'ignore_case') })
      : null;

  const attr = (slot: Slot): HTMLElement => {
    const type = attrType(slot.get().attr ?? '');
    let before = slot.get().attr ?? '';
    return h('div', { class: 'pred' },
      input(env, { path: join(slot.path, 'attr'), label: t('ed.cond.attr'), help: t('ed.cond.attr.help'), bind: field(slot, 'attr'), list: `${listId}-attr`,
        parse: (s) => s.trim(),
        onCommit: () => {
          const now = slot.get().attr ?? '';
          if (attrType(now) !== attrType(before) || attrChoices(now).join() !== attrChoices(before).join()) redrawLater();
          before = now;
        } }),
      opSelect(slot, type), ...valueFields(slot, type, attrChoices(slot.get().attr ?? '')), ignoreCase(slot, type));
  };

  const event = (slot: Slot): HTMLElement => {
    const n = slot.get();
    const type = eventValueType(n.agg);
    const needs = aggProperty(n.agg);
    const where = n.where !== undefined && n.where !== null;
    const wherePath = join(slot.path, 'where');
    return h('div', { class: 'pred' },
      input(env, { path: join(slot.path, 'event'), label: t('ed.cond.event'), bind: field(slot, 'event'), list: `${listId}-events`, parse: (s) => s.trim() }),
      select(env, { path: join(slot.path, 'scope'), label: t('ed.cond.scope'), bind: field(slot, 'scope'), absent: 'all',
        options: SCOPES.map((s) => ({ value: s, label: label(`ed.scope.${s}`) })) }),
      select(env, { path: join(slot.path, 'agg'), label: t('ed.cond.agg'), bind: field(slot, 'agg'), absent: 'count',
        options: AGGS.map((a) => ({ value: a, label: label(`ed.agg.${a}`) })),
        onChange: (v) => {
          if (aggProperty(v) === 'none') delete slot.get().property;
          changed(slot.path);
          redraw(join(slot.path, 'agg'));
        } }),
      needs === 'none' ? null : input(env, { path: join(slot.path, 'property'), label: t('ed.cond.property'),
        help: needs === 'optional' ? t('ed.cond.property.optional') : undefined, bind: field(slot, 'property'), parse: (s) => (s.trim() === '' ? undefined : s.trim()) }),
      opSelect(slot, type), ...valueFields(slot, type), ignoreCase(slot, type),
      h('div', { class: 'where' },
        where
          ? h('div', {},
            h('p', { class: 'sub' }, t('ed.cond.where')),
            conditionBuilder(env, look, { path: wherePath, place: 'where', name: t('ed.cond.where'), bind: field(slot, 'where') }),
            button(env, t('ed.cond.whereRemove'), () => { delete slot.get().where; changed(wherePath); redraw(join(wherePath, '@addWhere')); },
              { key: join(wherePath, '@removeWhere'), cls: 'link' }))
          : button(env, t('ed.cond.whereAdd'), () => {
            slot.get().where = defaultNode('prop', 'where');
            changed(wherePath);
            redraw(join(wherePath, 'prop'));
          }, { key: join(wherePath, '@addWhere'), cls: 'link' })));
  };

  const action = (slot: Slot): HTMLElement => {
    const n = slot.get();
    const type = actionValueType(n.agg);
    return h('div', { class: 'pred' },
      select(env, { path: join(slot.path, 'action'), label: t('ed.cond.campaign'), bind: field(slot, 'action'), empty: n.action ? undefined : t('ed.choose'),
        options: look.campaigns.map((c) => ({ value: c.id, label: c.name ? `${c.name} (${c.id})` : c.id })) }),
      select(env, { path: join(slot.path, 'metric'), label: t('ed.cond.metric'), bind: field(slot, 'metric'),
        options: METRICS.map((m) => ({ value: m, label: label(`ed.metric.${m}`) })) }),
      select(env, { path: join(slot.path, 'scope'), label: t('ed.cond.scope'), bind: field(slot, 'scope'), absent: 'all',
        options: ACTION_SCOPES.map((s) => ({ value: s, label: label(`ed.scope.${s}`) })) }),
      select(env, { path: join(slot.path, 'agg'), label: t('ed.cond.agg'), bind: field(slot, 'agg'), absent: 'count',
        options: ACTION_AGGS.map((a) => ({ value: a, label: label(`ed.agg.${a}`) })),
        onChange: () => { changed(slot.path); redraw(join(slot.path, 'agg')); } }),
      opSelect(slot, type), ...valueFields(slot, type));
  };

  const segment = (slot: Slot): HTMLElement => h('div', { class: 'pred' },
    select(env, { path: join(slot.path, 'segment'), label: t('ed.cond.segment'), bind: field(slot, 'segment'), empty: slot.get().segment ? undefined : t('ed.choose'),
      options: look.segments.map((s) => ({ value: s.id, label: s.name ? `${s.name} (${s.id})` : s.id })) }));

  const prop = (slot: Slot): HTMLElement => h('div', { class: 'pred' },
    input(env, { path: join(slot.path, 'prop'), label: t('ed.cond.prop'), help: t('ed.cond.prop.help'), bind: field(slot, 'prop'), parse: (s) => s.trim() }),
    opSelect(slot, 'any'), ...valueFields(slot, 'any'), ignoreCase(slot, 'any'));

  /** A node the builder has no fields for: its JSON, editable. */
  const raw = (slot: Slot): HTMLElement => h('div', { class: 'pred' },
    input(env, { path: slot.path, label: t('ed.cond.raw'), multiline: true, type: 'code', bind: {
      get: () => slot.get(),
      set: (v) => { slot.set(v); },
    }, format: (v) => JSON.stringify(v, null, 1), parse: (s) => { try { return JSON.parse(s); } catch { return s; } } }));

  redraw(null);
  return root;
}
