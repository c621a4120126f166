/**
 * t.js: replaces the snippet's stub `window.omotenashi` with the tag and replays the calls the stub
 * queued (`omotenashi.q`), in order. Loading t.js twice is harmless: the second copy does nothing.
 */
import { Tag } from './tag';

const w = window as any;
const stub = w.omotenashi;
if (!stub || !stub.loaded) {
  const tag = new Tag();
  const src = (document.currentScript as HTMLScriptElement | null)?.src;
  tag.scriptSrc = src || document.querySelector<HTMLScriptElement>('script[src*="/t.js"]')?.src;
  const api = function omotenashi(cmd: unknown, ...args: any[]) {
    tag.call(cmd, args);
  } as any;
  api.loaded = true;
  api.q = { push: (a: ArrayLike<any>) => tag.call(a[0], Array.prototype.slice.call(a, 1)) };
  const queued: ArrayLike<any>[] = (stub && stub.q) || [];
  w.omotenashi = api;
  for (const a of queued) tag.call(a[0], Array.prototype.slice.call(a, 1));
}
