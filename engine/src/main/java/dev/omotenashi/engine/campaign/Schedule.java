package dev.omotenashi.engine.campaign;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * When a live campaign is delivered, in the site's timezone: between {@code start} (inclusive) and
 * {@code end} (exclusive), on {@code days}, during {@code hours}. Omitted parts mean "always".
 *
 * <p>Days and hours are checked independently against the local date-time: {@code {"days": ["fri"],
 * "hours": {"from": "22:00", "to": "02:00"}}} is open on Friday from 22:00 to midnight and from 00:00 to
 * 02:00 (on Friday, not on the Saturday morning that follows).
 *
 * @param start null for no start
 * @param end   null for no end; after {@code start}
 * @param days  the days of the week, never empty
 */
public record Schedule(Instant start, Instant end, Set<DayOfWeek> days, Hours hours) {
    public static final Schedule ALWAYS = new Schedule(null, null, EnumSet.allOf(DayOfWeek.class), Hours.ALL_DAY);

    public Schedule {
        if (start != null && end != null && !start.isBefore(end)) throw new IllegalArgumentException("start must be before end");
        if (days == null || days.isEmpty()) throw new IllegalArgumentException("days must not be empty");
        days = Collections.unmodifiableSet(EnumSet.copyOf(days));
        if (hours == null) hours = Hours.ALL_DAY;
    }

    /** Whether the schedule is open at {@code now} in the site's {@code zone}. */
    public boolean isOpen(Instant now, ZoneId zone) {
        if (start != null && now.isBefore(start)) return false;
        if (end != null && !now.isBefore(end)) return false;
        ZonedDateTime local = now.atZone(zone);
        return days.contains(local.getDayOfWeek()) && hours.contains(local.getHour() * 60 + local.getMinute());
    }

    /**
     * Hours of the day, as minutes since midnight: from {@code from} (inclusive) to {@code to} (exclusive).
     * {@code to} may be 1440 ({@code "24:00"}, the end of the day). When {@code from > to} the window
     * spans midnight ({@code 22:00}–{@code 02:00}).
     */
    public record Hours(int from, int to) {
        public static final Hours ALL_DAY = new Hours(0, 1440);

        public Hours {
            if (from < 0 || from > 1439) throw new IllegalArgumentException("from must be 00:00..23:59");
            if (to < 1 || to > 1440) throw new IllegalArgumentException("to must be 00:01..24:00");
            if (from == to) throw new IllegalArgumentException("from and to must differ");
        }

        public boolean contains(int minuteOfDay) {
            return from < to ? minuteOfDay >= from && minuteOfDay < to : minuteOfDay >= from || minuteOfDay < to;
        }

        /** {@code "HH:MM"}. */
        public static String format(int minutes) {
            return String.format("%02d:%02d", minutes / 60, minutes % 60);
        }
    }
}
