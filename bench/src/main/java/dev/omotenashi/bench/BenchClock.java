package dev.omotenashi.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A clock the benchmark sets before each request, so that simulated time (sessions, days, schedules)
 * advances with the workload rather than with the wall clock, and every run sees the same times.
 *
 * <p>Deliberately cheaper than the tests' {@code MutableClock}: a plain field, no {@code volatile} and no
 * {@link Instant} per read, so that reading the time costs the engine what a system clock read would at
 * most. Not thread-safe: one benchmark thread owns it.
 */
final class BenchClock extends Clock {
    private final ZoneId zone;
    private long now;

    BenchClock(long startMillis, ZoneId zone) {
        this.now = startMillis;
        this.zone = zone;
    }

    void set(long epochMillis) {
        now = epochMillis;
    }

    @Override
    public long millis() {
        return now;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(now);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        BenchClock owner = this;
        return new Clock() { // a view that follows this clock
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

            @Override
            public long millis() {
                return owner.now;
            }
        };
    }
}
