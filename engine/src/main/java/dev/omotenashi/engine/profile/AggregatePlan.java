package dev.omotenashi.engine.profile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which property aggregates profiles keep, derived from every aggregate the site's configuration reads
 * (conditions, templates, goals). Counts and first/latest times of every event are always kept (see
 * {@link EventCounter}); a {@link Series} exists only for an (event, property) pair something reads, and
 * keeps per-session and per-day parts only when a scope needs them. This is what lets millions of
 * profiles live in one process. Immutable and thread-safe.
 *
 * <p>A consequence operators should know (docs/architecture.md): a property aggregate that no
 * configuration read before starts from the next event; the server rebuilds profiles from the journal
 * when a configuration change adds one.
 */
public final class AggregatePlan {
    public static final AggregatePlan EMPTY = new AggregatePlan(List.of());

    /** What to keep of one (event, property) pair. */
    public record Spec(String event, String property, boolean keepValues, boolean keepSessions, boolean keepDays) {}

    private final Map<String, Spec[]> byEvent;
    private final List<Spec> specs;

    public AggregatePlan(Collection<AggregateKey> keys) {
        Map<List<String>, boolean[]> flags = new LinkedHashMap<>();
        for (AggregateKey k : keys) {
            boolean propertyless = k.property() == null;
            // counts, and first/latest times over all time, come from the EventCounter of every event
            if (propertyless && (k.agg() == Agg.COUNT || k.scope() == Scope.ALL)) continue;
            boolean[] f = flags.computeIfAbsent(java.util.Arrays.asList(k.event(), k.property()), x -> new boolean[3]);
            f[0] |= k.agg() == Agg.VALUES;
            f[1] |= k.scope().isSessional();
            f[2] |= k.scope().isDaily();
        }
        List<Spec> all = new ArrayList<>();
        Map<String, List<Spec>> grouped = new HashMap<>();
        flags.forEach((key, f) -> {
            Spec s = new Spec(key.get(0), key.get(1), f[0], f[1], f[2]);
            all.add(s);
            grouped.computeIfAbsent(s.event(), e -> new ArrayList<>()).add(s);
        });
        Map<String, Spec[]> m = new HashMap<>();
        grouped.forEach((e, l) -> m.put(e, l.toArray(new Spec[0])));
        this.byEvent = Map.copyOf(m);
        this.specs = List.copyOf(all);
    }

    /** The series to update for an event name; an empty array when none. */
    Spec[] forEvent(String event) {
        Spec[] s = byEvent.get(event);
        return s == null ? NONE : s;
    }

    private static final Spec[] NONE = new Spec[0];

    public List<Spec> specs() {
        return specs;
    }
}
