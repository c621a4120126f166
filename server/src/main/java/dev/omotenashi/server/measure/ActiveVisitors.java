package dev.omotenashi.server.measure;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The visitors (browser ids) seen in the last few minutes, by their latest event's time: a map in the order
 * visitors were last seen, trimmed from its oldest end as requests come, so it holds only the recently
 * active and costs one map update per request. Counting reads only what is left.
 *
 * <p>Not saved in checkpoints: after a restart it is refilled by the journal replay of the records after the
 * checkpoint (taken at most five minutes earlier), and by the requests that follow.
 * Not thread-safe: {@link SiteMeasures} serialises access.
 */
final class ActiveVisitors {
    private final long windowMs;
    private final LinkedHashMap<String, Long> lastSeen = new LinkedHashMap<>(1024, 0.75f, true);

    ActiveVisitors(long windowMs) {
        this.windowMs = windowMs;
    }

    void seen(String visitor, long at) {
        Long before = lastSeen.get(visitor);
        lastSeen.put(visitor, before == null ? at : Math.max(before, at));
        trim(at - windowMs);
    }

    /** Visitors whose latest event is in ({@code now - window}, {@code now}]. */
    long count(long now) {
        trim(now - windowMs);
        long n = 0;
        for (long at : lastSeen.values()) if (at > now - windowMs && at <= now) n++;
        return n;
    }

    private void trim(long cutoff) {
        Iterator<Map.Entry<String, Long>> it = lastSeen.entrySet().iterator();
        while (it.hasNext()) {
            if (it.next().getValue() > cutoff) return;
            it.remove();
        }
    }
}
