package dev.omotenashi.engine.profile;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Shares equal strings that millions of profiles hold (event names, landing paths, referrer hosts,
 * campaign ids), so each is stored once per site rather than once per profile. Bounded: past
 * {@code capacity} distinct strings it stops adding and returns its argument, so a client sending random
 * names cannot grow it without limit (correctness never depends on interning). Thread-safe.
 */
public final class Interner {
    private final ConcurrentHashMap<String, String> pool = new ConcurrentHashMap<>();
    private final int capacity;

    public Interner(int capacity) {
        this.capacity = capacity;
    }

    public String intern(String s) {
        if (s == null) return null;
        String shared = pool.get(s);
        if (shared != null) return shared;
        if (pool.size() >= capacity) return s;
        shared = pool.putIfAbsent(s, s);
        return shared == null ? s : shared;
    }

    public int size() {
        return pool.size();
    }
}
