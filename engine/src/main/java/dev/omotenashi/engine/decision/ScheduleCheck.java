package dev.omotenashi.engine.decision;

import dev.omotenashi.engine.campaign.Schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.function.LongPredicate;

/**
 * A campaign's schedule as the decision asks it, on every decision: the start and end are compared
 * exactly; the days and hours, which need the local date-time, are worked out once per minute and
 * remembered (every decision of that minute then costs two comparisons instead of a
 * {@code ZonedDateTime}). Same answers as {@link Schedule#isOpen}. Thread-safe.
 */
public final class ScheduleCheck implements LongPredicate {
    private final long start;
    private final long end;
    private final Schedule schedule;
    private final ZoneId zone;
    private final boolean alwaysInWeek;
    private volatile Minute cached = new Minute(Long.MIN_VALUE, false);

    private record Minute(long minute, boolean open) {}

    public ScheduleCheck(Schedule schedule, ZoneId zone) {
        this.schedule = schedule;
        this.zone = zone;
        this.start = schedule.start() == null ? Long.MIN_VALUE : schedule.start().toEpochMilli();
        this.end = schedule.end() == null ? Long.MAX_VALUE : schedule.end().toEpochMilli();
        this.alwaysInWeek = schedule.days().size() == DayOfWeek.values().length
                && schedule.hours().equals(Schedule.Hours.ALL_DAY);
    }

    @Override
    public boolean test(long now) {
        if (now < start || now >= end) return false;
        if (alwaysInWeek) return true;
        long minute = Math.floorDiv(now, 60_000L);
        Minute m = cached;
        if (m.minute != minute) {
            ZonedDateTime local = Instant.ofEpochMilli(now).atZone(zone);
            boolean open = schedule.days().contains(local.getDayOfWeek())
                    && schedule.hours().contains(local.getHour() * 60 + local.getMinute());
            m = new Minute(minute, open);
            cached = m;
        }
        return m.open;
    }
}
