import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrf } from '../src/api';
import { setLang } from '../src/i18n';
import { session } from '../src/state';
import { conditionBuilder } from '../src/screens/editor/builder';
import { campaignEditor } from '../src/screens/editor/campaign';
import {
  convertValue, formatDuration, kindOf, pagesToRules, parseDuration, parseList, parseScalar, rulesToPages,
} from '../src/screens/editor/condition';
import { escapeHtml, placeholders, previewContent, sampleFor, switchTemplate } from '../src/screens/editor/content';
import { liveCount } from '../src/screens/editor/count';
import { creativeEditor } from '../src/screens/editor/creative';
import { Env, at } from '../src/screens/editor/form';
import { controlFor, join, parent, rebase } from '../src/screens/editor/paths';
import { fromLocalInput, toLocalInput } from '../src/screens/editor/schedule';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));
const look = { segments: [{ id: 'vip', name: 'VIP' }], campaigns: [{ id: 'welcome', name: 'Welcome' }], events: ['view', 'cart', 'buy'] };

function envFor(log: string[] = []): Env {
  return { readonly: false, changed: (p) => { log.push(p); } };
}

function type(el: Element, value: string): void {
  (el as HTMLInputElement).value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

function choose(el: Element, value: string): void {
  (el as HTMLSelectElement).value = value;
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

const named = (root: ParentNode, name: string) => root.querySelector(`[name="${name}"]`) as HTMLInputElement;

describe('JSON paths and the control an API error belongs to', () => {
  it('joins and climbs paths as the API writes them', () => {
    expect(join('audience', 'all', 1, 'op')).toBe('audience.all[1].op');
    expect(join('', 'id')).toBe('id');
    expect(parent('audience.all[1].op')).toBe('audience.all[1]');
    expect(parent('audience.all[1]')).toBe('audience.all');
    expect(parent('audience')).toBeNull();
    expect(rebase('condition.all[1].value', 'condition', 'audience')).toBe('audience.all[1].value');
    expect(rebase('conditions', 'condition', 'audience')).toBe('conditions');
  });

  it('finds the control named by the path, else the first inside it, else climbs', () => {
    const names = ['name', 'audience.@group', 'audience.all[0].@kind', 'audience.all[0].attr', 'audience.all[0].op',
      'audience.all[0].value[0]', 'audience.all[0].value[1]', 'creative.template', 'creative.content.title'];
    expect(controlFor('audience.all[0].op', names)).toBe('audience.all[0].op');
    expect(controlFor('audience.all[0].value', names)).toBe('audience.all[0].value[0]');
    expect(controlFor('audience.all[0]', names)).toBe('audience.all[0].@kind');
    expect(controlFor('audience.all[0].event.name', names)).toBe('audience.all[0].@kind');
    expect(controlFor('creative.content.text', names)).toBe('creative.content.title');
    expect(controlFor('creative.content.title', names)).toBe('creative.content.title');
    expect(controlFor('priority', names)).toBeNull();
    expect(controlFor('', names)).toBeNull();
  });
});

describe('values typed into fields', () => {
  it('types numbers, booleans and lists, and leaves text the API should name as text', () => {
    expect(parseScalar('42', 'number')).toBe(42);
    expect(parseScalar('many', 'number')).toBe('many');
    expect(parseScalar('0123', 'any')).toBe('0123');
    expect(parseScalar('3.5', 'any')).toBe(3.5);
    expect(parseScalar('true', 'any')).toBe(true);
    expect(parseScalar('42', 'string')).toBe('42');
    expect(parseList('gold, silver、bronze', 'string')).toEqual(['gold', 'silver', 'bronze']);
    expect(parseList('1, 2', 'number')).toEqual([1, 2]);
  });

  it('shows durations as a number and a unit and writes them back', () => {
    expect(parseDuration('P7D')).toEqual({ n: 7, unit: 'D' });
    expect(parseDuration('PT30M')).toEqual({ n: 30, unit: 'M' });
    expect(parseDuration(172800)).toEqual({ n: 2, unit: 'D' });
    expect(parseDuration('P1DT2H')).toBeNull();
    expect(formatDuration('3', 'H')).toBe('PT3H');
    expect(formatDuration('7', 'D')).toBe('P7D');
  });

  it('converts the value when the operator needs another shape', () => {
    expect(convertValue(3, 'gte', 'between')).toEqual([3, 3]);
    expect(convertValue([1, 5], 'between', 'eq')).toBe(1);
    expect(convertValue('x', 'eq', 'in')).toEqual(['x']);
    expect(convertValue(3, 'gte', 'exists')).toBeUndefined();
    expect(convertValue(3, 'gte', 'lt')).toBe(3);
  });
});

describe('page rules', () => {
  const p = (value: string, op = 'starts_with', attr = 'page.path') => ({ attr, op, value });
  const shapes: unknown[] = [
    p('/sale'),
    { any: [p('/sale'), p('/outlet')] },
    { not: p('/cart', 'eq') },
    { all: [p('/items/'), { not: p('/items/old', 'eq') }] },
    { all: [{ any: [p('/a'), p('/b')] }, { not: p('/a/x') }, { not: p('shop.example', 'eq', 'page.host') }] },
    { all: [{ not: p('/a') }, { not: p('/b') }] },
  ];

  it('reads the shapes the rules write and writes them back the same', () => {
    for (const shape of shapes) {
      const rules = pagesToRules(clone(shape));
      expect(rules, JSON.stringify(shape)).not.toBeNull();
      expect(rulesToPages(rules!)).toEqual(shape);
    }
    expect(pagesToRules(undefined)).toEqual([]);
    expect(rulesToPages([])).toBeUndefined();
  });

  it('keeps the predicates themselves, with fields the rules do not show', () => {
    const shape = { any: [{ ...p('/Sale'), ignore_case: true }, p('/outlet')] };
    expect(rulesToPages(pagesToRules(clone(shape))!)).toEqual(shape);
  });

  it('leaves any other condition to the condition builder', () => {
    expect(pagesToRules({ all: [p('/a'), p('/b')] })).toBeNull(); // two includes that must both hold
    expect(pagesToRules({ attr: 'visitor.visits', op: 'gte', value: 1 })).toBeNull();
    expect(pagesToRules({ attr: 'page.path', op: 'in', value: ['/a', '/b'] })).toBeNull();
    expect(pagesToRules({ not: { any: [p('/a')] } })).toBeNull();
  });
});

describe('content and its preview', () => {
  it('finds placeholders and gives each a sample value or its default', () => {
    expect(placeholders({ text: 'Only {{ 5000 - event.cart.in_cart_price.latest }} yen, {{user.name ?? "guest"}}', link: '/x/{{ user.id }}' }))
      .toEqual(['5000 - event.cart.in_cart_price.latest', 'user.name ?? "guest"', 'user.id']);
    expect(sampleFor('5000 - event.cart.in_cart_price.latest')).toBe('500');
    expect(sampleFor('user.name ?? "ゲスト"')).toBe('ゲスト');
    expect(sampleFor('user.member_rank')).toBe('‹member_rank›');
    expect(sampleFor('event.view.count * 2')).toBe('6');
  });

  it('escapes every string as the server does before delivery, the html template’s markup excepted', () => {
    expect(escapeHtml(`Tom & "Jerry" <b>'`)).toBe('Tom &amp; &quot;Jerry&quot; &lt;b&gt;&#39;');
    const out = previewContent('popup', { title: 'A & B {{ user.name }}', text: '<img src=x onerror=alert(1)>' }, { 'user.name': '<i>' }, false);
    expect(out).toEqual({ title: 'A &amp; B &lt;i&gt;', text: '&lt;img src=x onerror=alert(1)&gt;' });
    expect(previewContent('html', { html: '<p class="x">{{ user.name }}</p>' }, { 'user.name': '<b>' }, false))
      .toEqual({ html: '<p class="x">&lt;b&gt;</p>' });
    expect(previewContent('recommendation', { title: 'For you', limit: 2 }, {}, true).items).toHaveLength(2);
  });

  it('keeps the fields the new template takes when the template changes', () => {
    expect(switchTemplate({ title: 'Hi', text: 'there', position: 'top' }, 'slide_in', false)).toEqual({ title: 'Hi', text: 'there' });
    expect(switchTemplate({ text: 'Sale', position: 'bottom' }, 'notice_bar', false)).toEqual({ text: 'Sale', position: 'bottom' });
    expect(switchTemplate({ title: 'Hi' }, 'coupon', false)).toEqual({ title: 'Hi', code: 'WELCOME500' });
  });
});

describe('schedule times in the site’s timezone', () => {
  it('shows a stored time in the zone and stores a local one with the zone’s offset', () => {
    expect(toLocalInput('2026-12-01T00:00:00+09:00', 'Asia/Tokyo')).toBe('2026-12-01T00:00');
    expect(toLocalInput(Date.UTC(2026, 11, 1, 0, 0), 'Asia/Tokyo')).toBe('2026-12-01T09:00');
    expect(fromLocalInput('2026-12-01T09:30', 'Asia/Tokyo')).toBe('2026-12-01T09:30:00+09:00');
    expect(fromLocalInput('2026-07-01T12:00', 'America/New_York')).toBe('2026-07-01T12:00:00-04:00');
    expect(fromLocalInput('2026-01-15T12:00', 'America/New_York')).toBe('2026-01-15T12:00:00-05:00');
    expect(fromLocalInput('', 'Asia/Tokyo')).toBeUndefined();
  });
});

describe('the condition builder edits the condition in place', () => {
  beforeEach(() => { setLang('en'); document.body.replaceChildren(); });

  const audience = () => ({
    all: [
      { attr: 'visitor.visits', op: 'gte', value: 2, note: 'kept' },
      { not: { event: 'buy', scope: '7d', agg: 'count', op: 'gte', value: 1, where: { prop: 'total', op: 'gt', value: 1000 } } },
      { any: [{ segment: 'vip' }, { action: 'welcome', metric: 'shown', scope: 'session', agg: 'count', op: 'eq', value: 0 }] },
      { attr: 'page.path', op: 'between', value: ['a', 'b'] },
      { future: 'a node kind this console does not know' },
    ],
  });

  function mount(model: { audience: unknown }, log: string[] = []) {
    const el = conditionBuilder(envFor(log), look, { path: 'audience', place: 'audience', name: 'Audience', bind: at(() => model, ['audience']) });
    document.body.append(el);
    return el;
  }

  it('shows every kind without changing anything', () => {
    const model = { audience: audience() };
    const el = mount(model);
    expect(model.audience).toEqual(audience());
    expect(named(el, 'audience.all[0].attr').value).toBe('visitor.visits');
    expect(named(el, 'audience.all[1].@not').checked).toBe(true);
    expect(named(el, 'audience.all[1].not.event').value).toBe('buy');
    expect(named(el, 'audience.all[1].not.where.prop').value).toBe('total');
    expect(named(el, 'audience.all[2].any[0].segment').value).toBe('vip');
    expect(named(el, 'audience.all[2].any[1].action').value).toBe('welcome');
    expect(named(el, 'audience.all[3].value[1]').value).toBe('b');
    expect(JSON.parse(named(el, 'audience.all[4]').value)).toEqual({ future: 'a node kind this console does not know' });
    // every control is labelled
    for (const c of Array.from(el.querySelectorAll('input, select, textarea'))) {
      expect(el.querySelector(`label[for="${c.id}"]`) ?? c.closest('label'), c.getAttribute('name') ?? '').not.toBeNull();
    }
  });

  it('changes only what the operator changed, keeping fields it does not show', () => {
    const model = { audience: audience() };
    const log: string[] = [];
    const el = mount(model, log);
    type(named(el, 'audience.all[0].value'), '5');
    type(named(el, 'audience.all[1].not.where.value'), '2000');
    const want = audience();
    want.all[0].value = 5;
    (want.all[1] as any).not.where.value = 2000;
    expect(model.audience).toEqual(want);
    expect(log).toContain('audience.all[0].value');
  });

  it('adds, negates, regroups and removes conditions, moving the focus to what changed', () => {
    const model: { audience: any } = { audience: { all: [{ attr: 'visitor.visits', op: 'gte', value: 1 }] } };
    const el = mount(model);
    (el.querySelector('[data-key="audience.@add"]') as HTMLButtonElement).click();
    expect(model.audience.all).toHaveLength(2);
    expect((document.activeElement as HTMLElement).getAttribute('name')).toBe('audience.all[1].@kind');
    choose(named(el, 'audience.all[1].@kind'), 'event');
    expect(model.audience.all[1]).toEqual({ event: 'view', agg: 'count', op: 'gte', value: 1 });
    const not = named(el, 'audience.all[1].@not');
    not.checked = true;
    not.dispatchEvent(new Event('change'));
    expect(model.audience.all[1]).toEqual({ not: { event: 'view', agg: 'count', op: 'gte', value: 1 } });
    choose(named(el, 'audience.@group'), 'any');
    expect(Object.keys(model.audience)).toEqual(['any']);
    choose(named(el, 'audience.any[0].op'), 'between');
    expect(model.audience.any[0]).toEqual({ attr: 'visitor.visits', op: 'between', value: [1, 1] });
    (el.querySelector('[data-key="audience.any[0].@remove"]') as HTMLButtonElement).click();
    expect(model.audience).toEqual({ any: [{ not: { event: 'view', agg: 'count', op: 'gte', value: 1 } }] });
    expect(kindOf(model.audience)).toBe('group');
  });

  it('turns a single condition into a group when another is added', () => {
    const model: { audience: any } = { audience: { segment: 'vip' } };
    const el = mount(model);
    (el.querySelector('[data-key="audience.@add"]') as HTMLButtonElement).click();
    expect(model.audience).toEqual({ all: [{ segment: 'vip' }, { attr: 'visitor.visits', op: 'gte', value: 1 }] });
  });

  it('is read-only for viewers', () => {
    const model = { audience: audience() };
    const el = conditionBuilder({ readonly: true, changed: () => {} }, look, { path: 'audience', place: 'audience', name: 'A', bind: at(() => model, ['audience']) });
    for (const c of Array.from(el.querySelectorAll('input, select, textarea, button'))) expect((c as HTMLInputElement).disabled).toBe(true);
  });
});

describe('the creative editor', () => {
  beforeEach(() => { setLang('en'); document.body.replaceChildren(); });

  it('edits the content fields of the template and keeps the common ones when it changes', () => {
    const model: any = { creative: { template: 'popup', content: { title: 'Hi', text: 'there', image: 'https://x/y.png' } } };
    const el = creativeEditor(envFor(), { path: 'creative', bind: at(() => model, ['creative']) });
    document.body.append(el);
    type(named(el, 'creative.content.title'), 'Hello');
    expect(model.creative.content.title).toBe('Hello');
    type(named(el, 'creative.content.title'), '');
    expect('title' in model.creative.content).toBe(false);
    choose(named(el, 'creative.template'), 'notice_bar');
    expect(model.creative).toEqual({ template: 'notice_bar', content: { text: 'there' } });
    expect(named(el, 'creative.content.position')).not.toBeNull();
  });

  it('edits a survey’s questions', () => {
    const model: any = { creative: { template: 'survey', content: { fields: [{ name: 'q1', label: 'Height?', type: 'number', trait: 'height' }] } } };
    const el = creativeEditor(envFor(), { path: 'creative', bind: at(() => model, ['creative']) });
    document.body.append(el);
    choose(named(el, 'creative.content.fields[0].type'), 'radio');
    type(named(el, 'creative.content.fields[0].options'), 'S\nM\nL');
    expect(model.creative.content.fields[0]).toEqual({ name: 'q1', label: 'Height?', type: 'radio', trait: 'height', options: ['S', 'M', 'L'] });
  });
});

describe('the campaign editor', () => {
  const campaign = {
    id: 'nudge', name: 'Free shipping nudge', status: 'paused', allocation: 'weights',
    schedule: { start: '2026-12-01T00:00:00+09:00', days: ['sat', 'sun'] },
    audience: { event: 'cart', property: 'in_cart_price', agg: 'latest', op: 'between', value: [4000, 5000] },
    pages: { attr: 'page.path', op: 'eq', value: '/cart' },
    trigger: { on: 'scroll', percent: 30 },
    creative: { template: 'notice_bar', content: { text: 'Only {{ 5000 - event.cart.in_cart_price.latest }} yen more!', link: '/items/cheap' } },
    control: { percent: 10 }, frequency: { per: 'session', max: 1 }, stop: { after_closes: 2, after_goal: true },
    goal: { event: 'buy', window: 'P7D', value: 'total' }, priority: 100,
  };
  let puts: unknown[];
  let answer: (method: string, url: string, body: unknown) => { status: number; body: unknown };

  beforeEach(() => {
    setLang('en');
    setCsrf('csrf-token');
    session.me = { id: 'op_1', login: 'hanako', name: null, role: 'editor' };
    document.body.replaceChildren();
    history.replaceState(null, '', '/console/sites/shop/campaigns/nudge');
    puts = [];
    answer = (method, url, body) => {
      if (method === 'PUT') { puts.push(body); return { status: 200, body }; }
      if (url.endsWith('/campaigns/nudge')) return { status: 200, body: clone(campaign) };
      if (url.endsWith('/segments') || url.endsWith('/campaigns') || url.endsWith('/event-definitions')) return { status: 200, body: { items: [] } };
      if (url.endsWith('/audience/count')) return { status: 200, body: { count: 1, profiles: 3, not_kept: [] } };
      return { status: 200, body: { id: 'shop', name: 'Shop', timezone: 'Asia/Tokyo' } };
    };
    vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
      const a = answer(init.method ?? 'GET', url, init.body ? JSON.parse(String(init.body)) : undefined);
      return new Response(JSON.stringify(a.body), { status: a.status, headers: { 'Content-Type': 'application/json' } });
    }));
  });
  afterEach(() => { vi.unstubAllGlobals(); session.me = null; });

  async function open() {
    const page = await campaignEditor('shop', 'nudge');
    document.body.append(page);
    return page;
  }

  const save = async (page: HTMLElement) => {
    page.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await vi.waitFor(() => expect((page.querySelector('button[type=submit]') as HTMLButtonElement).disabled).toBe(false));
    await new Promise((r) => setTimeout(r, 0));
  };

  it('saves what it loaded, unknown fields and all, when nothing was changed', async () => {
    const page = await open();
    expect(JSON.parse((page.querySelector('#ed-json') as HTMLTextAreaElement).value)).toEqual(campaign);
    await save(page);
    expect(puts).toEqual([campaign]);
  });

  it('saves a change of one field and nothing else', async () => {
    const page = await open();
    choose(named(page, 'status'), 'live');
    type(named(page, 'audience.value[0]'), '3500');
    await save(page);
    expect(puts).toEqual([{ ...campaign, status: 'live', audience: { ...campaign.audience, value: [3500, 5000] } }]);
    expect(page.querySelector('[role=status]')?.textContent).toContain('Saved');
  });

  it('shows the API’s errors at the fields their paths name and focuses the first', async () => {
    const page = await open();
    answer = (method, url, body) => method === 'PUT'
      ? { status: 400, body: { error: { code: 'invalid_type', message: '2 problems', path: 'audience.value', errors: [
        { path: 'audience.value', code: 'invalid_type', message: 'expected numbers' },
        { path: 'creative.content.text', code: 'required', message: 'text is required' },
        { path: 'somewhere.else', code: 'x', message: 'an error of no field' }] } } }
      : { status: 200, body: url.endsWith('/count') ? { count: 0, profiles: 0 } : body };
    await save(page);
    const low = named(page, 'audience.value[0]');
    const text = named(page, 'creative.content.text');
    expect(low.getAttribute('aria-invalid')).toBe('true');
    expect(text.getAttribute('aria-invalid')).toBe('true');
    const described = text.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described).toContain('text is required');
    expect(document.activeElement).toBe(low);
    expect(page.querySelector('[role=alert]')?.textContent).toContain('an error of no field');
  });

  it('applies the advanced JSON to the form', async () => {
    const page = await open();
    const json = page.querySelector('#ed-json') as HTMLTextAreaElement;
    json.value = JSON.stringify({ ...campaign, name: 'Renamed', x_later: { kept: true } });
    json.dispatchEvent(new Event('input'));
    (page.querySelector('[data-key="@json-apply"]') as HTMLButtonElement).click();
    expect(named(page, 'name').value).toBe('Renamed');
    await save(page);
    expect(puts).toEqual([{ ...campaign, name: 'Renamed', x_later: { kept: true } }]);
  });

  it('is read-only for viewers: no save button, every control disabled', async () => {
    session.me = { id: 'op_2', login: 'miki', name: null, role: 'viewer' };
    const page = await open();
    expect(page.querySelector('button[type=submit]')).toBeNull();
    const form = page.querySelector('form')!;
    const enabled = Array.from(form.querySelectorAll('input, select, textarea, button')).filter((c) => !(c as HTMLInputElement).disabled
      && !c.closest('.samples') && !c.closest('.preview') && c.getAttribute('name') !== '@preview-variant');
    expect(enabled.map((c) => c.getAttribute('name') ?? c.textContent)).toEqual([]);
  });
});

describe('the live count', () => {
  beforeEach(() => { setLang('en'); vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); vi.unstubAllGlobals(); });

  it('asks once, 400 ms after the last change, and shows … meanwhile', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ count: 12, profiles: 40 }), { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    const mine = () => fetch.mock.calls.filter((c: unknown[]) => String(c[0]).includes('/sites/count-site/')).length;
    const c = liveCount('count-site', () => ({ all: [] }), () => null, 'audience');
    c.schedule();
    vi.advanceTimersByTime(200);
    c.schedule();
    vi.advanceTimersByTime(399);
    expect(mine()).toBe(0);
    expect(c.el.textContent).toContain('…');
    await vi.advanceTimersByTimeAsync(1);
    await vi.waitFor(() => expect(c.el.textContent).toContain('12 of 40'));
    expect(mine()).toBe(1);
  });

  it('puts the API’s errors at the builder’s fields without taking the focus', async () => {
    const scope = document.createElement('div');
    scope.innerHTML = '<input name="audience.all[0].value" data-error-id="e1"><p id="e1" hidden></p><input id="other">';
    document.body.replaceChildren(scope);
    (scope.querySelector('#other') as HTMLInputElement).focus();
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ error: { code: 'invalid_type', message: 'm', path: 'condition.all[0].value',
      errors: [{ path: 'condition.all[0].value', code: 'invalid_type', message: 'expected a number' }] } }), { status: 400 })));
    const c = liveCount('shop', () => ({ all: [] }), () => scope, 'audience');
    await c.now();
    expect(scope.querySelector('[name="audience.all[0].value"]')!.getAttribute('aria-invalid')).toBe('true');
    expect(scope.querySelector('#e1')!.textContent).toBe('Enter a number.') // the server's "expected a number", in the operator's words (errors.ts);
    expect(document.activeElement!.id).toBe('other');
    expect(c.el.classList.contains('invalid')).toBe(true);
  });
});
