// Pure helpers of the explorer and report screens: numbers, money, rates and times formatted for the
// language; the verdict's wording; the report's series shaped for charts; sessions cut from a timeline.
// No DOM here, so Vitest checks all of it (test/explorer.test.ts).
import type { Lang } from '../../i18n';

const LOCALE: Record<Lang, string> = { ja: 'ja-JP', en: 'en-US' };

export function locale(lang: Lang): string {
  return LOCALE[lang];
}

/** A whole count with the language's grouping: 12,345. A missing value is an en dash. */
export function count(lang: Lang, n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? '–' : new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 0 }).format(n);
}

/** A number with up to two decimals (properties, averages). */
export function decimal(lang: Lang, n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? '–' : new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 2 }).format(n);
}

/** A rate 0..1 as a percentage: 0.0482 → "4.82%"; small rates keep two decimals, large ones one. */
export function percent(lang: Lang, rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '–';
  const digits = Math.abs(rate) < 0.1 ? 2 : 1;
  return new Intl.NumberFormat(LOCALE[lang], { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(rate);
}

/** A confidence level without needless decimals: 0.95 → "95%", 0.975 → "97.5%". */
export function level(lang: Lang, confidence: number): string {
  return new Intl.NumberFormat(LOCALE[lang], { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: 1 }).format(confidence);
}

/** A difference of two rates in percentage points, signed: 0.013 → "+1.30 pt" (en) / "+1.30ポイント" (ja). */
export function points(lang: Lang, diff: number | null | undefined): string {
  if (diff === null || diff === undefined || !Number.isFinite(diff)) return '–';
  const n = new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' }).format(diff * 100);
  return lang === 'ja' ? `${n}ポイント` : `${n} pt`;
}

/** A relative change, signed: 0.27 → "+27.0%". */
export function signedPercent(lang: Lang, rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '–';
  return new Intl.NumberFormat(LOCALE[lang], { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(rate);
}

/** Money in yen (goal values are the shop's prices): 512000 → "￥512,000" (ja) / "¥512,000" (en). */
export function yen(lang: Lang, n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '–';
  return new Intl.NumberFormat(LOCALE[lang], { style: 'currency', currency: 'JPY', maximumFractionDigits: 0 }).format(n);
}

/** A duration in seconds, short: 75 → "1分15秒" / "1 min 15 s"; 3725 → "1時間2分" / "1 h 2 min". */
export function duration(lang: Lang, seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '–';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
  if (lang === 'ja') return h ? `${h}時間${m}分` : m ? `${m}分${r}秒` : `${r}秒`;
  return h ? `${h} h ${m} min` : m ? `${m} min ${r} s` : `${r} s`;
}

/**
 * An ISO-8601 duration as the goal window is given ("P7D", "PT168H", "PT30M") or "session", in words:
 * "7日" / "7 days". Whole days when the hours make days. Anything else is shown as it is.
 */
export function window(lang: Lang, text: string | null | undefined): string {
  if (!text) return '–';
  if (text === 'session') return lang === 'ja' ? '同じセッション' : 'the same session';
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return text;
  const total = ((Number(m[1] ?? 0) * 24 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 60 + Number(m[4] ?? 0);
  const units: [number, string, string][] = [[86400, '日', 'day'], [3600, '時間', 'hour'], [60, '分', 'minute'], [1, '秒', 'second']];
  for (const [size, ja, en] of units) {
    if (total >= size && total % size === 0) {
      const n = total / size;
      return lang === 'ja' ? `${n}${ja}` : `${n} ${en}${n === 1 ? '' : 's'}`;
    }
  }
  return text;
}

/** An instant (ISO text or epoch ms) as date and time in the site's timezone: "2026/11/24 18:05". */
export function dateTime(lang: Lang, when: string | number | null | undefined, timeZone?: string): string {
  if (when === null || when === undefined) return '–';
  const d = new Date(when);
  if (Number.isNaN(d.getTime())) return '–';
  return new Intl.DateTimeFormat(LOCALE[lang], { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
}

/** The time of day only, with seconds: "18:05:09". */
export function timeOfDay(lang: Lang, when: string | number, timeZone?: string): string {
  const d = new Date(when);
  if (Number.isNaN(d.getTime())) return '–';
  return new Intl.DateTimeFormat(LOCALE[lang], { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(d);
}

/** A calendar day "YYYY-MM-DD" as the language writes it, short: "11/24" / "Nov 24". */
export function day(lang: Lang, isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return new Intl.DateTimeFormat(LOCALE[lang], { timeZone: 'UTC', month: lang === 'ja' ? 'numeric' : 'short', day: 'numeric' }).format(Date.UTC(y, m - 1, d));
}

/** A calendar day "YYYY-MM-DD" with its year: "2026/11/24" / "11/24/2026". */
export function fullDay(lang: Lang, isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return new Intl.DateTimeFormat(LOCALE[lang], { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' }).format(Date.UTC(y, m - 1, d));
}

/** Today's date "YYYY-MM-DD" in a timezone, and that date moved by some days. */
export function today(timeZone: string, now: number = Date.now()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

// ---- the campaign report ---------------------------------------------------------------------------

export type Verdict = 'collecting' | 'likely_win' | 'win' | 'lose' | 'no_difference';
export const VERDICTS: Verdict[] = ['collecting', 'likely_win', 'win', 'lose', 'no_difference'];

/** The verdict as a word key and its explanation key (words/explorer.ts); unknown verdicts read as collecting. */
export function verdictKeys(v: string | null | undefined): { label: `verdict.${Verdict}`; meaning: `verdict.${Verdict}.meaning`; tone: 'good' | 'bad' | 'neutral' | 'pending' } {
  const known: Verdict = VERDICTS.includes(v as Verdict) ? (v as Verdict) : 'collecting';
  const tone = known === 'win' || known === 'likely_win' ? 'good' : known === 'lose' ? 'bad' : known === 'no_difference' ? 'neutral' : 'pending';
  return { label: `verdict.${known}`, meaning: `verdict.${known}.meaning`, tone };
}

export interface ArmCounts {
  arm: string; control?: boolean; exposed: number; deliveries: number; shows: number; clicks: number; closes: number;
  goal_visitors: number; goal_value?: number; goal_rate?: number | null; value_per_exposed?: number | null; click_rate?: number | null;
  goals?: number; probability_best?: number;
}
export interface Interval { estimate: number; low: number; high: number }
export interface ComparisonJson {
  arm: string; method: string; control_rate: number; rate: number; absolute_lift: Interval; relative_lift: Interval | null;
  p_value: number; confidence: number; verdict: string; decided_on?: string | null;
}
export interface DailyJson { date: string; arms: ArmCounts[] }
export interface ReportJson {
  campaign: string; from: string; to: string; timezone: string; method: string; allocation?: string; horizon: number | null;
  confidence: number; goal?: { event: string; window?: string; value?: string } | null; arms: ArmCounts[];
  comparisons: ComparisonJson[]; verdict: string; best?: string | null; daily: DailyJson[]; note?: string;
}

/** The arms in a stable order for tables and legends: control first, then the variants as the report lists them. */
export function armOrder(report: Pick<ReportJson, 'arms'>): string[] {
  const control = report.arms.filter((a) => a.control).map((a) => a.arm);
  return [...control, ...report.arms.filter((a) => !a.control).map((a) => a.arm)];
}

/**
 * The daily goal rate per arm: for each day the share of that day's newly exposed visitors who reached the
 * goal (the cohort of the day, docs/measurement.md §9), null on a day the arm exposed nobody (a gap, not 0).
 * With `cumulative`, the rate over the days so far, which settles as visitors come in.
 */
export function dailyRates(report: Pick<ReportJson, 'arms' | 'daily'>, cumulative = false): { labels: string[]; series: { arm: string; rates: (number | null)[] }[] } {
  const arms = armOrder(report);
  const labels = report.daily.map((d) => d.date);
  const series = arms.map((arm) => {
    let exposed = 0, goals = 0;
    const rates = report.daily.map((d) => {
      const a = d.arms.find((x) => x.arm === arm);
      if (cumulative) {
        exposed += a?.exposed ?? 0;
        goals += a?.goal_visitors ?? 0;
        return exposed > 0 ? goals / exposed : null;
      }
      return a && a.exposed > 0 ? a.goal_visitors / a.exposed : null;
    });
    return { arm, rates };
  });
  return { labels, series };
}

/** One row per variant compared with control, for the lift chart: the estimate and its interval in points. */
export function liftRows(report: Pick<ReportJson, 'comparisons'>): { arm: string; estimate: number; low: number; high: number; verdict: string; relative: Interval | null }[] {
  return report.comparisons.map((c) => ({
    arm: c.arm, estimate: c.absolute_lift.estimate, low: c.absolute_lift.low, high: c.absolute_lift.high, verdict: c.verdict, relative: c.relative_lift,
  }));
}

/** Whether an interval lies wholly above 0, below 0, or straddles it: what the chart's colour says. */
export function side(i: { low: number; high: number }): 'above' | 'below' | 'straddles' {
  return i.low > 0 ? 'above' : i.high < 0 ? 'below' : 'straddles';
}

// ---- funnels ---------------------------------------------------------------------------------------

export interface FunnelStep { name: string; visitors: number; drop_off: number | null; rate_from_previous: number | null; rate_from_first: number | null }

/** Steps as typed, cleaned: trimmed, empty ones dropped. */
export function cleanSteps(raw: string[]): string[] {
  return raw.map((s) => s.trim()).filter((s) => s.length > 0);
}

/** Where the most visitors are lost: the step (index ≥ 1) with the largest drop-off, or -1 when none lose anyone. */
export function bottleneck(steps: FunnelStep[]): number {
  let best = -1, most = 0;
  steps.forEach((s, i) => {
    if (i > 0 && (s.drop_off ?? 0) > most) { most = s.drop_off ?? 0; best = i; }
  });
  return best;
}

// ---- the timeline ----------------------------------------------------------------------------------

export interface TimelineEvent { id: string; name: string; ts: string; properties?: Record<string, unknown> | null; page?: string; visitor?: string }
export interface SessionBlock { visitor: string; start: number; end: number; events: TimelineEvent[]; pageViews: number; landing?: string; source?: string }

const CAMPAIGN_PARAMS = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content', 'gclid', 'gbraid', 'wbraid', 'dclid',
  'yclid', 'msclkid', 'ldtag_cl', 'twclid', 'ttclid', 'li_fat_id', 'sccid', 'rdt_cid'];

/** A page's campaign parameters as one comparable text ("" when none), names matched ignoring case, values trimmed. */
export function campaignKey(url: string | undefined): string {
  if (!url) return '';
  let params: URLSearchParams;
  try {
    params = new URL(url).searchParams;
  } catch {
    return '';
  }
  const found: Record<string, string> = {};
  params.forEach((v, k) => {
    const name = k.toLowerCase();
    if (CAMPAIGN_PARAMS.includes(name) && !(name in found) && v.trim()) found[name] = v.trim();
  });
  return CAMPAIGN_PARAMS.filter((n) => n in found).map((n) => `${n}=${found[n]}`).join('&');
}

/**
 * Cuts one browser's events into sessions as the engine does (docs/sessions.md §1): a silence of at least the
 * site's timeout, or a page view arriving with campaign parameters that differ from the session's. Events may
 * come in any order; blocks come back newest first, each with its events newest first. Late events (older than
 * the one before) never start a session, as in the engine, because events are taken in time order here.
 */
export function sessionsOf(visitor: string, events: TimelineEvent[], timeoutSeconds: number): SessionBlock[] {
  const sorted = [...events].sort((a, b) => Date.parse(a.ts) - Date.parse(b.ts) || a.id.localeCompare(b.id));
  const blocks: SessionBlock[] = [];
  let current: SessionBlock | null = null;
  let campaign = '';
  let last = -Infinity;
  for (const e of sorted) {
    const at = Date.parse(e.ts);
    const key = e.name === 'view' ? campaignKey(e.page) : '';
    const silence = at - last >= timeoutSeconds * 1000;
    const newSource = e.name === 'view' && key !== '' && key !== campaign;
    if (!current || silence || newSource) {
      current = { visitor, start: at, end: at, events: [], pageViews: 0, landing: e.page, source: undefined };
      campaign = e.name === 'view' ? key : '';
      blocks.push(current);
    }
    current.events.push({ ...e, visitor });
    current.end = at;
    if (e.name === 'view') {
      current.pageViews += 1;
      if (current.pageViews === 1) current.landing = e.page;
    }
    last = Math.max(last, at);
  }
  for (const b of blocks) b.events.reverse();
  return blocks.reverse();
}

/** Sessions of several browsers of one person, newest first by their latest event. */
export function mergeSessions(perVisitor: SessionBlock[][]): SessionBlock[] {
  return perVisitor.flat().sort((a, b) => b.end - a.end || a.visitor.localeCompare(b.visitor));
}

/**
 * Paging several newest-first timelines together: each source has its loaded events (newest first) and
 * whether older ones remain. Events are safe to show down to the newest "oldest loaded" of the sources that
 * have more, since an unloaded event of such a source may be older than that but never newer. Returns the
 * cut-off (epoch ms; -Infinity when everything is loaded) and which sources to page next to move it.
 */
export function mergeCutoff(sources: { events: TimelineEvent[]; more: boolean }[]): { cutoff: number; next: number[] } {
  let cutoff = -Infinity;
  const oldest = sources.map((s) => (s.events.length ? Date.parse(s.events[s.events.length - 1].ts) : Infinity));
  sources.forEach((s, i) => { if (s.more) cutoff = Math.max(cutoff, oldest[i]); });
  const next = sources.map((s, i) => (s.more && oldest[i] >= cutoff ? i : -1)).filter((i) => i >= 0);
  return { cutoff, next };
}

/** The path and query of a URL for display ("/items/7?x=1"), or the text itself when it is no URL. */
export function pathOf(url: string | undefined): string {
  if (!url) return '';
  try {
    const u = new URL(url);
    return u.pathname + u.search;
  } catch {
    return url;
  }
}

/** A property bag as one short line of text (never markup): {"price": 4500, "items": 2} → "price: 4500, items: 2". */
export function propertiesLine(props: Record<string, unknown> | null | undefined, max = 160): string {
  if (!props) return '';
  const parts = Object.entries(props).map(([k, v]) => `${k}: ${typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`);
  const line = parts.join(', ');
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** How long a session lasted: from its first to its latest event, in seconds. */
export function sessionSeconds(startIso: string | null | undefined, lastIso: string | null | undefined): number | null {
  if (!startIso || !lastIso) return null;
  const s = Date.parse(startIso), l = Date.parse(lastIso);
  return Number.isNaN(s) || Number.isNaN(l) ? null : Math.max(0, (l - s) / 1000);
}
