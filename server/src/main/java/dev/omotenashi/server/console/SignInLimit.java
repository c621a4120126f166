package dev.omotenashi.server.console;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins per client address, beside the per-account lock-out (docs/console.md): once {@code max}
 * sign-ins from one address failed within {@code window}, that address is refused until the oldest of those
 * failures is {@code window} old — a sliding window, so a steady guesser gets {@code max} tries per window
 * and no more. Successful sign-ins are not counted.
 *
 * <p>An IPv6 address counts by its /64 prefix: one machine usually holds a whole /64, so counting single
 * addresses would give it billions of windows. Counts live in this process's memory (a restart forgets them;
 * with several nodes each counts its own) and read the injected clock, so the test clock moves them.
 *
 * <p>Memory is bounded: addresses whose failures have all left the window are dropped when the map grows
 * past {@value #MAX_ADDRESSES}; if it is still full, new addresses are not counted (the per-account lock-out
 * still applies to them) until old ones leave. Thread-safe.
 */
public final class SignInLimit {
    private static final Logger log = LoggerFactory.getLogger(SignInLimit.class);
    static final int MAX_ADDRESSES = 100_000;

    private final int max;
    private final long windowMs;
    private final Clock clock;
    private final ConcurrentHashMap<String, ArrayDeque<Long>> failures = new ConcurrentHashMap<>();
    private volatile long fullWarnedAt = Long.MIN_VALUE;

    /** @param max failures within the window that close the address; {@code window} how long each counts */
    public SignInLimit(int max, Duration window, Clock clock) {
        if (max < 1) throw new IllegalArgumentException("max must be at least 1: " + max);
        if (window.isNegative() || window.isZero()) throw new IllegalArgumentException("window must be positive: " + window);
        this.max = max;
        this.windowMs = window.toMillis();
        this.clock = clock;
    }

    /** How many seconds the address must wait before trying again (at least 1), or 0 when it may try now. */
    public long retryAfterSeconds(String address) {
        ArrayDeque<Long> times = failures.get(key(address));
        if (times == null) return 0;
        long now = clock.millis();
        synchronized (times) {
            expire(times, now);
            if (times.size() < max) return 0;
            long openAt = times.peekFirst() + windowMs;
            return Math.max(1, (openAt - now + 999) / 1000);
        }
    }

    /** Counts one failed sign-in from the address. */
    public void failure(String address) {
        String key = key(address);
        long now = clock.millis();
        if (failures.size() >= MAX_ADDRESSES && !failures.containsKey(key)) {
            prune(now);
            if (failures.size() >= MAX_ADDRESSES) {
                if (now - fullWarnedAt > 60_000) {
                    fullWarnedAt = now;
                    log.warn("failed sign-ins come from more than {} addresses; new addresses are not counted until old ones expire"
                            + " (the per-account lock-out still applies)", MAX_ADDRESSES);
                }
                return;
            }
        }
        ArrayDeque<Long> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            expire(times, now);
            times.addLast(now);
            while (times.size() > max) times.removeFirst(); // only the newest max decide when it reopens
        }
    }

    private void expire(ArrayDeque<Long> times, long now) {
        while (!times.isEmpty() && times.peekFirst() <= now - windowMs) times.removeFirst();
    }

    private void prune(long now) {
        failures.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                expire(e.getValue(), now);
                return e.getValue().isEmpty();
            }
        });
    }

    /** The address as counted: IPv4 as it is, IPv6 by its /64 prefix. */
    static String key(String address) {
        if (address == null || address.isEmpty()) return "unknown";
        String a = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        if (a.indexOf(':') < 0) return a;
        int zone = a.indexOf('%');
        if (zone >= 0) a = a.substring(0, zone);
        try {
            // a literal: parsed, never looked up in DNS
            InetAddress parsed = InetAddress.getByName(a);
            if (parsed instanceof Inet6Address six) {
                byte[] b = six.getAddress();
                return "v6:" + HexFormat.of().formatHex(b, 0, 8) + "::/64";
            }
            return parsed.getHostAddress(); // an IPv4-mapped address
        } catch (UnknownHostException e) {
            return a;
        }
    }
}
