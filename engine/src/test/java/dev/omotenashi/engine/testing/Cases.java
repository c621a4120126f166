package dev.omotenashi.engine.testing;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Property-style testing without a framework: runs a check over many generated cases from fixed seeds,
 * so every run is reproducible and a failure names the seed that produced it.
 *
 * <p>Why not jqwik: jqwik 1.10 prints a notice asking AI agents not to use it; we respect its author's
 * wish. What we lose is shrinking, which these invariants have not needed (the failing seed reproduces
 * the case exactly).
 */
public final class Cases {
    private Cases() {}

    /** Runs {@code check} for {@code count} random generators seeded 1 … count. */
    public static void forEach(int count, Consumer<SplittableRandom> check) {
        for (int seed = 1; seed <= count; seed++) {
            try {
                check.accept(new SplittableRandom(seed));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("case with seed " + seed + " failed: " + e.getMessage(), e);
            }
        }
    }

    /** A string of up to {@code maxPieces} pieces drawn from {@code pieces}; null with probability {@code nullChance}. */
    public static String join(SplittableRandom r, List<String> pieces, int maxPieces, double nullChance) {
        if (r.nextDouble() < nullChance) return null;
        int n = r.nextInt(maxPieces + 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append(pieces.get(r.nextInt(pieces.size())));
        return sb.toString();
    }

    /** Any string of UTF-16 units, lone surrogates and control characters included. */
    public static String anyString(SplittableRandom r, int maxLength) {
        int n = r.nextInt(maxLength + 1);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) sb.append((char) r.nextInt(Character.MAX_VALUE + 1));
        return sb.toString();
    }

    /** One of the values. */
    public static <T> T oneOf(SplittableRandom r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }
}
