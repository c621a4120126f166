package dev.omotenashi.engine.profile;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

/**
 * Turns instants into day numbers (days since 1970-01-01) in a site's timezone, for the {@code today},
 * {@code 7d}, {@code 28d} scopes, {@code per: day} frequencies and schedules.
 *
 * <p>Thread-safe. The last day looked up is cached in an immutable holder: almost every event of a live
 * site falls on the same day as the previous one, so the common case is two comparisons.
 */
public final class Days {
    private final ZoneId zone;
    private final ZoneRules rules;
    private volatile Span last = new Span(Long.MIN_VALUE, Long.MIN_VALUE, 0);

    private record Span(long startMs, long endMs, int day) {}

    public Days(ZoneId zone) {
        this.zone = zone;
        this.rules = zone.getRules();
    }

    public ZoneId zone() {
        return zone;
    }

    /** The day number of an instant in the site's timezone. */
    public int dayOf(long epochMs) {
        Span s = last;
        if (epochMs >= s.startMs && epochMs < s.endMs) return s.day;
        ZoneOffset offset = rules.getOffset(Instant.ofEpochMilli(epochMs));
        int day = (int) Math.floorDiv(epochMs + offset.getTotalSeconds() * 1000L, 86_400_000L);
        LocalDate date = LocalDate.ofEpochDay(day);
        long start = date.atStartOfDay(zone).toInstant().toEpochMilli();
        long end = date.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        last = new Span(start, end, day);
        return day;
    }
}
