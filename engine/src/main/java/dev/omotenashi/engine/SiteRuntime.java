package dev.omotenashi.engine;

import dev.omotenashi.engine.condition.DerivedEvent;
import dev.omotenashi.engine.config.CompiledSite;
import dev.omotenashi.engine.decision.CampaignPlan;
import dev.omotenashi.engine.decision.Lineup;
import dev.omotenashi.engine.profile.AggregatePlan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A site's configuration compiled for the hot path and indexed: campaigns in decision order, goals by
 * event, derived events by the event they derive from, and the aggregates profiles keep. Immutable; the
 * engine swaps a new one in atomically when the configuration changes, so a request sees one
 * configuration from start to end.
 */
record SiteRuntime(CompiledSite site, Lineup campaigns, Map<String, CampaignPlan> byId,
                   Map<String, List<CampaignPlan>> goalsByEvent, AggregatePlan plan) {

    static SiteRuntime of(CompiledSite site, List<CampaignPlan> campaigns, AggregatePlan plan) {
        List<CampaignPlan> ordered = new ArrayList<>(campaigns);
        ordered.sort(Comparator.comparingInt(CampaignPlan::priority).reversed().thenComparing(CampaignPlan::id));
        Map<String, CampaignPlan> byId = new HashMap<>();
        Map<String, List<CampaignPlan>> goals = new HashMap<>();
        for (CampaignPlan c : ordered) {
            byId.put(c.id(), c);
            if (c.goal() != null) goals.computeIfAbsent(c.goal().event(), e -> new ArrayList<>()).add(c);
        }
        Map<String, List<CampaignPlan>> frozen = new HashMap<>();
        goals.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return new SiteRuntime(site, new Lineup(ordered), Map.copyOf(byId), Map.copyOf(frozen), plan);
    }

    List<DerivedEvent> derivedFrom(String event) {
        return site.derivedFrom(event);
    }

    List<CampaignPlan> goalsOn(String event) {
        List<CampaignPlan> g = goalsByEvent.get(event);
        return g == null ? List.of() : g;
    }
}
