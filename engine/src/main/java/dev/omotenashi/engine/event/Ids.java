package dev.omotenashi.engine.event;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Time-ordered unique ids: a kind prefix and a ULID ({@code v_01JD3Z8K4Q...}, 2 + 26 characters). A ULID is
 * 48 bits of epoch milliseconds then 80 random bits, in Crockford's base32 (digits and upper-case letters
 * without I, L, O, U), so ids sort by creation time as plain strings, to the millisecond, and are URL-safe.
 * Within one millisecond their order is random: this class keeps no state, so it does not implement ULID's
 * optional monotonic mode.
 *
 * <p>Time and randomness are parameters, so tests mint the same ids every run. The convenience methods
 * without a generator use one shared {@link SecureRandom}: visitor ids are bearer identifiers kept in a
 * cookie, and must not be guessable from one another.
 *
 * <p>Thread-safe: methods are static and stateless; the shared SecureRandom is thread-safe. A
 * caller-supplied generator is used from the calling thread only.
 */
public final class Ids {
    private Ids() {}

    /** Prefix of visitor ids (one browser). */
    public static final String VISITOR = "v_";
    /** Prefix of session ids. */
    public static final String SESSION = "s_";
    /** Prefix of action ids (one delivery of a campaign to a page). */
    public static final String ACTION = "a_";
    /** Prefix of event ids minted by the server. */
    public static final String EVENT = "e_";

    /** Characters of a ULID. */
    public static final int ULID_LENGTH = 26;
    /** The largest time a ULID holds: 2^48 - 1 ms, in the year 10889. */
    public static final long MAX_TIME = (1L << 48) - 1;

    /** Shortest and longest visitor id the tag may send (tracking-protocol.md §1). */
    public static final int VISITOR_MIN_LENGTH = 8;
    public static final int VISITOR_MAX_LENGTH = 64;

    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final RandomGenerator SECURE = new SecureRandom();

    /**
     * A ULID for {@code epochMillis}.
     *
     * @throws IllegalArgumentException when {@code epochMillis} is negative or above {@link #MAX_TIME}
     * @throws NullPointerException     when {@code random} is null
     */
    public static String ulid(long epochMillis, RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        if (epochMillis < 0 || epochMillis > MAX_TIME) {
            throw new IllegalArgumentException("time out of ULID range: " + epochMillis);
        }
        char[] out = new char[ULID_LENGTH];
        // 10 characters of time (50 bits, the top two always zero), most significant first.
        for (int i = 9; i >= 0; i--) {
            out[i] = CROCKFORD[(int) (epochMillis & 31)];
            epochMillis >>>= 5;
        }
        // 16 characters of randomness: 80 bits from a 16-bit and a 64-bit draw.
        long hi = random.nextInt() & 0xFFFFL;
        long lo = random.nextLong();
        for (int i = 25; i >= 10; i--) {
            out[i] = CROCKFORD[(int) (lo & 31)];
            lo = (lo >>> 5) | ((hi & 31) << 59);
            hi >>>= 5;
        }
        return new String(out);
    }

    /**
     * {@code prefix} followed by a ULID for {@code epochMillis}.
     *
     * @throws IllegalArgumentException as {@link #ulid}
     */
    public static String next(String prefix, long epochMillis, RandomGenerator random) {
        return Objects.requireNonNull(prefix, "prefix") + ulid(epochMillis, random);
    }

    /** {@code prefix} and a ULID drawn from the shared SecureRandom. @throws IllegalArgumentException as {@link #ulid} */
    public static String next(String prefix, long epochMillis) {
        return next(prefix, epochMillis, SECURE);
    }

    /** A new visitor id ({@code v_...}) from the shared SecureRandom. */
    public static String visitor(long epochMillis) {
        return next(VISITOR, epochMillis, SECURE);
    }

    /** A new session id ({@code s_...}) from the shared SecureRandom. */
    public static String session(long epochMillis) {
        return next(SESSION, epochMillis, SECURE);
    }

    /** A new action id ({@code a_...}) from the shared SecureRandom. */
    public static String action(long epochMillis) {
        return next(ACTION, epochMillis, SECURE);
    }

    /** A new event id ({@code e_...}) from the shared SecureRandom. */
    public static String event(long epochMillis) {
        return next(EVENT, epochMillis, SECURE);
    }

    /**
     * The time encoded in an id made here (with any prefix), or -1 when {@code id} does not end in a ULID.
     */
    public static long timeOf(String id) {
        if (id == null || id.length() < ULID_LENGTH) return -1;
        int start = id.length() - ULID_LENGTH;
        long t = 0;
        for (int i = 0; i < 10; i++) {
            int v = crockfordValue(id.charAt(start + i));
            if (v < 0) return -1;
            t = (t << 5) | v;
        }
        for (int i = 10; i < ULID_LENGTH; i++) {
            if (crockfordValue(id.charAt(start + i)) < 0) return -1;
        }
        return t <= MAX_TIME ? t : -1;
    }

    /**
     * Whether {@code id} is an acceptable visitor id: 8–64 characters of {@code A-Z a-z 0-9 _ -}. Ids the
     * tag makes look like ours ({@code v_} + ULID) but any URL-safe id of that length is accepted, so a site
     * may bring its own.
     */
    public static boolean isValidVisitorId(String id) {
        if (id == null || id.length() < VISITOR_MIN_LENGTH || id.length() > VISITOR_MAX_LENGTH) return false;
        for (int i = 0; i < id.length(); i++) {
            if (!isUrlSafe(id.charAt(i))) return false;
        }
        return true;
    }

    /** Whether {@code c} is one of {@code A-Z a-z 0-9 _ -} (base64url's alphabet). */
    public static boolean isUrlSafe(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    private static int crockfordValue(char c) {
        for (int i = 0; i < CROCKFORD.length; i++) {
            if (CROCKFORD[i] == c) return i;
        }
        return -1;
    }
}
