// A tiny router over the History API: /console/… paths, each a pattern with :params. The server answers
// every such path with index.html (ConsoleRoutes), so a reload or a shared link lands on its screen.

export type Params = Record<string, string>;
export interface Route { pattern: string; render: (params: Params) => Promise<HTMLElement> | HTMLElement }

export const BASE = '/console';

export function match(pattern: string, path: string): Params | null {
  const p = pattern.split('/').filter(Boolean);
  const s = path.replace(/\/+$/, '').split('/').filter(Boolean);
  if (p.length !== s.length) return null;
  const params: Params = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(':')) params[p[i].slice(1)] = decodeURIComponent(s[i]);
    else if (p[i] !== s[i]) return null;
  }
  return params;
}

export function resolve(routes: Route[], path: string): { route: Route; params: Params } | null {
  const rel = path.startsWith(BASE) ? path.slice(BASE.length) || '/' : path;
  for (const route of routes) {
    const params = match(route.pattern, rel);
    if (params) return { route, params };
  }
  return null;
}

let onChange: (() => void) | null = null;

export function start(render: () => void): void {
  onChange = render;
  window.addEventListener('popstate', render);
  document.addEventListener('click', (e) => {
    const a = (e.target as Element | null)?.closest?.('a');
    if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const href = a.getAttribute('href');
    if (!href || !href.startsWith(BASE + '/') || a.target) return;
    e.preventDefault();
    navigate(href);
  });
}

export function navigate(href: string): void {
  if (location.pathname + location.search !== href) history.pushState(null, '', href);
  onChange?.();
}

export function link(path: string): string {
  return BASE + path;
}
