import { vi } from 'vitest';

/** A fetch answer as the tag reads it. */
export const answer = (status: number, body?: unknown, headers: Record<string, string> = {}) => ({
  ok: status >= 200 && status < 300,
  status,
  headers: { get: (n: string) => headers[n] ?? null },
  json: () => (body === undefined ? Promise.reject(new Error('no body')) : Promise.resolve(body)),
});

/** Replaces fetch with a mock whose calls' bodies can be read back as JSON. */
export function mockFetch(impl: (...a: any[]) => Promise<unknown> = () => Promise.resolve(answer(200, { actions: [] }))) {
  const f = vi.fn(impl);
  vi.stubGlobal('fetch', f);
  return f;
}

export const bodies = (f: ReturnType<typeof vi.fn>) => f.mock.calls.map((c) => JSON.parse(c[1].body));

/** Lets pending promise callbacks run (with fake timers too). */
export const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};
