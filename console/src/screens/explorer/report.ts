// A campaign's report (GET …/campaigns/{id}/report, docs/measurement.md §11): the verdict in words, per arm the
// exposed visitors, deliveries, shows, clicks, closes, goal visitors, goal rate and value; the daily goal rate
// per arm as a line chart; each variant's lift against the control group with its interval as an error-bar
// chart; the comparisons' figures. The range (from, to) and the method (sequential, or fixed with a planned
// horizon) are in the URL, so a report can be shared as it was read.
import { api, ApiError } from '../../api';
import { h } from '../../dom';
import { Key, lang, t } from '../../i18n';
import { navigate } from '../../router';
import { busy, field, notice, showError } from '../../ui';
import { chartFigure, CONTROL, dataTable, PALETTE } from './charts';
import { fmtCount, frame, listTable, reportsNav, siteApi, siteInfo, sitePath, whenAttached } from './common';
import {
  armOrder, ComparisonJson, dailyRates, day, fullDay, level as confidenceLevel, liftRows, percent, points, ReportJson, side, signedPercent, verdictKeys, window as goalWindow, yen,
} from './format';

export function armLabel(arm: string, control?: boolean): string {
  return control || arm === 'control' ? t('report.control') : arm;
}

/** The query the report is asked with, from the page's URL: only what was given. */
export function reportQuery(search: string): URLSearchParams {
  const given = new URLSearchParams(search);
  const q = new URLSearchParams();
  for (const k of ['from', 'to', 'method', 'horizon']) {
    const v = given.get(k);
    if (v) q.set(k, v);
  }
  if (q.get('method') !== 'fixed') q.delete('horizon');
  return q;
}

export async function campaignReport(site: string, id: string): Promise<HTMLElement> {
  const base = siteApi(site);
  const q = reportQuery(location.search);
  const [info, campaign] = await Promise.all([
    siteInfo(site),
    api<{ id: string; name?: string; status?: string }>('GET', `${base}/campaigns/${encodeURIComponent(id)}`).catch((err) => {
      if (err instanceof ApiError && err.status === 404) return null;
      throw err;
    }),
  ]);
  const title = `${t('report.title')} — ${campaign?.name ?? id}`;
  if (!campaign) return frame(info, 'reports', title, reportsNav(site, null), notice(t('report.noCampaign', { id }), 'error'));
  const form = h('form', { class: 'card range', novalidate: true },
    h('div', { class: 'grid' },
      field({ name: 'from', label: 'report.from', type: 'date', value: q.get('from') ?? '' }),
      field({ name: 'to', label: 'report.to', type: 'date', value: q.get('to') ?? '' }),
      field({ name: 'method', label: 'report.method', value: q.get('method') ?? 'sequential', help: 'report.method.help',
        options: [{ value: 'sequential', label: t('report.method.sequential') }, { value: 'fixed', label: t('report.method.fixed') }] }),
      field({ name: 'horizon', label: 'report.horizon', type: 'number', min: 1, value: q.get('horizon') ?? '', help: 'report.horizon.help' })),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('report.show'))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = Object.fromEntries(new FormData(form).entries()) as Record<string, string>;
    const next = new URLSearchParams();
    for (const k of ['from', 'to', 'method', 'horizon']) if (v[k]?.trim()) next.set(k, v[k].trim());
    if (next.get('method') === 'sequential') next.delete('method');
    const s = reportQuery(`?${next}`).toString();
    navigate(`${sitePath(site, `/campaigns/${encodeURIComponent(id)}/report`)}${s ? `?${s}` : ''}`);
  });
  const body = h('div', { class: 'report-body' });
  const page = frame(info, 'reports', title, reportsNav(site, null),
    h('p', { class: 'actions' },
      h('a', { href: sitePath(site, '/reports'), class: 'button-link' }, t('report.back')),
      h('a', { href: sitePath(site, `/campaigns/${encodeURIComponent(id)}`), class: 'button-link' }, t('report.campaign'))),
    form, body);
  try {
    const qs = q.toString();
    const r = await busy(form, () => api<ReportJson>('GET', `${base}/campaigns/${encodeURIComponent(id)}/report${qs ? `?${qs}` : ''}`));
    (form.querySelector('[name=from]') as HTMLInputElement).value = r.from;
    (form.querySelector('[name=to]') as HTMLInputElement).value = r.to;
    body.append(...reportBody(r));
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 400) throw err;
    whenAttached(form, () => showError(form, err));
  }
  return page;
}

function reportBody(r: ReportJson): HTMLElement[] {
  const L = lang();
  const level = confidenceLevel(L, r.confidence);
  const v = verdictKeys(r.verdict);
  const best = r.comparisons.find((c) => c.arm === r.best) ?? r.comparisons[0];
  const verdict = h('section', { class: `card verdict-card ${v.tone}`, 'aria-labelledby': 'rp-verdict' },
    h('h2', { id: 'rp-verdict' }, t('report.verdict')),
    h('p', { class: 'verdict-line' }, h('span', { class: `verdict big ${v.tone}`, 'data-verdict': r.verdict }, t(v.label)),
      r.best ? h('span', { class: 'muted' }, ` ${t('report.bestArm', { arm: armLabel(r.best) })}`) : null),
    h('p', {}, t(v.meaning)),
    best ? h('p', { 'data-lift-sentence': '' }, liftSentence(best, level)) : null,
    best?.decided_on ? h('p', { class: 'muted' }, t('report.decidedOn', { date: fullDay(L, best.decided_on) })) : null,
    h('p', { class: 'muted' }, t(r.method === 'fixed' ? 'report.method.fixed.explain' : 'report.method.sequential.explain')),
    r.note || r.comparisons.length === 0 ? notice(t('report.noControl'), 'info') : null,
    h('p', { class: 'muted' }, t('report.rangeLine', { from: fullDay(L, r.from), to: fullDay(L, r.to), zone: r.timezone }),
      r.goal ? ` ${t('report.goalLine', { event: r.goal.event, window: goalWindow(L, r.goal.window) })}` : ` ${t('report.noGoal')}`),
    h('details', {}, h('summary', {}, t('report.verdicts.all')),
      h('dl', { class: 'facts verdicts' }, (['collecting', 'likely_win', 'win', 'lose', 'no_difference'] as const).flatMap((k) =>
        [h('dt', {}, t(`verdict.${k}`)), h('dd', {}, t(`verdict.${k}.meaning`))]))));
  return [verdict, armsTable(r), dailyChart(r), liftChart(r, level), comparisonsTable(r, level)].filter(Boolean) as HTMLElement[];
}

function liftSentence(c: ComparisonJson, level: string): string {
  const L = lang();
  const first = t('report.liftSentence', {
    arm: armLabel(c.arm), rate: percent(L, c.rate), control: percent(L, c.control_rate), diff: points(L, c.absolute_lift.estimate),
    level, low: points(L, c.absolute_lift.low), high: points(L, c.absolute_lift.high),
  });
  if (!c.relative_lift) return first;
  return `${first} ${t('report.liftSentence.relative', { relative: signedPercent(L, c.relative_lift.estimate),
    low: signedPercent(L, c.relative_lift.low), high: signedPercent(L, c.relative_lift.high) })}`;
}

function armsTable(r: ReportJson): HTMLElement {
  const L = lang();
  const bandit = r.arms.some((a) => a.probability_best !== undefined);
  const headers = [t('report.arm'), t('report.exposed'), t('report.deliveries'), t('report.shows'), t('report.clicks'), t('report.closes'),
    t('report.clickRate'), t('report.goalVisitors'), t('report.goalRate'), t('report.goalValue'), t('report.valuePerExposed'),
    ...(bandit ? [t('report.probabilityBest')] : [])];
  const arms = armOrder(r).map((name) => r.arms.find((a) => a.arm === name)!);
  const rows = arms.map((a) => [
    h('span', { class: a.control ? 'arm control' : 'arm' }, armLabel(a.arm, a.control)),
    fmtCount(a.exposed), fmtCount(a.deliveries), fmtCount(a.shows), fmtCount(a.clicks), fmtCount(a.closes), percent(L, a.click_rate),
    fmtCount(a.goal_visitors), percent(L, a.goal_rate), yen(L, a.goal_value), yen(L, a.value_per_exposed),
    ...(bandit ? [a.probability_best === undefined ? '–' : percent(L, a.probability_best)] : [])]);
  return h('section', { class: 'card', 'aria-labelledby': 'rp-arms' },
    h('h2', { id: 'rp-arms' }, t('report.arms')),
    h('div', { class: 'scroll' }, listTable(t('report.arms'), headers, rows, headers.map((_, i) => i > 0), (i) => ({ 'data-arm': arms[i].arm }))));
}

function dailyChart(r: ReportJson): HTMLElement {
  const holder = h('div', {});
  const toggle = h('fieldset', { class: 'toggle' },
    h('legend', { class: 'sr-only' }, t('report.daily.mode')),
    h('label', {}, h('input', { type: 'radio', name: 'daily-mode', value: 'daily', checked: true }), ` ${t('report.daily.perDay')}`),
    h('label', {}, h('input', { type: 'radio', name: 'daily-mode', value: 'cumulative' }), ` ${t('report.daily.cumulative')}`));
  const draw = (cumulative: boolean) => holder.replaceChildren(dailyFigure(r, cumulative));
  toggle.addEventListener('change', () => draw((toggle.querySelector('input:checked') as HTMLInputElement).value === 'cumulative'));
  draw(false);
  return h('section', { class: 'card', 'aria-labelledby': 'rp-daily' }, h('h2', { id: 'rp-daily' }, t('report.daily')),
    h('p', { class: 'muted' }, t('report.daily.lead')), toggle, holder);
}

function dailyFigure(r: ReportJson, cumulative: boolean): HTMLElement {
  const L = lang();
  const { labels, series } = dailyRates(r, cumulative);
  const control = new Set(r.arms.filter((a) => a.control).map((a) => a.arm));
  const last = (rates: (number | null)[]) => [...rates].reverse().find((x) => x !== null) ?? null;
  const summary = labels.length === 0 ? t('report.daily.none') : t('report.daily.summary', {
    from: day(L, labels[0]), to: day(L, labels[labels.length - 1]),
    arms: series.map((s) => `${armLabel(s.arm, control.has(s.arm))} ${percent(L, last(s.rates))}`).join(', '),
  });
  let variant = 0;
  return chartFigure({
    caption: cumulative ? t('report.daily.cumulativeCaption') : t('report.daily.caption'),
    summary,
    className: 'daily',
    table: dataTable(t('report.daily'), [t('report.day'), ...series.map((s) => armLabel(s.arm, control.has(s.arm)))],
      labels.map((d, i) => [fullDay(L, d), ...series.map((s) => percent(L, s.rates[i]))]), [false, ...series.map(() => true)]),
    config: {
      type: 'line',
      data: {
        labels: labels.map((d) => day(L, d)),
        datasets: series.map((s) => {
          const isControl = control.has(s.arm);
          const colour = isControl ? CONTROL : PALETTE[variant++ % PALETTE.length];
          return { label: armLabel(s.arm, isControl), data: s.rates.map((x) => (x === null ? null : x * 100)), borderColor: colour, backgroundColor: colour,
            borderDash: isControl ? [6, 4] : undefined, spanGaps: false, pointRadius: labels.length > 40 ? 0 : 3, borderWidth: 2, tension: 0 };
        }),
      },
      options: {
        scales: { y: { beginAtZero: true, title: { display: true, text: t('report.goalRate') }, ticks: { callback: (v) => `${v}%` } } },
        plugins: {
          legend: { position: 'bottom' },
          tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label}: ${ctx.parsed.y === null ? '–' : percent(L, ctx.parsed.y / 100)}` } },
        },
      },
    },
  });
}

function liftChart(r: ReportJson, level: string): HTMLElement | null {
  const rows = liftRows(r);
  if (rows.length === 0) return null;
  const L = lang();
  const colour = (x: { low: number; high: number }) => ({ above: '#1f7a4d', below: '#b42318', straddles: '#5f6b7a' })[side(x)];
  const lo = Math.min(0, ...rows.map((x) => x.low)) * 100, hi = Math.max(0, ...rows.map((x) => x.high)) * 100;
  const pad = Math.max(0.5, (hi - lo) * 0.1);
  const summary = rows.map((x) => t('report.lift.summaryRow', {
    arm: armLabel(x.arm), diff: points(L, x.estimate), low: points(L, x.low), high: points(L, x.high), level,
    side: t(`report.lift.${side(x)}` as Key),
  })).join(' ');
  return h('section', { class: 'card', 'aria-labelledby': 'rp-lift' },
    h('h2', { id: 'rp-lift' }, t('report.lift')),
    h('p', { class: 'muted' }, t('report.lift.lead', { level })),
    chartFigure({
      caption: t('report.lift.caption', { level }),
      summary,
      className: 'lift',
      table: dataTable(t('report.lift'), [t('report.arm'), t('report.lift.estimate'), t('report.lift.low'), t('report.lift.high'), t('report.verdict')],
        rows.map((x) => [armLabel(x.arm), points(L, x.estimate), points(L, x.low), points(L, x.high), t(verdictKeys(x.verdict).label)]),
        [false, true, true, true, false]),
      config: {
        type: 'bar',
        data: {
          labels: rows.map((x) => armLabel(x.arm)),
          datasets: [
            { type: 'bar', label: t('report.lift.interval', { level }), data: rows.map((x) => [x.low * 100, x.high * 100]) as unknown as number[],
              backgroundColor: rows.map((x) => `${colour(x)}55`), borderColor: rows.map(colour), borderWidth: 2, barPercentage: 0.35, borderSkipped: false },
            { type: 'line', label: t('report.lift.estimate'), data: rows.map((x) => x.estimate * 100), showLine: false, pointRadius: 7,
              pointHoverRadius: 8, pointStyle: 'rectRot', borderColor: '#1f2933', backgroundColor: '#1f2933' },
          ],
        },
        options: {
          indexAxis: 'y',
          scales: {
            x: { min: Math.floor(lo - pad), max: Math.ceil(hi + pad), title: { display: true, text: t('report.lift.axis') },
              grid: { color: (ctx) => (ctx.tick?.value === 0 ? '#1f2933' : '#e3e7ec'), lineWidth: (ctx) => (ctx.tick?.value === 0 ? 2 : 1) },
              ticks: { callback: (v) => `${Number(v) > 0 ? '+' : ''}${v}` } },
          },
          plugins: {
            legend: { position: 'bottom' },
            tooltip: { callbacks: { label: (ctx) => {
              const x = rows[ctx.dataIndex];
              return ctx.datasetIndex === 0 ? `${points(L, x.low)} … ${points(L, x.high)}` : points(L, x.estimate);
            } } },
          },
        },
      },
    }));
}

function comparisonsTable(r: ReportJson, level: string): HTMLElement | null {
  if (r.comparisons.length === 0) return null;
  const L = lang();
  const headers = [t('report.arm'), t('report.controlRate'), t('report.goalRate'), t('report.absoluteLift'), t('report.relativeLift'), t('report.pValue'), t('report.verdict')];
  const rows = r.comparisons.map((c) => {
    const v = verdictKeys(c.verdict);
    return [armLabel(c.arm), percent(L, c.control_rate), percent(L, c.rate),
      `${points(L, c.absolute_lift.estimate)} [${points(L, c.absolute_lift.low)}, ${points(L, c.absolute_lift.high)}]`,
      c.relative_lift ? `${signedPercent(L, c.relative_lift.estimate)} [${signedPercent(L, c.relative_lift.low)}, ${signedPercent(L, c.relative_lift.high)}]` : '–',
      new Intl.NumberFormat(L === 'ja' ? 'ja-JP' : 'en-US', { maximumSignificantDigits: 3 }).format(c.p_value),
      h('span', { class: `verdict ${v.tone}` }, t(v.label))];
  });
  return h('section', { class: 'card', 'aria-labelledby': 'rp-comparisons' },
    h('h2', { id: 'rp-comparisons' }, t('report.comparisons')),
    h('p', { class: 'muted' }, t('report.comparisons.lead', { level })),
    h('div', { class: 'scroll' }, listTable(t('report.comparisons'), headers, rows, [false, true, true, true, true, true, false])));
}
