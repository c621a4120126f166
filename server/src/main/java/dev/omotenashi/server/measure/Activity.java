package dev.omotenashi.server.measure;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Events and deliveries per minute over the last hour, by the events' own times: a ring of
 * {@value #SLOTS} one-minute slots, each tagged with its minute, so an old slot is recognised and reset
 * rather than added to. Events older than the ring are not counted here (they still count everywhere else).
 *
 * <p>Not thread-safe: {@link SiteMeasures} serialises access.
 */
final class Activity {
    static final int SLOTS = 64;
    private static final long MINUTE = 60_000;

    private final long[] minute = new long[SLOTS];
    private final long[] events = new long[SLOTS];
    private final long[] deliveries = new long[SLOTS];
    private long latest = Long.MIN_VALUE;

    Activity() {
        java.util.Arrays.fill(minute, Long.MIN_VALUE);
    }

    void event(long at, boolean delivery) {
        long m = Math.floorDiv(at, MINUTE);
        if (latest != Long.MIN_VALUE && m <= latest - SLOTS) return; // older than the ring
        latest = Math.max(latest, m);
        int i = (int) Math.floorMod(m, SLOTS);
        if (minute[i] != m) {
            minute[i] = m;
            events[i] = 0;
            deliveries[i] = 0;
        }
        events[i]++;
        if (delivery) deliveries[i]++;
    }

    /** Events (or deliveries) in the minute {@code m} (epoch minutes); 0 when not in the ring. */
    long events(long m) {
        int i = (int) Math.floorMod(m, SLOTS);
        return minute[i] == m ? events[i] : 0;
    }

    long deliveries(long m) {
        int i = (int) Math.floorMod(m, SLOTS);
        return minute[i] == m ? deliveries[i] : 0;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeLong(latest);
        for (int i = 0; i < SLOTS; i++) {
            out.writeLong(minute[i]);
            out.writeLong(events[i]);
            out.writeLong(deliveries[i]);
        }
    }

    void read(DataInputStream in) throws IOException {
        latest = in.readLong();
        for (int i = 0; i < SLOTS; i++) {
            minute[i] = in.readLong();
            events[i] = in.readLong();
            deliveries[i] = in.readLong();
        }
    }
}
