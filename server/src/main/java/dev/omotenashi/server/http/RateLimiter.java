package dev.omotenashi.server.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets per key (a site, a client address): {@code perSecond} tokens a second, bursts up to
 * {@code burst}. A refused request learns how long to wait ({@code Retry-After}). Idle buckets are
 * dropped so the map stays as large as the set of active clients. Thread-safe.
 */
public final class RateLimiter {
    private static final int MAX_KEYS = 100_000;

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanos;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    /** A limiter; {@code perSecond <= 0} disables it. */
    public RateLimiter(double perSecond, double burst, LongSupplier nanos) {
        this.perSecond = perSecond;
        this.burst = Math.max(burst, 1);
        this.nanos = nanos;
    }

    /** Takes a token for the key: 0 when allowed, else the seconds to wait before retrying (at least 1). */
    public long acquire(String key) {
        if (perSecond <= 0) return 0;
        long now = nanos.getAsLong();
        if (buckets.size() > MAX_KEYS) prune(now);
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        synchronized (b) {
            b.tokens = Math.min(burst, b.tokens + (now - b.at) / 1e9 * perSecond);
            b.at = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - b.tokens) / perSecond));
        }
    }

    private void prune(long now) {
        long idle = (long) (burst / perSecond * 1e9) + 1_000_000_000L;
        buckets.entrySet().removeIf(e -> now - e.getValue().at > idle);
    }
}
