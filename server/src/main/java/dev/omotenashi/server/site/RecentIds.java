package dev.omotenashi.server.site;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The event ids a site accepted most recently, for dropping retried events before they reach the engine.
 * Bounded (oldest forgotten first): retries come within seconds or minutes, and the journal's own
 * uniqueness constraint keeps it exact on disk beyond that window. Not thread-safe: used under the site's
 * lock.
 */
final class RecentIds {
    private final int capacity;
    private final LinkedHashMap<String, Boolean> ids;

    RecentIds(int capacity) {
        this.capacity = capacity;
        this.ids = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > RecentIds.this.capacity;
            }
        };
    }

    boolean contains(String id) {
        return ids.containsKey(id);
    }

    void add(String id) {
        ids.put(id, Boolean.TRUE);
    }

    void remove(String id) {
        ids.remove(id);
    }
}
