// The event definition editor (form ↔ JSON), the template gallery's install (what exists is asked about, a
// fixed schedule moves to now, a half-done install says what was written), deleting a campaign, the campaign
// list's format names, and the site-creation form's spacing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrf } from '../src/api';
import { setLang } from '../src/i18n';
import { session } from '../src/state';
import { formatOf } from '../src/screens/campaigns';
import { campaignEditor } from '../src/screens/editor/campaign';
import { defaultNode, kindsFor } from '../src/screens/editor/condition';
import { eventDefinitionEditor, eventDefinitionList, readersOf } from '../src/screens/editor/eventdefs';
import { sitesList } from '../src/screens/sites';
import {
  InstallError, Template, existing, gallery, install, objectsOf, sharedWith, shiftSchedule,
} from '../src/screens/templates';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));
const named = (root: ParentNode, name: string) => root.querySelector(`[name="${name}"]`) as HTMLInputElement;

function type(el: Element, value: string): void {
  (el as HTMLInputElement).value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

function choose(el: Element, value: string): void {
  (el as HTMLSelectElement).value = value;
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

interface Call { method: string; url: string; body: unknown }
let calls: Call[];
let answer: (method: string, url: string, body: unknown) => { status: number; body: unknown };

function stubFetch(): void {
  calls = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    const method = init.method ?? 'GET';
    const body = init.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, url, body });
    const a = answer(method, url, body);
    return new Response(a.status === 204 ? null : JSON.stringify(a.body), { status: a.status, headers: { 'Content-Type': 'application/json' } });
  }));
}

const writes = () => calls.filter((c) => c.method !== 'GET');
const site = { id: 'shop', name: 'Shop', timezone: 'Asia/Tokyo' };
const notFound = { status: 404, body: { error: { code: 'not_found', message: 'no such object' } } };

const submit = async (page: HTMLElement) => {
  page.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
  await vi.waitFor(() => expect((page.querySelector('button[type=submit]') as HTMLButtonElement).disabled).toBe(false));
  await new Promise((r) => setTimeout(r, 0));
};

beforeEach(() => {
  setLang('en');
  setCsrf('csrf-token');
  session.me = { id: 'op_1', login: 'hanako', name: null, role: 'editor' };
  document.body.replaceChildren();
});
afterEach(() => { vi.unstubAllGlobals(); vi.restoreAllMocks(); session.me = null; });

// ---- event definitions ---------------------------------------------------------------------------------

describe('the event definition editor', () => {
  // S05's definition, as the template installs it
  const saleView = { name: 'sale_view', from: 'view', where: { attr: 'page.path', op: 'starts_with', value: '/sale' } };
  const campaigns = [{ id: 'sale-guidance', name: 'Sale guidance', audience: { event: 'sale_view', scope: 'all', agg: 'count', op: 'eq', value: 0 } },
    { id: 'other', name: 'Other', audience: { attr: 'visitor.visits', op: 'gte', value: 1 }, goal: { event: 'buy' } }];
  const segments = [{ id: 'sale-fans', name: 'Sale fans', condition: { all: [{ not: { event: 'sale_view', agg: 'count', op: 'eq', value: 0 } }] } }];

  beforeEach(() => {
    history.replaceState(null, '', '/console/sites/shop/event-definitions/sale_view');
    answer = (method, url, body) => {
      if (method === 'PUT') return { status: 200, body };
      if (method === 'DELETE') return { status: 204, body: null };
      if (url.endsWith('/event-definitions/sale_view')) return { status: 200, body: clone(saleView) };
      if (url.endsWith('/event-definitions')) return { status: 200, body: { items: [clone(saleView)] } };
      if (url.endsWith('/campaigns')) return { status: 200, body: { items: clone(campaigns) } };
      if (url.endsWith('/segments')) return { status: 200, body: { items: clone(segments) } };
      if (url.includes('/event-definitions/')) return notFound;
      return { status: 200, body: site };
    };
    stubFetch();
  });

  const open = async (name: string | null) => {
    const page = await eventDefinitionEditor('shop', name);
    document.body.append(page);
    return page;
  };

  it('shows the definition in the form and saves exactly what it loaded when nothing changed', async () => {
    const page = await open('sale_view');
    expect(page.querySelector('code.mono')?.textContent).toBe('sale_view');
    expect(named(page, 'from').value).toBe('view');
    expect(named(page, 'where.attr').value).toBe('page.path');
    expect(named(page, 'where.op').value).toBe('starts_with');
    expect(named(page, 'where.value').value).toBe('/sale');
    await submit(page);
    expect(writes()).toEqual([{ method: 'PUT', url: '/api/v1/sites/shop/event-definitions/sale_view', body: saleView }]);
  });

  it('saves a changed path, and only that', async () => {
    const page = await open('sale_view');
    type(named(page, 'where.value'), '/bargain');
    await submit(page);
    expect(writes().map((c) => c.body)).toEqual([{ ...saleView, where: { ...saleView.where, value: '/bargain' } }]);
    expect(page.querySelector('[role=status]')?.textContent).toContain('Saved');
  });

  it('builds a condition of page attributes and event properties, and writes it back', async () => {
    const page = await open('sale_view');
    (page.querySelector('[data-key="where.@add"]') as HTMLButtonElement).click();
    const kinds = Array.from(named(page, 'where.all[1].@kind').options).map((o) => o.value);
    expect(kinds).toEqual(['attr', 'prop', 'group']);
    choose(named(page, 'where.all[1].@kind'), 'prop');
    type(named(page, 'where.all[1].prop'), 'referrer');
    choose(named(page, 'where.all[1].op'), 'exists');
    await submit(page);
    expect(writes()[0].body).toEqual({ ...saleView, where: { all: [saleView.where, { prop: 'referrer', op: 'exists' }] } });
  });

  it('shows the API’s errors at their fields and focuses the first', async () => {
    const page = await open('sale_view');
    answer = (method, url, body) => method === 'PUT'
      ? { status: 400, body: { error: { code: 'invalid_value', message: '2 problems', path: 'from', errors: [
        { path: 'from', code: 'invalid_value', message: 'an event cannot be derived from itself' },
        { path: 'where.op', code: 'invalid_value', message: 'not an operator for page.path' }] } } }
      : { status: 200, body };
    await submit(page);
    const from = named(page, 'from');
    expect(from.getAttribute('aria-invalid')).toBe('true');
    expect(named(page, 'where.op').getAttribute('aria-invalid')).toBe('true');
    const described = from.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described).toContain('an event cannot be derived from itself');
    expect(document.activeElement).toBe(from);
  });

  it('creates a new one: name, source and condition typed into the form', async () => {
    history.replaceState(null, '', '/console/sites/shop/event-definitions/new');
    const page = await open(null);
    type(named(page, 'name'), ' cart_view ');
    type(named(page, 'where.value'), '/cart');
    choose(named(page, 'where.op'), 'eq');
    await submit(page);
    expect(writes()[0]).toEqual({ method: 'PUT', url: '/api/v1/sites/shop/event-definitions/cart_view',
      body: { name: 'cart_view', from: 'view', where: { attr: 'page.path', op: 'eq', value: '/cart' } } });
    expect(location.pathname).toBe('/console/sites/shop/event-definitions/cart_view');
  });

  it('refuses a new name in use at its field, before writing anything', async () => {
    const page = await open(null);
    type(named(page, 'name'), 'sale_view');
    await submit(page);
    expect(writes()).toEqual([]);
    expect(named(page, 'name').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(named(page, 'name'));
  });

  it('deletes after asking', async () => {
    const page = await open('sale_view');
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    const del = page.querySelector('button.danger') as HTMLButtonElement;
    del.click();
    expect(writes()).toEqual([]);
    del.click();
    await vi.waitFor(() => expect(location.pathname).toBe('/console/sites/shop/event-definitions'));
    expect(confirm.mock.calls[1][0]).toContain('sale_view');
    expect(writes()).toEqual([{ method: 'DELETE', url: '/api/v1/sites/shop/event-definitions/sale_view', body: undefined }]);
  });

  it('is read-only for viewers', async () => {
    session.me = { id: 'op_2', login: 'miki', name: null, role: 'viewer' };
    const page = await open('sale_view');
    expect(page.querySelector('button[type=submit]')).toBeNull();
    expect(page.querySelector('button.danger')).toBeNull();
    const enabled = Array.from(page.querySelectorAll('form input, form select, form textarea, form button')).filter((c) => !(c as HTMLInputElement).disabled);
    expect(enabled).toEqual([]);
  });

  it('lists the definitions with what reads each event', async () => {
    history.replaceState(null, '', '/console/sites/shop/event-definitions');
    const page = await eventDefinitionList('shop');
    const row = page.querySelector('tr[data-event-row=sale_view]')!;
    expect(row.querySelector('a')!.getAttribute('href')).toBe('/console/sites/shop/event-definitions/sale_view');
    expect(Array.from(row.querySelectorAll('ul a')).map((a) => a.getAttribute('href'))).toEqual([
      '/console/sites/shop/campaigns/sale-guidance', '/console/sites/shop/segments/sale-fans']);
    expect(page.querySelector('nav.tabs [aria-current=page]')?.textContent).toBe('Event definitions');
    expect(readersOf('buy', campaigns, segments)).toEqual([{ kind: 'campaigns', id: 'other', name: 'Other' }]);
  });

  it('offers page attributes and event properties in a definition’s condition', () => {
    expect(kindsFor('definition')).toEqual(['attr', 'prop', 'group']);
    expect(defaultNode('attr', 'definition')).toEqual({ attr: 'page.path', op: 'starts_with', value: '/' });
  });
});

// ---- the template gallery ------------------------------------------------------------------------------

const S17: Template = {
  id: 'S17', title: { ja: '初回購入クーポン', en: 'First-purchase coupon' }, explanation: { ja: '説明', en: 'Explanation' },
  segments: [], event_definitions: [],
  campaigns: [{ id: 'first-purchase-coupon', name: 'Coupon', status: 'live', schedule: { start: '2026-12-01T00:00:00+09:00', end: '2027-01-01T00:00:00+09:00' },
    creative: { template: 'coupon', content: { title: 'x', code: 'FIRST' } } }],
};
const phone = (trigger?: object) => ({ id: 'phone-support', name: 'Phone', status: 'live', ...(trigger ? { trigger } : {}), creative: { template: 'call_button', content: { text: 'Call', tel: '0120' } } });
const S11: Template = { id: 'S11', title: { ja: 'S11', en: 'Phone support' }, explanation: { ja: '', en: '' }, segments: [], event_definitions: [], campaigns: [phone()] };
const S11b: Template = { id: 'S11b', title: { ja: 'S11b', en: 'Phone support (timer)' }, explanation: { ja: '', en: '' }, segments: [], event_definitions: [],
  campaigns: [phone({ on: 'session_time', seconds: 180 })] };
const S05: Template = {
  id: 'S05', title: { ja: 'セール', en: 'Sale guidance' }, explanation: { ja: '', en: '' },
  segments: [{ id: 'never-sale', condition: { event: 'sale_view', agg: 'count', op: 'eq', value: 0 } }],
  event_definitions: [{ name: 'sale_view', from: 'view', where: { attr: 'page.path', op: 'starts_with', value: '/sale' } }],
  campaigns: [{ id: 'sale-guidance', status: 'live', audience: { segment: 'never-sale' }, creative: { template: 'notice_bar', content: { text: 'Sale!' } } }],
};

describe('a template’s fixed schedule moves to when it is added', () => {
  const now = Date.parse('2026-11-24T20:31:45Z'); // 2026-11-25 05:31:45 in Tokyo

  it('starts now (to the minute, in the site’s timezone) and keeps its length', () => {
    const moved = shiftSchedule(S17.campaigns[0], now, 'Asia/Tokyo');
    expect(moved.schedule).toEqual({ start: '2026-11-25T05:31:00+09:00', end: '2026-12-26T05:31:00+09:00' });
    expect(Date.parse(moved.schedule.end) - Date.parse(moved.schedule.start)).toBe(31 * 86_400_000);
    expect(Date.parse(moved.schedule.start)).toBeLessThanOrEqual(now);
    expect(moved.creative).toEqual(S17.campaigns[0].creative);
    expect(S17.campaigns[0].schedule.start).toBe('2026-12-01T00:00:00+09:00'); // the template itself is untouched
  });

  it('keeps the length in the site’s wall-clock time across a change of offset', () => {
    const c = { id: 'x', schedule: { start: '2026-03-01T00:00:00+01:00', end: '2026-04-01T00:00:00+02:00', days: ['sat'] } };
    const moved = shiftSchedule(c, Date.parse('2026-03-10T09:00:00Z'), 'Europe/Paris');
    expect(moved.schedule).toEqual({ start: '2026-03-10T10:00:00+01:00', end: '2026-04-10T10:00:00+02:00', days: ['sat'] });
  });

  it('moves a start without an end, and leaves campaigns without a start alone', () => {
    expect(shiftSchedule({ schedule: { start: 1_800_000_000_000 } }, now, 'UTC').schedule).toEqual({ start: '2026-11-24T20:31:00+00:00' });
    const plain = { id: 'p', schedule: { days: ['mon'] } };
    expect(shiftSchedule(plain, now, 'UTC')).toBe(plain);
    expect(shiftSchedule({ id: 'n' }, now, 'UTC')).toEqual({ id: 'n' });
  });

  it('installs campaigns paused, with the schedule moved, after segments and event definitions', () => {
    expect(objectsOf(S05, now, 'Asia/Tokyo').map((o) => `${o.kind}/${o.id}`)).toEqual(['segments/never-sale', 'event-definitions/sale_view', 'campaigns/sale-guidance']);
    const [c] = objectsOf(S17, now, 'Asia/Tokyo');
    expect(c.body.status).toBe('paused');
    expect(c.body.schedule.start).toBe('2026-11-25T05:31:00+09:00');
  });
});

describe('installing a template', () => {
  let have: Set<string>;
  let failAt: string | null;

  beforeEach(() => {
    history.replaceState(null, '', '/console/sites/shop/templates');
    have = new Set();
    failAt = null;
    answer = (method, url, body) => {
      const rel = url.replace('/api/v1/sites/shop/', '');
      if (url === '/api/v1/templates') return { status: 200, body: { templates: [S05, S11, S11b, S17] } };
      if (method === 'PUT') {
        if (rel === failAt) return { status: 500, body: { error: { code: 'internal', message: 'database is locked' } } };
        have.add(rel);
        return { status: 200, body };
      }
      if (/^(segments|event-definitions|campaigns)\//.test(rel)) return have.has(rel) ? { status: 200, body: {} } : notFound;
      return { status: 200, body: site };
    };
    stubFetch();
  });

  it('knows which templates write the same object', () => {
    expect(sharedWith(S11b, [S05, S11, S11b, S17])).toEqual(new Map([['campaigns/phone-support', ['S11']]]));
    expect(sharedWith(S05, [S05, S11, S11b, S17]).size).toBe(0);
  });

  it('finds what the site already has, and says what was written when a write fails halfway', async () => {
    have.add('event-definitions/sale_view');
    const objs = objectsOf(S05, Date.now(), 'Asia/Tokyo');
    expect((await existing('shop', objs)).map((o) => o.id)).toEqual(['sale_view']);
    failAt = 'campaigns/sale-guidance';
    const err = await install('shop', objs).catch((e) => e);
    expect(err).toBeInstanceOf(InstallError);
    expect(err.written.map((o: { id: string }) => o.id)).toEqual(['never-sale', 'sale_view']);
    expect(err.left.map((o: { id: string }) => o.id)).toEqual(['sale-guidance']);
  });

  const card = async (id: string) => {
    const page = await gallery('shop');
    document.body.append(page);
    return page.querySelector(`article[data-template=${id}]`) as HTMLElement;
  };
  const press = async (el: HTMLElement) => {
    (el.querySelector('button') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(el.querySelector('.card-status')!.childElementCount).toBeGreaterThan(0));
  };

  it('writes everything without asking when the site has none of it', async () => {
    const confirm = vi.spyOn(window, 'confirm');
    const el = await card('S05');
    await press(el);
    expect(confirm).not.toHaveBeenCalled();
    expect(writes().map((c) => c.url.replace('/api/v1/sites/shop/', ''))).toEqual(['segments/never-sale', 'event-definitions/sale_view', 'campaigns/sale-guidance']);
    expect(el.querySelector('.notice.ok')).not.toBeNull();
  });

  it('names what it would replace and writes nothing when the operator says no', async () => {
    have.add('campaigns/phone-support');
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    const el = await card('S11b');
    await press(el);
    expect(confirm.mock.calls[0][0]).toContain('campaign “phone-support” (which S11 adds too)');
    expect(writes()).toEqual([]);
    expect(el.querySelector('.card-status')!.textContent).toContain('nothing was changed');
  });

  it('replaces when the operator says yes, and says so', async () => {
    have.add('campaigns/phone-support');
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    const el = await card('S11');
    await press(el);
    expect(writes().map((c) => c.url)).toEqual(['/api/v1/sites/shop/campaigns/phone-support']);
    expect(el.querySelector('.card-status')!.textContent).toContain('Replaced: campaign “phone-support”');
  });

  it('tells on the card that S11 and S11b replace each other', async () => {
    const el = await card('S11b');
    expect(el.querySelector('.template-note')!.textContent).toContain('“phone-support”, which S11 adds too');
  });

  it('tells on the card how the schedule will move, and after adding what it became', async () => {
    const el = await card('S17');
    expect(el.querySelector('.template-note')!.textContent).toMatch(/schedule \(31 days\) is moved to start when you add it.*Asia\/Tokyo/);
    await press(el);
    const body = writes()[0].body as { schedule: { start: string; end: string }; status: string };
    expect(body.status).toBe('paused');
    expect(Math.abs(Date.parse(body.schedule.start) - Date.now())).toBeLessThan(61_000);
    expect(Date.parse(body.schedule.end) - Date.parse(body.schedule.start)).toBe(31 * 86_400_000);
    expect(el.querySelector('.card-status')!.textContent).toContain('Schedule:');
  });

  it('says which objects were written and which not when a write fails halfway', async () => {
    failAt = 'campaigns/sale-guidance';
    const el = await card('S05');
    await press(el);
    const box = el.querySelector('[role=alert]')!;
    expect(box.textContent).toContain('Written: segment “never-sale”, event definition “sale_view”');
    expect(box.textContent).toContain('Not written: campaign “sale-guidance”');
    expect(box.textContent).toContain('Something went wrong on the server') // a 500's internals are not shown; errors.ts words it;
    expect(document.activeElement).toBe(box);
  });
});

// ---- campaigns -----------------------------------------------------------------------------------------

describe('campaigns', () => {
  it('name their format in the operator’s language', () => {
    expect(formatOf({ id: 'a', creative: { template: 'notice_bar' } })).toBe('Notice bar');
    expect(formatOf({ id: 'b', variants: [{ creative: { template: 'popup' } }, { creative: { template: 'banner' } }, { creative: { template: 'popup' } }] }))
      .toBe('A/B test: Popup / Banner');
    expect(formatOf({ id: 'c', creative: { template: 'future_thing' } })).toBe('future_thing');
    setLang('ja');
    expect(formatOf({ id: 'a', creative: { template: 'notice_bar' } })).toBe('お知らせバー');
  });

  it('are deleted from their editor after a confirmation, back to the list', async () => {
    history.replaceState(null, '', '/console/sites/shop/campaigns/nudge');
    answer = (method, url) => {
      if (method === 'DELETE') return { status: 204, body: null };
      if (url.endsWith('/campaigns/nudge')) return { status: 200, body: { id: 'nudge', name: 'Nudge', status: 'paused', creative: { template: 'popup', content: { title: 'Hi' } } } };
      if (/\/(segments|campaigns|event-definitions)$/.test(url)) return { status: 200, body: { items: [] } };
      if (url.endsWith('/audience/count')) return { status: 200, body: { count: 0, profiles: 0 } };
      return { status: 200, body: site };
    };
    stubFetch();
    const page = await campaignEditor('shop', 'nudge');
    document.body.append(page);
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    const del = page.querySelector('.save-bar button.danger') as HTMLButtonElement;
    del.click();
    expect(writes()).toEqual([]);
    del.click();
    await vi.waitFor(() => expect(location.pathname + location.search).toBe('/console/sites/shop/campaigns?deleted=1'));
    expect(confirm.mock.calls[1][0]).toContain('Nudge');
    expect(writes()).toEqual([{ method: 'DELETE', url: '/api/v1/sites/shop/campaigns/nudge', body: undefined }]);
  });

  it('a viewer has no delete button', async () => {
    session.me = { id: 'op_2', login: 'miki', name: null, role: 'viewer' };
    answer = (_m, url) => (url.endsWith('/campaigns/nudge') ? { status: 200, body: { id: 'nudge', creative: { template: 'popup', content: { title: 'Hi' } } } }
      : /\/(segments|campaigns|event-definitions)$/.test(url) ? { status: 200, body: { items: [] } } : { status: 200, body: site });
    stubFetch();
    const page = await campaignEditor('shop', 'nudge');
    expect(page.querySelector('button.danger')).toBeNull();
  });
});

// ---- sites ---------------------------------------------------------------------------------------------

describe('the site-creation form', () => {
  beforeEach(() => {
    session.me = { id: 'op_0', login: 'admin', name: null, role: 'admin' };
    history.replaceState(null, '', '/console/');
    answer = (method, _url, body) => (method === 'POST' ? { status: 201, body: { ...(body as object), id: 'new_site_01' } } : { status: 200, body: { sites: [] } });
    stubFetch();
  });

  const create = async (values: Record<string, string>) => {
    const page = await sitesList();
    document.body.append(page);
    const form = page.querySelector('form')!;
    for (const [k, v] of Object.entries(values)) type(named(form, k), v);
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await vi.waitFor(() => expect(writes()).toHaveLength(1));
    return writes()[0].body as Record<string, unknown>;
  };

  it('sets the spacing between campaigns with the settings form’s fields', async () => {
    const body = await create({ name: 'Shop', domains: 'shop.example', 'spacing.min_pageviews': '2', 'spacing.min_seconds': '60' });
    expect(body.spacing).toEqual({ min_pageviews: 2, min_seconds: 60 });
  });

  it('sends no spacing when it is left empty', async () => {
    const body = await create({ name: 'Shop', domains: 'shop.example' });
    expect('spacing' in body).toBe(false);
  });
});
