package dev.omotenashi.engine.experiment;

/**
 * The policy that turns statistics into a {@link Verdict}; docs/measurement.md §4 explains each number.
 * A record rather than a builder: five numbers, all validated together, and {@link #standard()} is what
 * nearly everyone wants.
 *
 * @param alpha             the significance level of a win or lose (and 1 - alpha is the level of every
 *                          interval), in (0, 1)
 * @param minExposedPerArm  below this many exposed visitors in either arm the verdict is
 *                          {@link Verdict#COLLECTING}, at least 1
 * @param minConversions    below this many conversions in control and treatment together the verdict is
 *                          {@link Verdict#COLLECTING}, at least 0
 * @param likelyWinP        a positive lift whose two-sided z-test p-value is below this (but not
 *                          significant) is {@link Verdict#LIKELY_WIN}, in [alpha, 1)
 * @param equivalenceMargin the practical margin on the relative lift: once the whole interval of the
 *                          relative lift lies within +- this, the sequential method says
 *                          {@link Verdict#NO_DIFFERENCE}; greater than 0
 */
public record DecisionRules(double alpha, long minExposedPerArm, long minConversions, double likelyWinP,
                            double equivalenceMargin) {
    public DecisionRules {
        if (!(alpha > 0 && alpha < 1)) throw new IllegalArgumentException("alpha must be in (0, 1), was " + alpha);
        if (minExposedPerArm < 1) throw new IllegalArgumentException("minExposedPerArm must be at least 1, was " + minExposedPerArm);
        if (minConversions < 0) throw new IllegalArgumentException("minConversions must be at least 0, was " + minConversions);
        if (!(likelyWinP >= alpha && likelyWinP < 1)) {
            throw new IllegalArgumentException("likelyWinP must be in [alpha, 1), was " + likelyWinP);
        }
        if (!(equivalenceMargin > 0 && Double.isFinite(equivalenceMargin))) {
            throw new IllegalArgumentException("equivalenceMargin must be positive, was " + equivalenceMargin);
        }
    }

    /** alpha 0.05, at least 100 exposed per arm and 10 conversions, likely win below p 0.2, margin +-5%. */
    public static DecisionRules standard() {
        return new DecisionRules(0.05, 100, 10, 0.2, 0.05);
    }

    /**
     * These rules for one of {@code comparisons} variant-versus-control comparisons made at once: alpha
     * divided by their number (Bonferroni), so the chance that <em>any</em> variant shows a false win or
     * lose stays at most alpha. The likely-win threshold is left as it is (it decides nothing).
     */
    public DecisionRules bonferroni(int comparisons) {
        if (comparisons < 1) throw new IllegalArgumentException("comparisons must be at least 1, was " + comparisons);
        return new DecisionRules(alpha / comparisons, minExposedPerArm, minConversions, likelyWinP, equivalenceMargin);
    }

    /** Whether both arms have the minimum exposure and together the minimum conversions. */
    public boolean enoughData(ArmStats control, ArmStats treatment) {
        return control.exposed() >= minExposedPerArm && treatment.exposed() >= minExposedPerArm
                && control.converted() + treatment.converted() >= minConversions;
    }
}
