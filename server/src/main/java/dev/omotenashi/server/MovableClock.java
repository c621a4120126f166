package dev.omotenashi.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The clock of a server started with {@code --test-clock}: real time plus an offset that
 * {@code POST /api/v1/test-clock} moves forward, so journeys, schedules and sessions can be tried in
 * minutes (like Stripe's test clocks). Never used in production. Thread-safe.
 */
public final class MovableClock extends Clock {
    private final Clock base;
    private final AtomicLong offsetMs = new AtomicLong();

    public MovableClock(Clock base) {
        this.base = base;
    }

    /** Moves the clock forward; a negative duration is refused (time does not go back). */
    public void advance(Duration d) {
        if (d.isNegative()) throw new IllegalArgumentException("the test clock only moves forward");
        offsetMs.addAndGet(d.toMillis());
    }

    public Duration offset() {
        return Duration.ofMillis(offsetMs.get());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public long millis() {
        return base.millis() + offsetMs.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }
}
