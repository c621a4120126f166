// The condition language (config-language.md §2) as the condition builder sees it: what kind a node is, which
// operators suit which type of value, how a value is typed into a text field and read back, the default node of
// each kind, and the page rules (include / exclude URL patterns) that a campaign's `pages` is shown as.
// Pure functions over the JSON itself: the builder edits the condition's own objects in place, so whatever
// a node holds that the builder does not show (a field of a later version, say) is kept as it was.

export type Json = any;
export type Kind = 'attr' | 'event' | 'action' | 'segment' | 'prop' | 'group' | 'not' | 'unknown';
/**
 * Where a condition is written: each place allows other kinds (ConditionParser.Context on the server). An event
 * definition's `where` ('definition') takes page.* attributes and the source event's properties.
 */
export type Place = 'audience' | 'pages' | 'where' | 'definition';
export type ValueType = 'number' | 'string' | 'bool' | 'time' | 'any';
/** How an operator's value is entered: none, a range [low, high], a list, a duration, or one value. */
export type Shape = 'none' | 'pair' | 'list' | 'duration' | 'single';

export const OPS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'between', 'in', 'not_in', 'contains', 'not_contains',
  'starts_with', 'ends_with', 'matches', 'exists', 'not_exists', 'within_last', 'not_within_last'] as const;
const STRING_OPS = ['contains', 'not_contains', 'starts_with', 'ends_with', 'matches'];

export const SCOPES = ['all', 'session', 'previous_session', 'today', '7d', '28d'] as const;
export const AGGS = ['count', 'sum', 'min', 'max', 'avg', 'first', 'latest', 'first_at', 'latest_at', 'values'] as const;
export const METRICS = ['delivered', 'shown', 'clicked', 'closed', 'control', 'goal'] as const;
export const ACTION_SCOPES = ['all', 'session'] as const;
export const ACTION_AGGS = ['count', 'latest_at'] as const;

/** The attributes of config-language.md §2 with their types; `user.<trait>` and `page.query.<name>` are open. */
export const ATTRIBUTES: { path: string; type: ValueType; choices?: string[] }[] = [
  { path: 'visitor.visits', type: 'number' },
  { path: 'visitor.is_member', type: 'bool' },
  { path: 'visitor.first_seen', type: 'time' },
  { path: 'visitor.last_seen', type: 'time' },
  { path: 'session.pv', type: 'number' },
  { path: 'session.duration', type: 'number' },
  { path: 'session.source', type: 'string', choices: ['ad', 'search', 'social', 'email', 'referral', 'direct'] },
  { path: 'session.utm_source', type: 'string' },
  { path: 'session.utm_medium', type: 'string' },
  { path: 'session.utm_campaign', type: 'string' },
  { path: 'session.utm_term', type: 'string' },
  { path: 'session.utm_content', type: 'string' },
  { path: 'session.referrer_host', type: 'string' },
  { path: 'session.landing_path', type: 'string' },
  { path: 'session.device', type: 'string', choices: ['pc', 'smartphone', 'tablet'] },
  { path: 'page.url', type: 'string' },
  { path: 'page.path', type: 'string' },
  { path: 'page.host', type: 'string' },
  { path: 'page.title', type: 'string' },
  { path: 'page.query.', type: 'string' },
  { path: 'user.', type: 'any' },
];

const isObject = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What a condition node is; `group` is {"all": […]} or {"any": […]}. */
export function kindOf(node: Json): Kind {
  if (!isObject(node)) return 'unknown';
  if (Array.isArray(node.all) || Array.isArray(node.any)) return 'group';
  if ('not' in node) return 'not';
  if ('segment' in node) return 'segment';
  if ('attr' in node) return 'attr';
  if ('event' in node) return 'event';
  if ('action' in node) return 'action';
  if ('prop' in node) return 'prop';
  return 'unknown';
}

/** The key of a group's list: 'all' or 'any'. */
export function groupKey(node: Json): 'all' | 'any' {
  return Array.isArray(node?.any) && !Array.isArray(node?.all) ? 'any' : 'all';
}

/** The kinds a place allows, in the order the builder offers them. */
export function kindsFor(place: Place): Kind[] {
  switch (place) {
    case 'audience': return ['attr', 'event', 'action', 'segment', 'group'];
    case 'pages': return ['attr', 'group'];
    case 'where': return ['prop', 'group'];
    case 'definition': return ['attr', 'prop', 'group'];
  }
}

/** A new node of a kind, ready to edit (the builder's "add" and "change kind"). */
export function defaultNode(kind: Kind, place: Place): Json {
  switch (kind) {
    case 'attr': return place === 'pages' || place === 'definition' ? { attr: 'page.path', op: 'starts_with', value: '/' } : { attr: 'visitor.visits', op: 'gte', value: 1 };
    case 'event': return { event: 'view', agg: 'count', op: 'gte', value: 1 };
    case 'action': return { action: '', metric: 'shown', agg: 'count', op: 'gte', value: 1 };
    case 'segment': return { segment: '' };
    case 'prop': return { prop: '', op: 'eq', value: '' };
    case 'group': return { all: [defaultNode(kindsFor(place)[0], place)] };
    default: return { all: [] };
  }
}

/** Whether a place takes page.* attributes only. */
export function pageOnly(place: Place): boolean {
  return place === 'pages' || place === 'definition';
}

/** The type of an attribute's value (user traits: any). */
export function attrType(path: string): ValueType {
  const known = ATTRIBUTES.find((a) => a.path === path);
  if (known) return known.type;
  if (path.startsWith('page.query.') || path.startsWith('session.utm_')) return 'string';
  return 'any';
}

export function attrChoices(path: string): string[] {
  return ATTRIBUTES.find((a) => a.path === path)?.choices ?? [];
}

/** The type of an event predicate's compared value, by its aggregate. */
export function eventValueType(agg: string | undefined): ValueType {
  switch (agg ?? 'count') {
    case 'count': case 'sum': case 'min': case 'max': case 'avg': return 'number';
    case 'first_at': case 'latest_at': return 'time';
    case 'values': return 'string';
    default: return 'any';
  }
}

export function actionValueType(agg: string | undefined): ValueType {
  return agg === 'latest_at' ? 'time' : 'number';
}

/** Whether an aggregate reads a property (required by sum … latest and values, optional for the times). */
export function aggProperty(agg: string | undefined): 'none' | 'required' | 'optional' {
  const a = agg ?? 'count';
  if (a === 'count') return 'none';
  if (a === 'first_at' || a === 'latest_at') return 'optional';
  return 'required';
}

/** The operators that make sense for a type (the current one is always kept by the builder). */
export function opsFor(type: ValueType): string[] {
  switch (type) {
    case 'number': return ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'between', 'in', 'not_in', 'exists', 'not_exists'];
    case 'string': return ['eq', 'ne', 'in', 'not_in', 'contains', 'not_contains', 'starts_with', 'ends_with', 'matches', 'exists', 'not_exists'];
    case 'bool': return ['eq', 'ne', 'exists', 'not_exists'];
    case 'time': return ['gt', 'gte', 'lt', 'lte', 'between', 'within_last', 'not_within_last', 'exists', 'not_exists'];
    default: return [...OPS];
  }
}

export function shapeOf(op: string | undefined): Shape {
  switch (op) {
    case 'exists': case 'not_exists': return 'none';
    case 'between': return 'pair';
    case 'in': case 'not_in': return 'list';
    case 'within_last': case 'not_within_last': return 'duration';
    default: return 'single';
  }
}

/** Whether `ignore_case` applies to an operator. */
export function takesIgnoreCase(op: string | undefined): boolean {
  return STRING_OPS.includes(op ?? '') || op === 'eq' || op === 'ne' || op === 'in' || op === 'not_in';
}

const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * A value as typed into a text field, as the JSON the API takes: numbers for number (and, when they look like
 * one, for any and time), true/false for bool. Text that does not fit the type is kept as text, so the API
 * names the mistake at its field instead of the form guessing.
 */
export function parseScalar(text: string, type: ValueType): Json {
  const s = text.trim();
  if (type === 'string') return text;
  if ((type === 'number' || type === 'any' || type === 'time') && NUMBER.test(s)) return Number(s);
  if ((type === 'bool' || type === 'any') && (s === 'true' || s === 'false')) return s === 'true';
  return type === 'number' || type === 'bool' ? s : text;
}

export function formatScalar(v: Json): string {
  if (v === undefined || v === null) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** A list typed as comma-separated items (also the Japanese 、). */
export function parseList(text: string, type: ValueType): Json[] {
  return text.split(/[,、]/).map((s) => s.trim()).filter((s) => s !== '').map((s) => parseScalar(s, type));
}

export function formatList(v: Json): string {
  return Array.isArray(v) ? v.map(formatScalar).join(', ') : formatScalar(v);
}

export type DurationUnit = 'S' | 'M' | 'H' | 'D';

/** A duration the builder can show as a number and a unit: "P7D", "PT30M", "PT2H", "PT45S" or seconds. */
export function parseDuration(v: Json): { n: number; unit: DurationUnit } | null {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) {
    if (v > 0 && v % 86400 === 0) return { n: v / 86400, unit: 'D' };
    return { n: v, unit: 'S' };
  }
  if (typeof v !== 'string') return null;
  let m = /^P(\d+)D$/.exec(v);
  if (m) return { n: Number(m[1]), unit: 'D' };
  m = /^PT(\d+)([HMS])$/.exec(v);
  return m ? { n: Number(m[1]), unit: m[2] as DurationUnit } : null;
}

export function formatDuration(n: string, unit: DurationUnit): Json {
  const s = n.trim();
  if (!/^\d+$/.test(s)) return s; // the API says what is wrong with it
  return unit === 'D' ? `P${s}D` : `PT${s}${unit}`;
}

/** The value after the operator changed from `from` to `to`: kept when the shape is the same, else converted. */
export function convertValue(value: Json, from: string | undefined, to: string): Json | undefined {
  const a = shapeOf(from);
  const b = shapeOf(to);
  if (a === b) return value;
  const first = Array.isArray(value) ? value[0] : value;
  switch (b) {
    case 'none': return undefined;
    case 'pair': return first === undefined || a === 'duration' ? ['', ''] : [first, Array.isArray(value) && value.length > 1 ? value[1] : first];
    case 'list': return first === undefined || a === 'duration' ? [] : Array.isArray(value) ? value : [first];
    case 'duration': return 'P7D';
    default: return a === 'duration' ? '' : first ?? '';
  }
}

// ---- page rules --------------------------------------------------------------------------------------

/** One page rule: a predicate on page.* that includes pages, or excludes them. */
export interface PageRule { mode: 'include' | 'exclude'; pred: Json }

/** The operators a page rule offers. */
export const PAGE_OPS = ['eq', 'starts_with', 'contains', 'ends_with', 'matches'];

const isPagePredicate = (n: Json): boolean => kindOf(n) === 'attr' && typeof n.attr === 'string' && n.attr.startsWith('page.')
  && PAGE_OPS.includes(n.op) && typeof n.value === 'string';

/**
 * A campaign's `pages` as rules, when it has the shape the rules write (see {@link rulesToPages}); null when it is
 * some other condition, which the builder then shows as a condition. The rules hold the predicates themselves.
 */
export function pagesToRules(pages: Json): PageRule[] | null {
  if (pages === undefined || pages === null) return [];
  const includes = (n: Json): Json[] | null => {
    if (isPagePredicate(n)) return [n];
    if (kindOf(n) === 'group' && groupKey(n) === 'any' && n.any.length > 0 && n.any.every(isPagePredicate) && Object.keys(n).length === 1) return n.any;
    return null;
  };
  const exclude = (n: Json): Json | null => (kindOf(n) === 'not' && Object.keys(n).length === 1 && isPagePredicate(n.not) ? n.not : null);
  const inc = includes(pages);
  if (inc) return inc.map((pred) => ({ mode: 'include', pred }));
  const ex = exclude(pages);
  if (ex) return [{ mode: 'exclude', pred: ex }];
  if (kindOf(pages) !== 'group' || groupKey(pages) !== 'all' || Object.keys(pages).length !== 1 || pages.all.length < 2) return null;
  const rules: PageRule[] = [];
  let sawInclude = false;
  for (let i = 0; i < pages.all.length; i++) {
    const n = pages.all[i];
    const e = exclude(n);
    if (e) { rules.push({ mode: 'exclude', pred: e }); continue; }
    const list = i === 0 ? includes(n) : null; // the includes come first, once
    if (!list || sawInclude) return null;
    sawInclude = true;
    rules.push(...list.map((pred): PageRule => ({ mode: 'include', pred })));
  }
  return rules;
}

/**
 * Rules as `pages`: a page qualifies when it matches any include (or there is none) and no exclude. No rule:
 * undefined (every page). One include: the predicate; several: {"any": […]}; excludes: {"not": …} each, all of
 * them together under {"all": […]} with the includes first.
 */
export function rulesToPages(rules: PageRule[]): Json | undefined {
  const inc = rules.filter((r) => r.mode === 'include').map((r) => r.pred);
  const ex = rules.filter((r) => r.mode === 'exclude').map((r) => ({ not: r.pred }));
  const include = inc.length === 0 ? null : inc.length === 1 ? inc[0] : { any: inc };
  if (!include && ex.length === 0) return undefined;
  if (!include && ex.length === 1) return ex[0];
  if (include && ex.length === 0) return include;
  return { all: [...(include ? [include] : []), ...ex] };
}
