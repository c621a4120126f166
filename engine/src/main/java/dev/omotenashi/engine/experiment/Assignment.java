package dev.omotenashi.engine.experiment;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Stable assignment of a visitor to a campaign's control group or to one of its variants: a hash of the
 * visitor key and the campaign id, so the same person lands in the same arm on every request and on every
 * node, with no state to share. The control draw and the variant draw use independent hashes (different
 * salts), so the variant split among non-control visitors does not depend on the control share.
 *
 * <p>The hash is 64-bit FNV-1a over the UTF-8 bytes followed by the SplitMix64 finaliser, which mixes the
 * low-entropy inputs ids are into uniformly distributed bits. Thread-safe (stateless).
 */
public final class Assignment {
    private Assignment() {}

    /** A uniform number in [0, 1) for this visitor, campaign and purpose. */
    public static double unit(String visitorKey, String campaign, String salt) {
        long h = 0xcbf29ce484222325L;
        h = fnv(h, visitorKey);
        h = fnv(h ^ 0x1f, campaign);
        h = fnv(h ^ 0x2f, salt);
        h = mix(h);
        return (h >>> 11) * 0x1.0p-53;
    }

    /** Whether the visitor is held out in the control group of {@code percent} percent. */
    public static boolean inControl(String visitorKey, String campaign, int percent) {
        return percent > 0 && unit(visitorKey, campaign, "control") * 100.0 < percent;
    }

    /** The index of the variant the visitor sees, drawn in proportion to the weights (all positive). */
    public static int variant(String visitorKey, String campaign, List<Integer> weights) {
        if (weights.size() == 1) return 0;
        long total = 0;
        for (int w : weights) total += w;
        double x = unit(visitorKey, campaign, "variant") * total;
        long acc = 0;
        for (int i = 0; i < weights.size(); i++) {
            acc += weights.get(i);
            if (x < acc) return i;
        }
        return weights.size() - 1;
    }

    private static long fnv(long h, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
