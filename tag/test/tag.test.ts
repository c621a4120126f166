import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Tag, storedVisitor } from '../src/tag';
import { answer, mockFetch, settle } from './helpers';

let site: string;
let seq = 0;
let fetchMock: ReturnType<typeof mockFetch>;
let replies: ((body: any) => unknown)[];

/** The requests this test's tag sent (older tags of the file may still be alive). */
const sent = () => fetchMock.mock.calls.map((c) => JSON.parse(c[1].body)).filter((b) => b.site == site);
const events = () => sent().flatMap((b) => b.events.map((e: any) => ({ ...e, decide: b.decide, user: b.user, traits: b.traits })));
const names = () => events().map((e) => e.name);

const action = (over: Record<string, unknown> = {}) => ({
  action: 'a_1', campaign: 'welcome', variant: 'default', control: false, template: 'popup',
  content: { title: 'はじめまして！' }, trigger: { on: 'load' }, ...over,
});

beforeEach(() => {
  site = 'pk_test_' + ++seq;
  document.cookie = 'omotenashi_vid=; max-age=0; path=/';
  localStorage.clear();
  document.body.innerHTML = '';
  history.replaceState(null, '', '/start-' + seq);
  replies = [];
  fetchMock = mockFetch((_url: string, init: any) => {
    const body = JSON.parse(init.body);
    const reply = body.site == site && replies.length ? replies.shift()!(body) : { actions: [] };
    return Promise.resolve(answer(200, { visitor: body.visitor, session: 's_1', session_started_at: Date.now(), ...(reply as object) }));
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const start = async (options: Record<string, unknown> = {}, before?: (t: Tag) => void) => {
  const tag = new Tag();
  before?.(tag);
  tag.call('init', [site, { endpoint: 'https://omotenashi.example', ...options }]);
  await new Promise((r) => setTimeout(r, 0));
  await settle();
  return tag;
};
const tick = async () => {
  await new Promise((r) => setTimeout(r, 0));
  await settle();
};

describe('the tag: page views and identity', () => {
  it('sends a page view with the visitor, the page and the context to the endpoint', async () => {
    document.title = 'トップ';
    await start();
    expect(fetchMock.mock.calls.at(-1)![0]).toBe('https://omotenashi.example/v1/t');
    const [b] = sent();
    expect(b.visitor).toMatch(/^v_[a-z0-9]{22}$/);
    expect(b.page).toEqual({ url: location.href, title: 'トップ', referrer: '' });
    expect(b.context).toMatchObject({ viewport: [expect.any(Number), expect.any(Number)], lang: navigator.language, mobile: false });
    expect(typeof b.context.tz).toBe('string');
    expect(b.decide).toBe(true);
    expect(b.events).toEqual([{ id: expect.stringMatching(/^e_/), name: 'view', ts: expect.any(Number), properties: {} }]);
  });

  it('sends the properties of the first page view given to init (an item page feeds recommendations)', async () => {
    const item = { item_id: '7', name: 'ニット', price: 4500, url: '/items/7', image: '/img/7.jpg' };
    await start({ view: item });
    expect(sent()[0].events[0]).toMatchObject({ name: 'view', properties: item });
  });

  it('keeps the visitor id in a first-party cookie and localStorage, and reuses it', async () => {
    await start();
    const v = sent()[0].visitor;
    expect(document.cookie).toContain('omotenashi_vid=' + v);
    expect(localStorage.getItem('omotenashi_vid')).toBe(v);
    site += '_again';
    await start();
    expect(sent()[0].visitor).toBe(v);
  });

  it('restores the visitor id from localStorage when the cookie is gone', async () => {
    localStorage.setItem('omotenashi_vid', 'v_fromstorage01');
    expect(storedVisitor()).toBe('v_fromstorage01');
    await start();
    expect(sent()[0].visitor).toBe('v_fromstorage01');
    expect(document.cookie).toContain('omotenashi_vid=v_fromstorage01');
  });

  it('defaults the endpoint to the origin of t.js', async () => {
    const tag = await start({ endpoint: undefined }, (t) => (t.scriptSrc = 'https://tags.example:8443/t.js'));
    expect(tag.endpoint).toBe('https://tags.example:8443');
    expect(fetchMock.mock.calls.at(-1)![0]).toBe('https://tags.example:8443/v1/t');
  });

  it('tracks events with properties in one request with the page view when called together', async () => {
    const tag = new Tag();
    tag.call('init', [site, { endpoint: 'https://omotenashi.example' }]);
    tag.call('identify', ['u_1234', { member_rank: 'gold' }]);
    tag.call('track', ['cart', { in_cart_price: 4500 }]);
    await tick();
    const [b] = sent();
    expect(b.events.map((e: any) => e.name)).toEqual(['view', 'identify', 'cart']);
    expect(b.user).toBe('u_1234');
    expect(b.traits).toEqual({ member_rank: 'gold' });
    expect(b.events[2].properties).toEqual({ in_cart_price: 4500 });
    tag.call('track', ['favorite', { item_id: '7' }]);
    await tick();
    expect(sent()[1].user).toBe('u_1234');
    expect(sent()[1].traits).toBeUndefined();
  });

  it('sends a page view on SPA navigations (pushState, replaceState, popstate) with the previous page as referrer', async () => {
    await start();
    const first = location.href;
    history.pushState(null, '', '/items/1');
    await tick();
    history.replaceState(null, '', '/items/1#reviews'); // the same page: no view
    await tick();
    history.replaceState(null, '', '/items/2');
    await tick();
    history.replaceState(null, '', '/items/1');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await tick();
    const views = sent().filter((b) => b.events[0].name == 'view');
    expect(views.map((b) => new URL(b.page.url).pathname)).toEqual([new URL(first).pathname, '/items/1', '/items/2', '/items/1']);
    expect(views[1].page.referrer).toBe(first);
  });

  it('refuses bad calls through the error event, never by throwing', async () => {
    const tag = await start();
    const errors: any[] = [];
    tag.call('on', ['error', (d: any) => errors.push(d)]);
    expect(() => {
      tag.call('track', ['_action_shown', {}]);
      tag.call('track', ['', {}]);
      tag.call('track', ['big', { s: 'x'.repeat(40000) }]);
      tag.call('identify', [42]);
      tag.call('fly', []);
    }).not.toThrow();
    expect(errors.map((e) => e.error)).toEqual(['bad_call', 'bad_call', 'bad_call', 'bad_call', 'bad_call']);
    await tick();
    expect(names()).toEqual(['view']);
  });

  it('keeps the page working when the server is down: no exception, nothing on the console', async () => {
    const spies = ['error', 'warn', 'log'].map((m) => vi.spyOn(console, m as any));
    fetchMock.mockImplementation(() => Promise.reject(new TypeError('Failed to fetch')));
    const tag = await start();
    tag.call('track', ['cart', {}]);
    await tick();
    for (const s of spies) expect(s).not.toHaveBeenCalled();
    expect(tag.out!.q.length).toBeGreaterThan(0);
  });
});

describe('the tag: consent', () => {
  it("with consent: 'required' sends and stores nothing before consent, then everything", async () => {
    const tag = await start({ consent: 'required' });
    tag.call('track', ['cart', { in_cart_price: 100 }]);
    await tick();
    expect(sent()).toHaveLength(0);
    expect(document.cookie).not.toContain('omotenashi_vid');
    expect(localStorage.getItem('omotenashi_vid')).toBeNull();
    expect(localStorage.getItem('omotenashi_q_' + site)).toBeNull();
    tag.call('consent', [true]);
    await tick();
    expect(names()).toEqual(['view', 'cart']);
    expect(document.cookie).toContain('omotenashi_vid=');
  });

  it('consent withdrawn stops sending and forgets the stored visitor id', async () => {
    const tag = await start();
    const v = sent()[0].visitor;
    tag.call('consent', [false]);
    tag.call('track', ['cart', {}]);
    await tick();
    expect(names()).toEqual(['view']);
    expect(document.cookie).not.toContain(v);
    expect(localStorage.getItem('omotenashi_vid')).toBeNull();
  });
});

describe('the tag: actions', () => {
  it('renders a delivered action, emits delivered, action and shown, and reports _action_shown without deciding', async () => {
    replies.push(() => ({ actions: [action()] }));
    const seen: string[] = [];
    const tag = new Tag();
    for (const e of ['delivered', 'action', 'shown']) tag.call('on', [e, (d: any) => seen.push(`${d.type}:${d.campaign}`)]);
    tag.call('init', [site, { endpoint: 'https://omotenashi.example' }]);
    await tick();
    await tick();
    const host = document.querySelector('omotenashi-action') as HTMLElement;
    expect(host.shadowRoot!.querySelector('h2')!.textContent).toBe('はじめまして！');
    expect(seen).toEqual(['delivered:welcome', 'action:welcome', 'shown:welcome']);
    const shown = events().find((e) => e.name == '_action_shown')!;
    expect(shown.properties).toEqual({ campaign: 'welcome', variant: 'default', action: 'a_1' });
    expect(shown.decide).toBe(false);
  });

  it('reports clicks, closes and survey answers with the action and the fields', async () => {
    replies.push(() => ({
      actions: [action({ template: 'survey', campaign: 'height-survey', action: 'a_2',
        content: { title: 't', fields: [{ name: 'height', label: '身長', type: 'number', trait: 'height' }] } })],
    }));
    const submitted: any[] = [];
    const tag = new Tag();
    tag.call('on', ['submitted', (d: any) => submitted.push(d)]);
    tag.call('init', [site, { endpoint: 'https://omotenashi.example' }]);
    await tick();
    await tick();
    const root = document.querySelector('omotenashi-action')!.shadowRoot!;
    (root.querySelector('input') as HTMLInputElement).value = '162';
    root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    (root.querySelector('button.x') as HTMLElement).click();
    await tick();
    const form = events().find((e) => e.name == '_form_submitted')!;
    expect(form.properties).toEqual({ campaign: 'height-survey', variant: 'default', action: 'a_2', fields: { height: 162 } });
    expect(form.decide).toBe(false);
    expect(submitted[0]).toMatchObject({ type: 'submitted', campaign: 'height-survey', fields: { height: 162 } });
    expect(names()).toContain('_action_closed');
  });

  it('a control action shows nothing when its trigger fires and reports _action_control', async () => {
    replies.push(() => ({ actions: [action({ control: true, trigger: { on: 'event', event: 'cart' } })] }));
    const controls: any[] = [];
    const tag = new Tag();
    tag.call('on', ['control', (d: any) => controls.push(d)]);
    tag.call('init', [site, { endpoint: 'https://omotenashi.example' }]);
    await tick();
    await tick();
    expect(names()).not.toContain('_action_control');
    tag.call('track', ['cart', {}]);
    await tick();
    expect(document.querySelector('omotenashi-action')).toBeNull();
    expect(events().find((e) => e.name == '_action_control')!.properties).toEqual({ campaign: 'welcome', variant: 'default', action: 'a_1' });
    expect(controls).toHaveLength(1);
  });

  it('a control action is not reported exposed while its slot is taken on screen, as its variant would not show', async () => {
    replies.push(() => ({
      actions: [action(), action({ campaign: 'held-out', action: 'a_5', control: true, template: 'coupon', trigger: { on: 'event', event: 'cart' } })],
    }));
    const tag = new Tag();
    tag.call('init', [site, { endpoint: 'https://omotenashi.example' }]);
    await tick();
    await tick();
    expect(document.querySelector('omotenashi-action')).not.toBeNull(); // the welcome popup is on screen
    tag.call('track', ['cart', {}]);
    await tick();
    expect(names()).not.toContain('_action_control');
  });

  it('shows a campaign once per page view even when a later answer repeats it, and one modal at a time', async () => {
    replies.push(() => ({ actions: [action()] }));
    replies.push(() => ({ actions: [action({ action: 'a_9' }), action({ campaign: 'other-modal', action: 'a_3', template: 'coupon', content: { code: 'X' } })] }));
    const tag = await start();
    await tick();
    tag.call('track', ['cart', {}]);
    await tick();
    await tick();
    expect(document.querySelectorAll('omotenashi-action')).toHaveLength(1);
    expect(events().filter((e) => e.name == '_action_shown')).toHaveLength(1);
  });

  it('an answer for a page the visitor already left shows nothing; leaving a page removes its actions', async () => {
    replies.push(() => ({ actions: [action({ trigger: { on: 'delay', seconds: 0.05 } })] }));
    await start();
    await tick();
    history.pushState(null, '', '/elsewhere-' + seq);
    await tick();
    await new Promise((r) => setTimeout(r, 80));
    expect(document.querySelector('omotenashi-action')).toBeNull();
    expect(names()).not.toContain('_action_shown');
  });

  it('session_time triggers count from the session start the server answered', async () => {
    replies.push(() => ({ session_started_at: Date.now() - 179_950, actions: [action({ template: 'call_button', content: { tel: '0120-123-456' }, trigger: { on: 'session_time', seconds: 180 } })] }));
    await start();
    await tick();
    expect(document.querySelector('omotenashi-action')).toBeNull();
    await new Promise((r) => setTimeout(r, 80));
    expect(document.querySelector('omotenashi-action')).not.toBeNull();
  });
});
