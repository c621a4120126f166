package dev.omotenashi.server.measure;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omotenashi.engine.profile.Agg;
import dev.omotenashi.engine.profile.Profile;
import dev.omotenashi.engine.profile.Scope;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

/**
 * Funnels (scenarios.md S23): the journey phases from the site's {@link JourneyCounters}, and any ordered
 * list of events from the profiles in memory.
 *
 * <p>An event funnel reads, per person, the time each step's event first happened — the profile keeps it for
 * every event name it has seen, maintained as events arrive — so no event is read again. A person enters at
 * step 1 when their first {@code steps[0]} falls inside the range, and reaches step k when the first
 * {@code steps[k-1]} happened no earlier than the step before and by the end of the range. This is a
 * first-occurrence funnel: a person who first did step 2 before step 1 does not count at step 2, even if they
 * did it again afterwards. Cost: one pass over the profiles in memory (like a segment count).
 */
public final class Funnels {
    private Funnels() {}

    /** The journey phases of visitors first seen in {@code from}..{@code to}. */
    public static ObjectNode journey(SiteMeasures m, LocalDate from, LocalDate to) {
        JourneyCounters.Phases p = m.journey((int) from.toEpochDay(), (int) to.toEpochDay());
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("from", from.toString());
        out.put("to", to.toString());
        out.put("purchase_event", SiteMeasures.PURCHASE);
        ArrayNode phases = out.putArray("phases");
        ObjectNode attract = step(phases, "attract", p.attract(), -1, p.attract());
        ObjectNode bySource = attract.putObject("by_source");
        for (int i = 0; i < JourneyCounters.SOURCES.size(); i++) bySource.put(JourneyCounters.SOURCES.get(i), p.bySource()[i]);
        step(phases, "engage", p.engage(), p.attract(), p.attract());
        step(phases, "convert", p.convert(), p.engage(), p.attract());
        step(phases, "retain", p.retain(), p.convert(), p.attract());
        return out;
    }

    /**
     * An ordered event funnel over the profiles {@code profiles} shows (each once, e.g.
     * {@code LiveSite::readProfiles}, which shows them a slice at a time).
     */
    public static ObjectNode events(Consumer<Consumer<Profile>> profiles, List<String> steps, LocalDate from, LocalDate to, ZoneId zone) {
        long start = from.atStartOfDay(zone).toInstant().toEpochMilli();
        long end = to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        long[] reached = new long[steps.size()];
        profiles.accept(p -> {
            long previous = start;
            for (int k = 0; k < steps.size(); k++) {
                Object at = p.aggregate(steps.get(k), null, Scope.ALL, Agg.FIRST_AT, null, 0);
                if (!(at instanceof Number n)) break;
                long t = n.longValue();
                if (t < previous || t >= end) break;
                reached[k]++;
                previous = t;
            }
        });
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("from", from.toString());
        out.put("to", to.toString());
        ArrayNode out2 = out.putArray("steps");
        for (int k = 0; k < steps.size(); k++) {
            step(out2, steps.get(k), reached[k], k == 0 ? -1 : reached[k - 1], reached[0]);
        }
        return out;
    }

    private static ObjectNode step(ArrayNode into, String name, long n, long previous, long first) {
        ObjectNode s = into.addObject();
        s.put("name", name);
        s.put("visitors", n);
        if (previous >= 0) {
            s.put("drop_off", previous - n);
            s.put("rate_from_previous", previous == 0 ? 0 : (double) n / previous);
        } else {
            s.putNull("drop_off");
            s.putNull("rate_from_previous");
        }
        s.put("rate_from_first", first == 0 ? 0 : (double) n / first);
        return s;
    }
}
