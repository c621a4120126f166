// The explorer screens' routes (main.ts puts them before the base routes): the visitor explorer and the karte,
// the reports overview, a campaign's report and the funnels. All of them only read, so every role may use them.
import { Route } from '../../router';
import { campaignReport } from './report';
import { funnels } from './funnels';
import { karte } from './karte';
import { reportsOverview } from './reports';
import { visitorSearch } from './visitors';

export function routes(rerender: () => Promise<void>): Route[] {
  void rerender;
  return [
    { pattern: '/sites/:site/visitors', render: (p) => visitorSearch(p.site) },
    { pattern: '/sites/:site/visitors/:visitor', render: (p) => karte(p.site, p.visitor) },
    { pattern: '/sites/:site/reports', render: (p) => reportsOverview(p.site) },
    { pattern: '/sites/:site/campaigns/:id/report', render: (p) => campaignReport(p.site, p.id) },
    { pattern: '/sites/:site/funnels', render: (p) => funnels(p.site) },
  ];
}
