package dev.omotenashi.engine.experiment;

/**
 * A point estimate with its interval: a confidence interval for the fixed-horizon method, a confidence
 * sequence for the sequential one (see {@link Comparison#method()}). The level is
 * {@link Comparison#confidence()}.
 *
 * <p>The point is not required to lie inside the interval: a sequential confidence sequence is the
 * intersection of the intervals of every look so far, and today's estimate may fall outside it.
 *
 * @param point the estimate, finite
 * @param lower the lower bound, at most {@code upper}; may be {@code -1} (a lift cannot go below -100%)
 * @param upper the upper bound; may be {@link Double#POSITIVE_INFINITY} for a relative lift with no
 *              information yet
 */
public record Estimate(double point, double lower, double upper) {
    public Estimate {
        if (!Double.isFinite(point)) throw new IllegalArgumentException("point must be finite, was " + point);
        if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
            throw new IllegalArgumentException("need lower <= upper, was [" + lower + ", " + upper + "]");
        }
    }

    /** Whether the interval holds {@code x} (bounds included). */
    public boolean contains(double x) {
        return lower <= x && x <= upper;
    }

    /** Width of the interval. */
    public double width() {
        return upper - lower;
    }
}
