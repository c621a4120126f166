package dev.omotenashi.server.console;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Semaphore;

/**
 * Operators' passwords, hashed with Argon2id (Bouncy Castle's pure-Java implementation) and stored in the
 * PHC string format ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), so parameters can be raised later and
 * old hashes still verify. The default parameters are OWASP's minimum recommendation for Argon2id (19 MiB,
 * two passes, one lane). Thread-safe.
 */
public final class Passwords {
    /** Parameters of new hashes. */
    public record Params(int memoryKib, int iterations, int parallelism) {
        public static final Params DEFAULT = new Params(19 * 1024, 2, 1);
    }

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final Params params;
    private final SecureRandom random = new SecureRandom();
    /**
     * Hashes computed at once. Each takes {@code memoryKib} of memory and a core's time; requests run on
     * unbounded virtual threads, so without a bound a burst of sign-ins could exhaust the heap.
     */
    private final Semaphore permits = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()), true);
    /** A hash verified when the login is unknown, so that answer takes as long as a wrong password. */
    private final String decoy;

    public Passwords(Params params) {
        this.params = params;
        this.decoy = hash("decoy password that nobody has");
    }

    public Passwords() {
        this(Params.DEFAULT);
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] out = argon2(password, salt, params.memoryKib(), params.iterations(), params.parallelism(), HASH_BYTES);
        return "$argon2id$v=19$m=" + params.memoryKib() + ",t=" + params.iterations() + ",p=" + params.parallelism()
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(out);
    }

    /** Whether the password matches the stored hash; false for a null or malformed hash. Constant time. */
    public boolean verify(String password, String stored) {
        if (stored == null) return false;
        String[] parts = stored.split("\\$");
        // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
        if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) return false;
        int m = 0, t = 0, p = 0;
        try {
            for (String kv : parts[3].split(",")) {
                int v = Integer.parseInt(kv.substring(2));
                switch (kv.substring(0, 2)) {
                    case "m=" -> m = v;
                    case "t=" -> t = v;
                    case "p=" -> p = v;
                    default -> { return false; }
                }
            }
            byte[] salt = B64D.decode(parts[4]);
            byte[] expected = B64D.decode(parts[5]);
            if (m < 8 || t < 1 || p < 1 || expected.length < 16) return false;
            return MessageDigest.isEqual(expected, argon2(password, salt, m, t, p, expected.length));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            return false;
        }
    }

    /** Spends the time of one verification (for unknown logins). */
    public void verifyDecoy(String password) {
        verify(password, decoy);
    }

    private byte[] argon2(String password, byte[] salt, int m, int t, int p, int length) {
        permits.acquireUninterruptibly();
        try {
            return argon2Now(password, salt, m, t, p, length);
        } finally {
            permits.release();
        }
    }

    private static byte[] argon2Now(String password, byte[] salt, int m, int t, int p, int length) {
        Argon2Parameters a = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(m).withIterations(t).withParallelism(p).withSalt(salt).build();
        Argon2BytesGenerator g = new Argon2BytesGenerator();
        g.init(a);
        byte[] out = new byte[length];
        g.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
