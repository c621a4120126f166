package dev.omotenashi.engine;

import dev.omotenashi.engine.condition.Predicate;
import dev.omotenashi.engine.decision.CampaignPlan;
import dev.omotenashi.engine.profile.AggregatePlan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A site's configuration compiled for the hot path and indexed: campaigns in decision order, derived
 * events by the event they derive from, goals by event, and the aggregates profiles keep. Immutable; the
 * engine swaps a new one in atomically when the configuration changes, so a request sees one
 * configuration from start to end.
 */
record SiteRuntime(List<CampaignPlan> campaigns, Map<String, CampaignPlan> byId,
                   Map<String, List<Derived>> derivedByFrom, Map<String, List<CampaignPlan>> goalsByEvent,
                   AggregatePlan plan) {

    /** An event recorded whenever an event named {@code from} arrives and {@code where} holds. */
    record Derived(String name, String from, Predicate where) {}

    static final SiteRuntime EMPTY = of(List.of(), List.of(), AggregatePlan.EMPTY);

    static SiteRuntime of(List<CampaignPlan> campaigns, List<Derived> derived, AggregatePlan plan) {
        List<CampaignPlan> ordered = new ArrayList<>(campaigns);
        ordered.sort(Comparator.comparingInt(CampaignPlan::priority).reversed().thenComparing(CampaignPlan::id));
        Map<String, CampaignPlan> byId = new HashMap<>();
        Map<String, List<CampaignPlan>> goals = new HashMap<>();
        for (CampaignPlan c : ordered) {
            byId.put(c.id(), c);
            if (c.goal() != null) goals.computeIfAbsent(c.goal().event(), e -> new ArrayList<>()).add(c);
        }
        Map<String, List<Derived>> byFrom = new HashMap<>();
        for (Derived d : derived) byFrom.computeIfAbsent(d.from(), f -> new ArrayList<>()).add(d);
        return new SiteRuntime(List.copyOf(ordered), Map.copyOf(byId), freeze(byFrom), freeze(goals), plan);
    }

    private static <T> Map<String, List<T>> freeze(Map<String, List<T>> m) {
        Map<String, List<T>> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return Map.copyOf(out);
    }

    List<Derived> derivedFrom(String event) {
        List<Derived> d = derivedByFrom.get(event);
        return d == null ? List.of() : d;
    }

    List<CampaignPlan> goalsOn(String event) {
        List<CampaignPlan> g = goalsByEvent.get(event);
        return g == null ? List.of() : g;
    }
}
