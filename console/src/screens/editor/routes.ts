// The editor screens' routes (main.ts puts them before the base routes, so /campaigns/new is the editor of a
// new campaign, not the campaign "new"): campaigns, segments, event definitions.
import { Route } from '../../router';
import { campaignEditor } from './campaign';
import { eventDefinitionEditor, eventDefinitionList } from './eventdefs';
import { segmentEditor } from './segment';

export function routes(rerender: () => Promise<void>): Route[] {
  void rerender;
  return [
    { pattern: '/sites/:site/campaigns/new', render: (p) => campaignEditor(p.site, null) },
    { pattern: '/sites/:site/campaigns/:id', render: (p) => campaignEditor(p.site, p.id) },
    { pattern: '/sites/:site/segments/new', render: (p) => segmentEditor(p.site, null) },
    { pattern: '/sites/:site/segments/:id', render: (p) => segmentEditor(p.site, p.id) },
    { pattern: '/sites/:site/event-definitions', render: (p) => eventDefinitionList(p.site) },
    { pattern: '/sites/:site/event-definitions/new', render: (p) => eventDefinitionEditor(p.site, null) },
    { pattern: '/sites/:site/event-definitions/:name', render: (p) => eventDefinitionEditor(p.site, p.name) },
  ];
}
