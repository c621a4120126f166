// What the API says, in the operator's language: the one place where the console turns the API's error codes
// (with the values in its English messages: ranges, lengths, the value refused, the choices) and the details of
// "why not?" into Japanese or English words (console/src/words/errors.ts). Every screen shows API errors through
// these functions (ui.ts showError does; a screen placing errors itself takes errorsInWords).
//
// How a message is chosen: a message whose shape is known (RULES, matched on the server's sentence) gets the
// console's sentence with the server's values in it; else the code's own words (err.code.*) — in Japanese
// followed by the server's sentence in brackets when that sentence carries what to fix, in English the server's
// sentence itself (already English, and the most precise); an unknown code shows the server's message.
import { ApiError, FieldError } from './api';
import { dictionaries, lang, t, Key } from './i18n';

type Vars = Record<string, string | number>;

interface Rule {
  re: RegExp;
  /** The words; a function when the key depends on what matched. */
  key: Key | ((m: RegExpExecArray) => Key);
  /** The values for the words; null when the match has a value the console has no words for (the rule is skipped). */
  vars?: (m: RegExpExecArray) => Vars | null;
}

function has(key: string): key is Key {
  return key in dictionaries.ja;
}

/** The words for one of the server's type phrases ("a number", "a string" …), or null. */
function type(phrase: string | undefined): string | null {
  const key = `err.type.${phrase}`;
  return phrase !== undefined && has(key) ? t(key) : null;
}

function typed(vars: Record<string, string | null>): Vars | null {
  return Object.values(vars).every((v) => v !== null) ? (vars as Vars) : null;
}

function roleWord(role: string): string {
  const key = `role.${role}`;
  return has(key) ? t(key) : role;
}

function kindWord(kind: string): string {
  const key = `err.kind.${kind}`;
  return has(key) ? t(key) : kind;
}

/** Known shapes of the server's messages (server and engine sources: ConfigError, ApiException), most specific first. */
const RULES: Rule[] = [
  { re: /^expected a whole number from (-?\d+) to (-?\d+)(?:, got .*)?$/s, key: 'err.range.int', vars: (m) => ({ min: m[1], max: m[2] }) },
  { re: /^[\w.]+ must be between (-?\d+) and (-?\d+)$/, key: 'err.range.int', vars: (m) => ({ min: m[1], max: m[2] }) },
  { re: /^[\w.]+ must be a number from (-?\d+) to (-?\d+)$/, key: 'err.range.int', vars: (m) => ({ min: m[1], max: m[2] }) },
  { re: /^[\w.]+ must be a number$/, key: 'err.expected.only', vars: () => typed({ expected: type('a number') }) },
  { re: /^expected (\d+)-(\d+) characters A-Z a-z 0-9 _ -$/, key: 'err.siteId', vars: (m) => ({ min: m[1], max: m[2] }) },
  { re: /^a site with this id exists$/, key: 'err.siteExists' },
  { re: /^'(.*)' is not a valid id: /s, key: 'err.id', vars: (m) => ({ value: m[1] }) },
  { re: /^'(.*)' is not a timezone such as "(.*)"$/s, key: 'err.timezone', vars: (m) => ({ value: m[1], example: m[2] }) },
  { re: /^'(.*)' is not a host name such as "(.*?)"/s, key: 'err.host', vars: (m) => ({ value: m[1], example: m[2] }) },
  { re: /^(?:[\w ]+ )?'(.*)' is (?:listed|used|written|given|defined) twice$/s, key: 'err.twice', vars: (m) => ({ value: m[1] }) },
  { re: /^unknown field '(.*?)'; did you mean '(.*)'\?$/s, key: 'err.unknownField.didYouMean', vars: (m) => ({ field: m[1], close: m[2] }) },
  { re: /^unknown field '(.*?)'; expected one of (.*)$/s, key: 'err.unknownField.oneOf', vars: (m) => ({ field: m[1], choices: m[2] }) },
  { re: /^unknown field '(.*?)'(?:;.*)?$/s, key: 'err.unknownField', vars: (m) => ({ field: m[1] }) },
  { re: /^unknown (segment|campaign) '(.*)'$/s, key: (m) => `err.unknownRef.${m[1]}` as Key, vars: (m) => ({ id: m[2] }) },
  { re: /^unknown [\w ]+ '(.*?)'; expected one of (.*)$/s, key: 'err.oneOf', vars: (m) => ({ value: m[1], choices: m[2] }) },
  { re: /^expected one of (.*)$/s, key: 'err.oneOfOnly', vars: (m) => ({ choices: m[1] }) },
  { re: /^expected ((?:[\w-]+, )*[\w-]+) or ([\w-]+)$/, key: 'err.oneOfOnly', vars: (m) => (m[1] === 'true' ? null : { choices: `${m[1]}, ${m[2]}` }) },
  {
    re: /^(segment|campaign) '(.*?)' is still referenced by (segment|campaign) '(.*?)' at (.*?); change that first$/s,
    key: 'err.stillReferenced',
    vars: (m) => ({ kind: kindWord(m[1]), id: m[2], byKind: kindWord(m[3]), by: m[4], at: m[5] }),
  },
  { re: /^segment reference cycle: (.*)$/s, key: 'err.cycle.segments', vars: (m) => ({ cycle: m[1] }) },
  { re: /^event definitions derive from each other in a loop: (.*)$/s, key: 'err.cycle.events', vars: (m) => ({ cycle: m[1] }) },
  { re: /^a session timeout is from one minute/, key: 'err.sessionTimeout' },
  { re: /^end must be after start$/, key: 'err.endAfterStart' },
  { re: /^from must not be after to$/, key: 'err.fromAfterTo' },
  { re: /^low must not be greater than high$/, key: 'err.lowHigh' },
  { re: /^a range covers at most (\d+) days$/, key: 'err.range.days', vars: (m) => ({ max: m[1] }) },
  { re: /^a duration may be at most (\d+) days$/, key: 'err.duration.max', vars: (m) => ({ max: m[1] }) },
  { re: /^(?:an option )?must not be blank$/, key: 'err.blank' },
  { re: /^expected a date YYYY-MM-DD(?:, got .*)?$/s, key: 'err.date' },
  { re: /^a password needs at least (\d+) characters$/, key: 'err.passwordShort', vars: (m) => ({ min: m[1] }) },
  { re: /^letters, digits and \. _ @ \+ - only, at most (\d+)$/, key: 'err.login' },
  { re: /(\d+)(?: to |-)(\d+) characters$/, key: 'err.range.chars', vars: (m) => ({ min: m[1], max: m[2] }) },
  { re: /^(?:.* )?at most (\d+) characters$/s, key: 'err.max.chars', vars: (m) => ({ max: m[1] }) },
  {
    re: /^(.+) \((?:a number|a string|a boolean|a time|any value)\) is compared with (a number|a string|true or false), got (.+)$/s,
    key: 'err.comparedWith',
    vars: (m) => typed({ operand: m[1], expected: type(m[2]), got: type(m[3]) }),
  },
  { re: /^'(.+?)' does not apply to (.+?) \(.+?\); use one of (.*)$/s, key: 'err.opDoesNotApply', vars: (m) => ({ op: m[1], operand: m[2], ops: m[3] }) },
  { re: /^'(.+?)' needs at least one value$/, key: 'err.opNeedsOne', vars: (m) => ({ op: m[1] }) },
  { re: /^'(.+?)' needs a value/, key: 'err.opNeedsValue', vars: (m) => ({ op: m[1] }) },
  { re: /^'(.+?)' takes no value$/, key: 'err.opTakesNone', vars: (m) => ({ op: m[1] }) },
  { re: /^not a valid regular expression \(RE2 syntax\): (.*)$/s, key: 'err.regex', vars: (m) => ({ detail: m[1] }) },
  { re: /^'(.*)' is not a time of day "HH:MM" from 00:00 to (\d\d:\d\d)$/s, key: 'err.timeOfDay', vars: (m) => ({ value: m[1], max: m[2] }) },
  {
    re: /^expected (a whole number|a number|a string|true or false|an object|a JSON object)(?:, got (.+))?$/s,
    key: (m) => (m[2] === undefined ? 'err.expected.only' : 'err.expected'),
    vars: (m) => typed({ expected: type(m[1]), ...(m[2] === undefined ? {} : { got: type(m[2]) }) }),
  },
  { re: /^(?:enter your (?:login|password)|expected the page's URL|expected the invitation from the link)$/, key: 'err.code.required' },
  { re: /^give the token a name/, key: 'err.tokenName' },
  { re: /^give the object's kind with its id$/, key: 'err.idNeedsKind' },
  { re: /^expected a positive whole number of visitors per arm$/, key: 'err.horizon' },
  { re: /^this needs the (\w+) role; you are (\w+)$/, key: 'err.role', vars: (m) => ({ needed: roleWord(m[1]), role: roleWord(m[2]) }) },
  { re: /^wrong login or password$/, key: 'signin.failed' },
  { re: /^your session has ended/, key: 'signin.ended' },
  { re: /locked for (\d+) more minute/, key: 'err.locked.minutes', vars: (m) => ({ minutes: m[1] }) },
  { re: /sign-ins from your address; try again in (\d+) minute/, key: 'err.rateLimited.signIn', vars: (m) => ({ minutes: m[1] }) },
  { re: /^too many requests; retry after (\d+) s$/, key: 'err.rateLimited.seconds', vars: (m) => ({ seconds: m[1] }) },
  { re: /^another operator already signs in as (.*)$/s, key: 'err.loginTaken', vars: (m) => ({ login: m[1] }) },
  { re: /^this invitation's operator no longer exists$/, key: 'err.inviteGone' },
  { re: /^no site (.*)$/s, key: 'err.noSite', vars: (m) => ({ id: m[1] }) },
  { re: /^no (segment|campaign) (.*)$/s, key: 'err.noObject', vars: (m) => ({ kind: kindWord(m[1]), id: m[2] }) },
  { re: /^the request is larger than (\d+) bytes$/, key: 'err.tooLarge', vars: (m) => ({ bytes: m[1] }) },
];

/** Codes whose own words say all there is to say: the server's sentence is not added to them in Japanese. */
const SELF_EXPLAINED = new Set(['required', 'csrf', 'forbidden', 'unauthorized', 'locked', 'rate_limited', 'unavailable', 'internal',
  'wrong_password', 'last_administrator', 'invite_invalid', 'mismatch', 'method_not_allowed', 'password_too_short']);
/** Codes whose server sentence is less helpful to an operator than the console's English words. */
const OWN_WORDS_IN_ENGLISH = new Set(['csrf', 'internal', 'unavailable']);

export interface ErrorTextOptions {
  /** Prefix the JSON path ("audience.all[1].value: …"): for an error shown away from its field. */
  withPath?: boolean;
  /** Seconds from the answer's Retry-After, for rate_limited messages of no known shape. */
  retryAfter?: number;
}

/** One error of the API (its code, path and English message) in the operator's language. */
export function errorText(e: { code?: string; path?: string; message?: string }, o: ErrorTextOptions = {}): string {
  const text = words(e.code ?? '', e.message ?? '', o.retryAfter);
  return o.withPath && e.path ? `${e.path}: ${text}` : text;
}

function words(code: string, message: string, retryAfter?: number): string {
  for (const rule of RULES) {
    const m = rule.re.exec(message);
    if (!m) continue;
    const vars: Vars | null = rule.vars ? rule.vars(m) : {};
    if (vars === null) continue;
    return t(typeof rule.key === 'function' ? rule.key(m) : rule.key, vars);
  }
  if (code === 'rate_limited' && retryAfter && retryAfter > 0) return t('err.rateLimited.seconds', { seconds: retryAfter });
  const key = `err.code.${code}`;
  if (!has(key)) return message || t('common.error');
  const own = t(key);
  if (!message) return own;
  if (lang() === 'en') return OWN_WORDS_IN_ENGLISH.has(code) ? own : message;
  return SELF_EXPLAINED.has(code) ? own : t('err.withDetail', { text: own, detail: message });
}

/** The errors an ApiError carries: its list of validation errors, or itself as one. */
export function errorsOf(err: ApiError): FieldError[] {
  return err.errors.length ? err.errors : [{ path: err.path ?? '', code: err.code, message: err.message }];
}

/**
 * The text for one error of an ApiError: the operator's words for what the server said; an ApiError the
 * console made itself (a field left empty …) already has its words.
 */
export function fieldErrorText(err: ApiError, e: FieldError, o: ErrorTextOptions = {}): string {
  if (!err.server) return o.withPath && e.path ? `${e.path}: ${e.message}` : e.message;
  return errorText(e, { retryAfter: err.retryAfter, ...o });
}

/**
 * An ApiError's errors with their messages in the operator's language, paths kept: for a screen that places
 * errors itself (the editors' showErrors in editor/form.ts takes these as they are).
 */
export function errorsInWords(err: ApiError): FieldError[] {
  return errorsOf(err).map((e) => ({ ...e, message: fieldErrorText(err, e) }));
}

/**
 * Anything thrown, as one sentence for an alert or a notice: each of an ApiError's errors with its path (it is
 * shown away from its field), an Error's message after "something went wrong".
 */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) {
    const list = errorsOf(err);
    return list.map((e) => fieldErrorText(err, e, { withPath: err.errors.length > 0 })).join(' ');
  }
  return err instanceof Error && err.message ? `${t('common.error')}: ${err.message}` : t('common.error');
}

// ---- "why not?" -------------------------------------------------------------------------------------

const REASONS = ['status', 'schedule', 'audience', 'page', 'frequency', 'stop', 'content', 'priority', 'spacing'];

/** A decision's reason (the engine's Reason) in words; an unknown one as it came. */
export function reasonLabel(reason: string | undefined): string {
  return reason && REASONS.includes(reason) ? t(`whynot.reason.${reason}` as Key) : (reason ?? '');
}

/** The engine's details that only repeat their reason (Decider.detail): the reason's words say it. */
const REPEATS = /^(?:the campaign is not live|outside the schedule|the visitor is not in the audience|this page is not one of the campaign's pages|a stop rule holds)$/;

/**
 * The server's detail of a reason (Decider: English) in words, or null when it adds nothing to the reason's
 * words; a detail of no known shape is shown as it came.
 */
export function reasonDetail(reason: string | undefined, detail: string | undefined | null): string | null {
  if (!detail) return null;
  if (REPEATS.test(detail)) return null;
  let m = /^frequency per (\w+) max (\d+) reached/.exec(detail);
  if (m && has(`why.per.${m[1]}`)) return t('why.frequency', { per: t(`why.per.${m[1]}` as Key), max: m[2] });
  if (/^another modal action has higher priority$/.test(detail)) return t('why.priority.modal');
  m = /^another (\w+) has higher priority$/.exec(detail);
  if (m) return t('why.priority.template', { template: has(`ed.tpl.${m[1]}`) ? t(`ed.tpl.${m[1]}` as Key) : m[1] });
  if (/^a placeholder has no value for this visitor/.test(detail)) return t('why.content');
  if (reason === 'spacing' && /^site spacing since the last delivery$/.test(detail)) return t('why.spacing');
  return detail;
}
