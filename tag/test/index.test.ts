import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, settle } from './helpers';

afterEach(() => {
  vi.unstubAllGlobals();
  delete (window as any).omotenashi;
});

/** What the snippet in docs/tag.md does before t.js has loaded. */
function snippetStub() {
  const w = window as any;
  w.omotenashi = w.omotenashi || function () {
    // eslint-disable-next-line prefer-rest-params
    (w.omotenashi.q = w.omotenashi.q || []).push(arguments);
  };
}

describe('t.js and the snippet', () => {
  it('replays the calls queued before it loaded, in order, and then takes calls directly', async () => {
    const f = mockFetch();
    snippetStub();
    const w = window as any;
    const handler = vi.fn();
    w.omotenashi('init', 'pk_snippet', { endpoint: 'https://omotenashi.example/' });
    w.omotenashi('on', 'error', handler);
    w.omotenashi('track', 'cart', { in_cart_price: 4500 });
    vi.resetModules();
    await import('../src/index');
    expect(w.omotenashi.loaded).toBe(true);
    w.omotenashi('track', 'favorite', { item_id: '7' });
    await new Promise((r) => setTimeout(r, 0));
    await settle();
    const sent = f.mock.calls.map((c) => JSON.parse(c[1].body)).filter((b) => b.site == 'pk_snippet');
    expect(f.mock.calls[0][0]).toBe('https://omotenashi.example/v1/t');
    expect(sent.flatMap((b) => b.events.map((e: any) => e.name))).toEqual(['view', 'cart', 'favorite']);
    expect(handler).not.toHaveBeenCalled();
  });

  it('a second copy of t.js on the page changes nothing', async () => {
    mockFetch();
    snippetStub();
    const w = window as any;
    w.omotenashi('init', 'pk_twice');
    vi.resetModules();
    await import('../src/index');
    const first = w.omotenashi;
    vi.resetModules();
    await import('../src/index');
    expect(w.omotenashi).toBe(first);
  });

  it('a call on the old stub after loading still reaches the tag', async () => {
    const f = mockFetch();
    snippetStub();
    const w = window as any;
    const stub = w.omotenashi;
    w.omotenashi('init', 'pk_stub', { endpoint: 'https://omotenashi.example' });
    vi.resetModules();
    await import('../src/index');
    stub('track', 'late', {});
    await new Promise((r) => setTimeout(r, 0));
    await settle();
    const names = f.mock.calls.map((c) => JSON.parse(c[1].body)).filter((b) => b.site == 'pk_stub').flatMap((b) => b.events.map((e: any) => e.name));
    expect(names).toContain('late');
  });
});
