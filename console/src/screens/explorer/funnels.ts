// Funnels (scenarios.md S23): the customer journey attract → engage → convert → retain of the visitors first
// seen in a range (GET …/funnels/journey), and a funnel of any ordered event names built here (POST …/funnels,
// a read: viewers may ask), each as a bar chart with its table and where the most visitors are lost. The
// steps and the range live in the URL (?steps=view,cart,buy&from=&to=), so a funnel can be shared.
import { api, ApiError } from '../../api';
import { h } from '../../dom';
import { errorMessage } from '../../errors';
import { Key, lang, t } from '../../i18n';
import { navigate } from '../../router';
import { busy, field, showError } from '../../ui';
import { chartFigure, dataTable, PALETTE } from './charts';
import { fmtCount, frame, reportsNav, siteApi, siteInfo, sitePath, whenAttached } from './common';
import { bottleneck, cleanSteps, count, FunnelStep, fullDay, percent } from './format';

const MAX_STEPS = 10;
const DEFAULT_STEPS = ['view', 'cart', 'buy'];
/** Names offered while typing a step: the ones the tag and the demo shop send, and the action events. */
const SUGGESTIONS = ['view', 'cart', 'buy', 'identify', 'signup_complete', 'brochure_request', 'favorite',
  '_action_delivered', '_action_shown', '_action_clicked', '_action_closed', '_form_submitted'];
const PHASES = ['attract', 'engage', 'convert', 'retain'];
const SOURCES = ['ad', 'search', 'social', 'email', 'referral', 'direct'];

interface JourneyPhase extends FunnelStep { by_source?: Record<string, number> }

/** The steps a URL asks for, else the default ones; at most ten. */
export function stepsFrom(search: string): string[] {
  const raw = new URLSearchParams(search).get('steps');
  const steps = raw === null ? DEFAULT_STEPS : cleanSteps(raw.split(','));
  return (steps.length ? steps : DEFAULT_STEPS).slice(0, MAX_STEPS);
}

export async function funnels(site: string): Promise<HTMLElement> {
  const info = await siteInfo(site);
  const params = new URLSearchParams(location.search);
  const steps = stepsFrom(location.search);
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const asked = params.has('steps');

  const stepList = h('ol', { class: 'steps' });
  const addStep = (value: string) => {
    const i = stepList.children.length;
    const input = h('input', { name: `steps.${i}`, value, list: 'funnel-events', required: true, 'aria-label': t('funnels.step', { n: i + 1 }), autocomplete: 'off' });
    const err = h('p', { class: 'field-error', id: `funnel-step-${i}-error`, hidden: true });
    input.dataset.errorId = err.id;
    const remove = h('button', { type: 'button', class: 'secondary small', 'aria-label': t('funnels.remove', { n: i + 1 }) }, '×');
    remove.addEventListener('click', () => {
      if (stepList.children.length <= 1) return;
      li.remove();
      renumber();
    });
    const li = h('li', { class: 'step' }, h('span', { class: 'step-no', 'aria-hidden': 'true' }, String(i + 1)), input, remove, err);
    stepList.append(li);
  };
  const renumber = () => Array.from(stepList.children).forEach((li, i) => {
    const input = li.querySelector('input')!;
    input.name = `steps.${i}`;
    input.setAttribute('aria-label', t('funnels.step', { n: i + 1 }));
    li.querySelector('.step-no')!.textContent = String(i + 1);
    li.querySelector('button')!.setAttribute('aria-label', t('funnels.remove', { n: i + 1 }));
    const err = li.querySelector('.field-error') as HTMLElement;
    err.id = `funnel-step-${i}-error`;
    input.dataset.errorId = err.id;
  });
  steps.forEach(addStep);
  const add = h('button', { type: 'button', class: 'secondary' }, t('funnels.add'));
  add.addEventListener('click', () => {
    if (stepList.children.length >= MAX_STEPS) return;
    addStep('');
    (stepList.lastElementChild?.querySelector('input') as HTMLInputElement).focus();
  });

  const form = h('form', { class: 'card', novalidate: true },
    h('h2', {}, t('funnels.builder')),
    h('p', { class: 'muted' }, t('funnels.builder.lead')),
    h('fieldset', { class: 'steps-set' }, h('legend', {}, t('funnels.steps')), stepList, h('div', { class: 'actions' }, add)),
    h('datalist', { id: 'funnel-events' }, SUGGESTIONS.map((s) => h('option', { value: s }))),
    h('div', { class: 'grid' },
      field({ name: 'from', label: 'report.from', type: 'date', value: from, help: 'funnels.from.help' }),
      field({ name: 'to', label: 'report.to', type: 'date', value: to })),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('funnels.run'))));
  const answer = h('div', { class: 'funnel-answer', 'aria-live': 'polite' });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const names = Array.from(stepList.querySelectorAll('input')).map((i) => i.value);
    const blank = names.findIndex((n) => !n.trim());
    if (blank >= 0) {
      showError(form, new ApiError(400, 'required', t('common.required'), `steps.${blank}`));
      return;
    }
    const q = new URLSearchParams({ steps: cleanSteps(names).join(',') });
    const v = Object.fromEntries(new FormData(form).entries()) as Record<string, string>;
    if (v.from) q.set('from', v.from);
    if (v.to) q.set('to', v.to);
    navigate(`${sitePath(site, '/funnels')}?${q}`);
  });

  const journey = h('section', { class: 'card', 'aria-labelledby': 'f-journey' },
    h('h2', { id: 'f-journey' }, t('funnels.journey')),
    h('p', { class: 'muted' }, t('funnels.journey.lead')));
  const page = frame(info, 'reports', `${t('funnels.title')} — ${info.name || site}`, reportsNav(site, 'funnels'),
    h('p', { class: 'lead' }, t('funnels.lead')), form, answer, journey);

  const range = new URLSearchParams();
  if (from) range.set('from', from);
  if (to) range.set('to', to);
  const [journeyReply, funnelReply] = await Promise.allSettled([
    api<{ from: string; to: string; phases: JourneyPhase[] }>('GET', `${siteApi(site)}/funnels/journey${range.size ? `?${range}` : ''}`),
    asked ? busy(form, () => api<{ from: string; to: string; steps: FunnelStep[] }>('POST', `${siteApi(site)}/funnels`,
      { steps, ...(from ? { from } : {}), ...(to ? { to } : {}) })) : Promise.resolve(null),
  ]);
  if (funnelReply.status === 'fulfilled' && funnelReply.value) {
    answer.append(funnelFigure(funnelReply.value));
  } else if (funnelReply.status === 'rejected') {
    const err = funnelReply.reason;
    // the API names a step as steps[1]: its input is steps.1
    if (err instanceof ApiError) {
      const fix = (p?: string) => p?.replace(/^steps\[(\d+)]$/, 'steps.$1');
      err.path = fix(err.path);
      err.errors = err.errors.map((x) => ({ ...x, path: fix(x.path) ?? x.path }));
    }
    whenAttached(form, () => showError(form, err));
  }
  if (journeyReply.status === 'fulfilled') journey.append(journeyFigure(journeyReply.value));
  else journey.append(h('p', { class: 'notice error', role: 'alert' }, errorMessage(journeyReply.reason)));
  return page;
}

function stepRows(steps: FunnelStep[], label: (s: FunnelStep) => string): string[][] {
  const L = lang();
  return steps.map((s) => [label(s), count(L, s.visitors), s.drop_off === null ? '–' : count(L, s.drop_off), percent(L, s.rate_from_previous), percent(L, s.rate_from_first)]);
}

function bottleneckText(steps: FunnelStep[], label: (s: FunnelStep) => string): string {
  const i = bottleneck(steps);
  if (i < 0) return steps.length > 1 ? t('funnels.noLoss') : '';
  return t('funnels.bottleneck', { from: label(steps[i - 1]), to: label(steps[i]), lost: fmtCount(steps[i].drop_off), rate: percent(lang(), 1 - (steps[i].rate_from_previous ?? 0)) });
}

function funnelFigure(reply: { from: string; to: string; steps: FunnelStep[] }): HTMLElement {
  const L = lang();
  const label = (s: FunnelStep) => s.name;
  const headers = [t('funnels.step.name'), t('funnels.visitors'), t('funnels.dropOff'), t('funnels.fromPrevious'), t('funnels.fromFirst')];
  const last = reply.steps[reply.steps.length - 1];
  return h('section', { class: 'card', 'aria-labelledby': 'f-answer', 'data-funnel-answer': '' },
    h('h2', { id: 'f-answer' }, t('funnels.answer')),
    h('p', { class: 'muted' }, t('funnels.range', { from: fullDay(L, reply.from), to: fullDay(L, reply.to) })),
    h('p', { 'data-bottleneck': '' }, bottleneckText(reply.steps, label)),
    chartFigure({
      caption: t('funnels.answer'),
      summary: t('funnels.summary', { steps: reply.steps.map((s) => `${s.name} ${count(L, s.visitors)}`).join(' → '), rate: percent(L, last?.rate_from_first ?? null) }),
      className: 'funnel',
      table: dataTable(t('funnels.answer'), headers, stepRows(reply.steps, label), [false, true, true, true, true]),
      config: barConfig(reply.steps.map(label), reply.steps.map((s) => s.visitors), PALETTE[0]),
    }));
}

function journeyFigure(reply: { from: string; to: string; phases: JourneyPhase[] }): HTMLElement {
  const L = lang();
  const label = (s: FunnelStep) => (PHASES.includes(s.name) ? t(`funnels.phase.${s.name}` as Key) : s.name);
  const headers = [t('funnels.phase'), t('funnels.visitors'), t('funnels.dropOff'), t('funnels.fromPrevious'), t('funnels.fromFirst')];
  const attract = reply.phases.find((p) => p.name === 'attract');
  const bySource = attract?.by_source ? h('p', { class: 'muted' }, t('funnels.bySource'), ' ',
    SOURCES.filter((s) => (attract.by_source![s] ?? 0) > 0).map((s) => `${t(`source.${s}` as Key)} ${count(L, attract.by_source![s])}`).join(' · ') || '–') : null;
  return h('div', { 'data-journey': '' },
    h('p', { class: 'muted' }, t('funnels.range', { from: fullDay(L, reply.from), to: fullDay(L, reply.to) })),
    h('p', {}, bottleneckText(reply.phases, label)),
    chartFigure({
      caption: t('funnels.journey'),
      summary: t('funnels.summary', { steps: reply.phases.map((p) => `${label(p)} ${count(L, p.visitors)}`).join(' → '),
        rate: percent(L, reply.phases[reply.phases.length - 1]?.rate_from_first ?? null) }),
      className: 'journey',
      table: dataTable(t('funnels.journey'), headers, stepRows(reply.phases, label), [false, true, true, true, true]),
      config: barConfig(reply.phases.map(label), reply.phases.map((p) => p.visitors), PALETTE[2]),
    }),
    bySource);
}

function barConfig(labels: string[], values: number[], colour: string) {
  return {
    type: 'bar' as const,
    data: { labels, datasets: [{ label: t('funnels.visitors'), data: values, backgroundColor: colour }] },
    options: {
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      plugins: { legend: { display: false } },
    },
  };
}
