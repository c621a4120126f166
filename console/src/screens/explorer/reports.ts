// Reports (レポート): the real-time overview of the site (GET …/overview: active visitors in the last five
// minutes, events and deliveries per minute over the last hour, goals today), refreshed every 10 seconds while
// the screen is shown and the tab visible; and every campaign with its headline verdict (from its report over
// the default range), each linking to the campaign's report.
import { api } from '../../api';
import { h } from '../../dom';
import { errorMessage } from '../../errors';
import { lang, t } from '../../i18n';
import { chartFigure, dataTable, PALETTE } from './charts';
import { fmtCount, fmtPercent, frame, inBatches, listTable, reportsNav, siteApi, siteInfo, sitePath, tile } from './common';
import { fullDay, ReportJson, timeOfDay, verdictKeys } from './format';

export interface Overview {
  now: string; active_visitors: number; goals_today: number; events_last_hour: number; deliveries_last_hour: number;
  minutes: { minute: string; events: number; deliveries: number }[];
}

const REFRESH_MS = 10_000;

interface CampaignItem { id: string; name?: string; status?: string }

export async function reportsOverview(site: string): Promise<HTMLElement> {
  const [info, overview, { items }] = await Promise.all([
    siteInfo(site),
    api<Overview>('GET', `${siteApi(site)}/overview`),
    api<{ items: CampaignItem[] }>('GET', `${siteApi(site)}/campaigns`),
  ]);
  const live = h('section', { class: 'card', 'aria-labelledby': 'r-now' });
  const drawOverview = (o: Overview) => {
    live.replaceChildren(
      h('h2', { id: 'r-now' }, t('reports.now')),
      h('div', { class: 'tiles' },
        tile(t('reports.active'), fmtCount(o.active_visitors), t('reports.active.hint'), 'active'),
        tile(t('reports.events'), fmtCount(o.events_last_hour), t('reports.lastHour'), 'events'),
        tile(t('reports.deliveries'), fmtCount(o.deliveries_last_hour), t('reports.lastHour'), 'deliveries'),
        tile(t('reports.goals'), fmtCount(o.goals_today), t('reports.goals.hint'), 'goals')),
      minuteChart(o, info.timezone),
      h('p', { class: 'muted', 'data-updated': o.now }, t('reports.updated', { time: timeOfDay(lang(), o.now, info.timezone) })));
  };
  drawOverview(overview);

  const campaigns = h('section', { class: 'card', 'aria-labelledby': 'r-campaigns' },
    h('h2', { id: 'r-campaigns' }, t('reports.campaigns')),
    h('p', { class: 'muted' }, t('reports.campaigns.lead')));
  const table = h('div', {}, h('p', { class: 'muted' }, t('common.loading')));
  campaigns.append(table);
  void campaignVerdicts(site, items).then((el) => table.replaceChildren(el)).catch((err) => {
    table.replaceChildren(h('p', { class: 'notice error', role: 'alert' }, errorMessage(err)));
  });

  const page = frame(info, 'reports', `${t('reports.title')} — ${info.name || site}`, reportsNav(site, 'overview'),
    h('p', { class: 'lead' }, t('reports.lead')), live, campaigns);

  // refresh while the screen is shown (the element is in the page) and the browser tab is visible
  const timer = window.setInterval(async () => {
    if (!page.isConnected) { window.clearInterval(timer); return; }
    if (document.visibilityState !== 'visible') return;
    try {
      drawOverview(await api<Overview>('GET', `${siteApi(site)}/overview`));
    } catch { /* the next tick tries again */ }
  }, REFRESH_MS);
  return page;
}

function minuteChart(o: Overview, zone: string): HTMLElement {
  const L = lang();
  const labels = o.minutes.map((m) => timeOfDay(L, m.minute, zone).slice(0, 5));
  const busiest = o.minutes.reduce((best, m) => (m.events > best.events ? m : best), o.minutes[0] ?? { minute: o.now, events: 0, deliveries: 0 });
  const summary = t('reports.minutes.summary', { events: fmtCount(o.events_last_hour), deliveries: fmtCount(o.deliveries_last_hour),
    peak: fmtCount(busiest.events), at: timeOfDay(L, busiest.minute, zone).slice(0, 5) });
  const rows = o.minutes.filter((m) => m.events > 0 || m.deliveries > 0)
    .map((m) => [timeOfDay(L, m.minute, zone).slice(0, 5), fmtCount(m.events), fmtCount(m.deliveries)]);
  return chartFigure({
    caption: t('reports.minutes'),
    summary,
    className: 'minutes',
    table: dataTable(t('reports.minutes'), [t('reports.minute'), t('reports.events'), t('reports.deliveries')],
      rows.length ? rows : [[t('reports.minutes.none'), '0', '0']], [false, true, true]),
    config: {
      type: 'bar',
      data: {
        labels,
        datasets: [
          { type: 'bar', label: t('reports.events'), data: o.minutes.map((m) => m.events), backgroundColor: PALETTE[0] },
          { type: 'line', label: t('reports.deliveries'), data: o.minutes.map((m) => m.deliveries), borderColor: PALETTE[1], backgroundColor: PALETTE[1], pointRadius: 0, borderWidth: 2 },
        ],
      },
      options: {
        scales: { x: { ticks: { maxTicksLimit: 7, autoSkip: true } }, y: { beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { position: 'bottom' } },
      },
    },
  });
}

/** Each campaign's report over its default range, reduced to what the list shows. */
async function campaignVerdicts(site: string, items: CampaignItem[]): Promise<HTMLElement> {
  if (items.length === 0) return h('p', { class: 'empty' }, t('campaigns.empty'));
  const reports = await inBatches(items, 4, (c) => api<ReportJson>('GET', `${siteApi(site)}/campaigns/${encodeURIComponent(c.id)}/report`).catch(() => null));
  const L = lang();
  const headers = [t('campaigns.name'), t('campaigns.status'), t('report.exposed'), t('report.goalRate'), t('report.verdict'), t('report.range')];
  const rows = items.map((c, i) => {
    const r = reports[i];
    const exposed = r ? r.arms.reduce((n, a) => n + a.exposed, 0) : null;
    const best = r?.arms.find((a) => a.arm === r.best) ?? r?.arms.find((a) => !a.control);
    const v = verdictKeys(r?.verdict);
    return [
      [h('a', { href: sitePath(site, `/campaigns/${encodeURIComponent(c.id)}/report`), 'data-report-link': c.id }, c.name ?? c.id), h('div', { class: 'muted mono' }, c.id)],
      h('span', { class: `status ${c.status ?? 'draft'}` }, ['live', 'paused', 'draft', 'ended'].includes(c.status ?? 'draft') ? t(`campaigns.${c.status ?? 'draft'}` as 'campaigns.live') : (c.status ?? '')),
      fmtCount(exposed),
      best && best.exposed > 0 ? fmtPercent(best.goal_rate ?? null) : '–',
      r ? h('span', { class: `verdict ${v.tone}`, 'data-verdict': r.verdict }, t(v.label)) : '–',
      r ? `${fullDay(L, r.from)} – ${fullDay(L, r.to)}` : '–',
    ];
  });
  return listTable(t('reports.campaigns'), headers, rows, [false, false, true, true, false, false], (i) => ({ 'data-campaign-row': items[i].id }));
}
