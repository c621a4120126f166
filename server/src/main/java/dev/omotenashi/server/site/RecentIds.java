package dev.omotenashi.server.site;

import java.security.SecureRandom;

/**
 * The event ids a site accepted most recently, for dropping retried events before they reach the engine.
 * Bounded (oldest forgotten first): retries come within seconds or minutes; beyond the window a retry is
 * taken again (docs/storage.md, "De-duplication").
 *
 * <p>Kept as 64-bit keyed hashes in primitive arrays, not as strings in a map: the window holds hundreds of
 * thousands of ids, each living tens of seconds, and as objects they were the largest part of what every
 * young collection had to copy (docs/performance.md). Here the whole window is three arrays allocated once:
 * nothing for the collector to trace or copy. A ring remembers the order of arrival; an open-addressing
 * table (linear probing, backward-shift deletion, at most half full) answers membership. The hash is keyed
 * with a random seed per process, so ids cannot be chosen to collide; two different ids share a hash with
 * probability about {@code capacity / 2^64} per lookup.
 *
 * <p>Not thread-safe: used under the site's lock.
 */
final class RecentIds {
    private static final long EMPTY = 0L;

    private final long seed = new SecureRandom().nextLong();
    /** Hashes in order of arrival; {@link #EMPTY} where nothing is (yet, or any more). */
    private final long[] ring;
    private int next;
    /** The hash table: keys and, for each, its position in the ring. */
    private final long[] keys;
    private final int[] positions;
    private final int mask;

    RecentIds(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive");
        this.ring = new long[capacity];
        int size = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) << 1; // >= 2 x capacity, a power of two
        this.keys = new long[size];
        this.positions = new int[size];
        this.mask = size - 1;
    }

    boolean contains(String id) {
        return slotOf(hash(id)) >= 0;
    }

    /** Remembers an id; the oldest one is forgotten when the window is full. Adding a known id does nothing. */
    void add(String id) {
        long h = hash(id);
        if (slotOf(h) >= 0) return;
        long evicted = ring[next];
        if (evicted != EMPTY) {
            int slot = slotOf(evicted);
            // the table may hold that hash for a later arrival (removed, then added again): keep that one
            if (slot >= 0 && positions[slot] == next) delete(slot);
        }
        ring[next] = h;
        int i = (int) h & mask;
        while (keys[i] != EMPTY) i = (i + 1) & mask;
        keys[i] = h;
        positions[i] = next;
        next = next + 1 == ring.length ? 0 : next + 1;
    }

    /** Forgets an id (its request was not made durable, so a retry must be taken). */
    void remove(String id) {
        int slot = slotOf(hash(id));
        if (slot < 0) return;
        ring[positions[slot]] = EMPTY;
        delete(slot);
    }

    private int slotOf(long h) {
        for (int i = (int) h & mask; keys[i] != EMPTY; i = (i + 1) & mask) {
            if (keys[i] == h) return i;
        }
        return -1;
    }

    /** Removes the key at {@code slot}, moving later keys of its probe run back so lookups still find them. */
    private void delete(int slot) {
        int hole = slot;
        for (int i = (hole + 1) & mask; keys[i] != EMPTY; i = (i + 1) & mask) {
            int home = (int) keys[i] & mask;
            // move keys[i] into the hole unless its home lies cyclically in (hole, i]
            boolean stays = hole <= i ? hole < home && home <= i : hole < home || home <= i;
            if (!stays) {
                keys[hole] = keys[i];
                positions[hole] = positions[i];
                hole = i;
            }
        }
        keys[hole] = EMPTY;
    }

    /** A keyed 64-bit hash of the id's characters (each mixed through MurmurHash3's finalizer); never 0. */
    long hash(String id) {
        long h = seed ^ id.length();
        for (int i = 0, n = id.length(); i < n; i++) {
            h = mix((h ^ id.charAt(i)) * 0x9E3779B97F4A7C15L);
        }
        h = mix(h);
        return h == EMPTY ? 1 : h;
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
