package dev.omotenashi.engine.campaign;

import dev.omotenashi.engine.config.Values;

import java.util.Objects;

/**
 * One arm of a campaign's A/B test: visitors are assigned to variants in proportion to their weights.
 * A campaign without {@code variants} has a single variant {@value #DEFAULT_ID} of weight 1.
 *
 * @param id     unique within the campaign, {@link Values#isId a valid id}
 * @param weight 1 to {@value #MAX_WEIGHT}
 */
public record Variant(String id, int weight, Creative creative) {
    public static final String DEFAULT_ID = "default";
    public static final int MAX_WEIGHT = 1000;

    public Variant {
        if (!Values.isId(id)) throw new IllegalArgumentException("invalid variant id: " + id);
        if (weight < 1 || weight > MAX_WEIGHT) throw new IllegalArgumentException("weight must be 1.." + MAX_WEIGHT);
        Objects.requireNonNull(creative, "creative");
    }

    /** The single variant of a campaign written with {@code creative} instead of {@code variants}. */
    public static Variant of(Creative creative) {
        return new Variant(DEFAULT_ID, 1, creative);
    }
}
