// The audit screens' routes (main.ts puts them before the base routes): a site's history of changes, and
// every change for administrators (docs/console.md, "History of changes").
import { Route } from '../../router';
import { allHistory, siteHistory } from './history';

export function routes(rerender: () => Promise<void>): Route[] {
  void rerender;
  return [
    { pattern: '/sites/:site/history', render: (p) => siteHistory(p.site) },
    { pattern: '/history', render: () => allHistory() },
  ];
}
