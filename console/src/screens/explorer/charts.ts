// Charts for the report screens, drawn by Chart.js 4 on a canvas (bundled by esbuild; only the pieces used are
// registered, so the rest is shaken out). Chart.js styles its canvas through the CSSOM, never with inline style
// attributes or injected <style> elements, so it runs under the console's CSP (style-src 'self').
//
// Every chart is a <figure>: a caption, the canvas with role="img" and a one-sentence summary as its label, and
// the same numbers as a table in a <details> (the text alternative for screen readers and for anyone who wants
// the figures). When Chart.js has painted, the canvas gets data-chart="drawn" (the e2e tests wait for it).
import {
  BarController, BarElement, CategoryScale, Chart, ChartConfiguration, Filler, Legend, LinearScale, LineController,
  LineElement, PointElement, Tooltip,
} from 'chart.js';
import { h, uid } from '../../dom';
import { t } from '../../i18n';

Chart.register(BarController, BarElement, CategoryScale, Filler, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip);
Chart.defaults.font.family = 'system-ui, -apple-system, "Hiragino Sans", "Noto Sans JP", "Yu Gothic UI", Meiryo, sans-serif';
Chart.defaults.color = '#1f2933';
Chart.defaults.animation = false;

/** Colours of the arms and series: control grey, then well-separated hues that stay apart for colour-blind eyes. */
export const PALETTE = ['#1d5fd1', '#b3282d', '#1f7a4d', '#8a5300', '#6b3fa0', '#0e7490'];
export const CONTROL = '#5f6b7a';

const live = new Map<Chart, number>();

/** Charts whose canvas left the page (the screen changed) are destroyed, so observers and memory go with them. */
function sweep(): void {
  const now = Date.now();
  for (const [chart, born] of live) {
    if (!chart.canvas.isConnected && now - born > 5_000) {
      chart.destroy();
      live.delete(chart);
    }
  }
}

export interface FigureOptions {
  caption: string;
  /** One sentence saying what the chart shows and its main finding, read by screen readers. */
  summary: string;
  /** The chart's numbers as a table. */
  table: HTMLTableElement;
  config: ChartConfiguration;
  tall?: boolean;
  className?: string;
}

export function chartFigure(o: FigureOptions): HTMLElement {
  sweep();
  const canvas = h('canvas', { role: 'img', 'aria-label': o.summary, id: uid('chart') });
  canvas.textContent = o.summary;
  const drawn = {
    id: 'omotenashiDrawn',
    afterRender: (chart: Chart) => { chart.canvas.dataset.chart = 'drawn'; },
  };
  const config = { ...o.config, plugins: [...(o.config.plugins ?? []), drawn] } as ChartConfiguration;
  config.options = { responsive: true, maintainAspectRatio: false, ...(config.options ?? {}) };
  const chart = new Chart(canvas, config);
  live.set(chart, Date.now());
  return h('figure', { class: `chart ${o.className ?? ''}`.trim() },
    h('figcaption', {}, o.caption),
    h('div', { class: o.tall ? 'chart-box tall' : 'chart-box' }, canvas),
    h('details', { class: 'chart-data' }, h('summary', {}, t('chart.data')), o.table));
}

/** A plain data table with a caption, headers and cells already formatted; numeric columns align right. */
export function dataTable(caption: string, headers: string[], rows: (string | number)[][], numeric: boolean[] = []): HTMLTableElement {
  return h('table', { class: 'list data labelled' },
    h('caption', { class: 'sr-only' }, caption),
    h('thead', {}, h('tr', {}, headers.map((x, i) => h('th', { scope: 'col', class: numeric[i] ? 'num' : null }, x)))),
    h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c, i) => (i === 0
      ? h('th', { scope: 'row', 'data-label': headers[i] }, String(c))
      : h('td', { 'data-label': headers[i], class: numeric[i] ? 'num' : null }, String(c))))))));
}
