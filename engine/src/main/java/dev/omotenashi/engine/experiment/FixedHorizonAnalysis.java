package dev.omotenashi.engine.experiment;

import java.util.Objects;

/**
 * The fixed-horizon method: one significance test, valid once, when both arms reach the planned
 * {@link Horizon}. Before that the verdict is never {@link Verdict#WIN} or {@link Verdict#LOSE}, however small
 * the p-value: testing every day and stopping at the first p &lt; 0.05 raises the false positive rate from 5% to
 * 20% and more over a few weeks (Johari et al. 2017; measured in {@code FalsePositiveRateSimulationTest}). An
 * operator who wants to stop early uses {@link SequentialAnalysis}.
 *
 * <ul>
 *   <li>p-value: two-sided two-proportion z-test with the pooled standard error.</li>
 *   <li>absolute lift: Newcombe's hybrid score interval (Newcombe 1998, method 10).</li>
 *   <li>relative lift: the log-ratio interval of Katz et al. 1978 (delta method on log(p_t / p_c)).</li>
 * </ul>
 *
 * <p>Verdict, in this order: {@link Verdict#COLLECTING} below the rules' minimum data; at the horizon
 * {@link Verdict#WIN} or {@link Verdict#LOSE} when p &lt; alpha (by the sign of the lift), else
 * {@link Verdict#NO_DIFFERENCE}; before the horizon {@link Verdict#LIKELY_WIN} when the lift is positive with
 * p &lt; {@link DecisionRules#likelyWinP()}, else {@link Verdict#COLLECTING}.
 *
 * <p>The test uses the pooled standard error (the score test of equal rates) and the interval is a score
 * interval of the difference, so right at the edge of significance they can disagree by a hair; the
 * verdict follows the test. Immutable and thread-safe.
 */
public final class FixedHorizonAnalysis {
    private final DecisionRules rules;
    private final Horizon horizon;

    private FixedHorizonAnalysis(DecisionRules rules, Horizon horizon) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.horizon = Objects.requireNonNull(horizon, "horizon");
    }

    /** The method with {@link DecisionRules#standard()} and the given plan. */
    public static FixedHorizonAnalysis of(Horizon horizon) {
        return new FixedHorizonAnalysis(DecisionRules.standard(), horizon);
    }

    public static FixedHorizonAnalysis of(DecisionRules rules, Horizon horizon) {
        return new FixedHorizonAnalysis(rules, horizon);
    }

    public DecisionRules rules() {
        return rules;
    }

    public Horizon horizon() {
        return horizon;
    }

    /** The treatment against control with the data so far. */
    public Comparison compare(ArmStats control, ArmStats treatment) {
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(treatment, "treatment");
        double z = TwoProportions.critical(rules.alpha());
        Estimate absolute = TwoProportions.newcombe(control, treatment, z);
        Estimate relative = TwoProportions.katz(control, treatment, z);
        double p = TwoProportions.pooledZTestP(control, treatment);
        return new Comparison(Comparison.Method.FIXED_HORIZON, control, treatment, 1 - rules.alpha(), absolute, relative, p,
                verdict(control, treatment, absolute.point(), p));
    }

    private Verdict verdict(ArmStats control, ArmStats treatment, double lift, double p) {
        if (!rules.enoughData(control, treatment)) return Verdict.COLLECTING;
        if (horizon.reachedBy(control, treatment)) {
            if (p < rules.alpha() && lift != 0) return lift > 0 ? Verdict.WIN : Verdict.LOSE;
            return Verdict.NO_DIFFERENCE;
        }
        return lift > 0 && p < rules.likelyWinP() ? Verdict.LIKELY_WIN : Verdict.COLLECTING;
    }
}
