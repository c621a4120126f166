package dev.omotenashi.engine.experiment;

import java.util.Objects;

/**
 * What one arm of an experiment (the control group or a variant) has collected so far: how many visitors
 * were exposed to it, how many of them reached the goal, and the summed goal value.
 *
 * <p>{@code converted} counts <em>visitors</em>, not goal events: a visitor who buys twice within the goal
 * window counts once. Every test in this package models a visitor as one Bernoulli trial, which only holds
 * for that count. {@code value} (revenue, say) is carried for the report but not tested: its heavy tails
 * need a different method.
 *
 * @param arm       the arm's id: {@code "control"} or a variant id
 * @param exposed   visitors assigned and exposed (for the control group: held out and counted), at least 0
 * @param converted of those, visitors who reached the goal, between 0 and {@code exposed}
 * @param value     the summed goal value of those conversions, finite
 */
public record ArmStats(String arm, long exposed, long converted, double value) {
    public ArmStats {
        Objects.requireNonNull(arm, "arm");
        if (exposed < 0) throw new IllegalArgumentException("exposed must be at least 0, was " + exposed);
        if (converted < 0 || converted > exposed) {
            throw new IllegalArgumentException("converted must be between 0 and exposed (" + exposed + "), was " + converted);
        }
        if (!Double.isFinite(value)) throw new IllegalArgumentException("value must be finite, was " + value);
    }

    /** An arm without a goal value. */
    public static ArmStats of(String arm, long exposed, long converted) {
        return new ArmStats(arm, exposed, converted, 0);
    }

    /** An arm nobody has reached yet. */
    public static ArmStats empty(String arm) {
        return new ArmStats(arm, 0, 0, 0);
    }

    /** Conversions per exposed visitor; 0 while nobody was exposed. */
    public double rate() {
        return exposed == 0 ? 0 : (double) converted / exposed;
    }

    /** Goal value per exposed visitor; 0 while nobody was exposed. */
    public double valuePerExposed() {
        return exposed == 0 ? 0 : value / exposed;
    }

    /** Exposed visitors who did not convert. */
    public long failures() {
        return exposed - converted;
    }
}
