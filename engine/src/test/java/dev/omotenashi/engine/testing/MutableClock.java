package dev.omotenashi.engine.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A {@link Clock} that stands still until a test moves it, so that sessions, schedules and durations are
 * exercised without sleeping (STYLE.md §8).
 *
 * <p>Not thread-safe beyond the visibility of the current instant: one test drives it.
 */
public final class MutableClock extends Clock {
    private final ZoneId zone;
    private volatile Instant now;

    public MutableClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    /** A clock showing the given local time. */
    public static MutableClock at(ZonedDateTime start) {
        return new MutableClock(start.toInstant(), start.getZone());
    }

    /** Moves the clock forward (or backward, with a negative duration). */
    public void advance(Duration d) {
        now = now.plus(d);
    }

    /** Puts the clock on the given instant. */
    public void set(Instant instant) {
        now = instant;
    }

    public void set(ZonedDateTime time) {
        now = time.toInstant();
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public long millis() {
        return now.toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        // A view that shares this clock's instant: moving this clock moves the view too.
        MutableClock owner = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return other;
            }

            @Override
            public Clock withZone(ZoneId z) {
                return owner.withZone(z);
            }

            @Override
            public Instant instant() {
                return owner.instant();
            }
        };
    }

    @Override
    public String toString() {
        return "MutableClock[" + now + ", " + zone + "]";
    }
}
