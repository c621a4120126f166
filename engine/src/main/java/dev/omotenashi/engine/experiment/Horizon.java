package dev.omotenashi.engine.experiment;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The planned size of an experiment: how many exposed visitors each arm must reach before the
 * fixed-horizon test decides. Plan it before the experiment starts, from a lift worth detecting
 * ({@link #forLift}), and do not move it once data comes in: moving the horizon after looking at the
 * results is peeking under another name.
 *
 * @param controlExposed   exposed visitors the control arm must reach, at least 1
 * @param treatmentExposed exposed visitors the treatment arm must reach, at least 1
 */
public record Horizon(long controlExposed, long treatmentExposed) {
    public Horizon {
        if (controlExposed < 1 || treatmentExposed < 1) {
            throw new IllegalArgumentException("a horizon needs at least 1 visitor per arm, was " + controlExposed + "/" + treatmentExposed);
        }
    }

    /** The same number of exposed visitors in both arms. */
    public static Horizon perArm(long exposed) {
        return new Horizon(exposed, exposed);
    }

    /**
     * The sample size at which the two-sided two-proportion z-test at {@code alpha} detects a relative lift
     * of {@code relativeLift} over {@code baselineRate} with probability {@code power}, for a treatment arm
     * {@code treatmentPerControl} times as large as the control arm (9 for a 10% control group against a
     * single variant):
     *
     * <pre>
     *   n_c = ( z(1-alpha/2) * sqrt(pbar*qbar*(1 + 1/k)) + z(power) * sqrt(p1*q1 + p2*q2/k) )^2 / (p2 - p1)^2
     *   n_t = k * n_c,   pbar = (p1 + k*p2) / (1 + k)
     * </pre>
     *
     * the normal-approximation formula without continuity correction (Fleiss, Levin &amp; Paik, <i>Statistical
     * Methods for Rates and Proportions</i>, 3rd ed., Wiley 2003, ch. 4, which also covers unequal arms). Rounded up.
     *
     * @throws IllegalArgumentException if the treatment rate {@code baselineRate * (1 + relativeLift)} is
     *                                  not strictly between 0 and 1, or a parameter is out of range
     */
    public static Horizon forLift(double baselineRate, double relativeLift, double treatmentPerControl, double alpha, double power) {
        double p1 = baselineRate;
        double p2 = baselineRate * (1 + relativeLift);
        if (!(p1 > 0 && p1 < 1 && p2 > 0 && p2 < 1 && relativeLift != 0)) {
            throw new IllegalArgumentException("need 0 < baseline, baseline*(1+lift) < 1 and lift != 0");
        }
        if (!(treatmentPerControl > 0 && Double.isFinite(treatmentPerControl))) throw new IllegalArgumentException("treatmentPerControl must be positive");
        if (!(alpha > 0 && alpha < 1 && power > 0 && power < 1)) throw new IllegalArgumentException("alpha and power must be in (0, 1)");
        double k = treatmentPerControl;
        NormalDistribution z = TwoProportions.STANDARD_NORMAL;
        double za = z.inverseSurvivalProbability(alpha / 2);
        double zb = z.inverseCumulativeProbability(power);
        double pbar = (p1 + k * p2) / (1 + k);
        double root = za * Math.sqrt(pbar * (1 - pbar) * (1 + 1 / k)) + zb * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2) / k);
        double nc = Math.ceil(root * root / ((p2 - p1) * (p2 - p1)));
        return new Horizon((long) nc, (long) Math.ceil(k * nc));
    }

    /** Whether both arms have reached their planned exposure. */
    public boolean reachedBy(ArmStats control, ArmStats treatment) {
        return control.exposed() >= controlExposed && treatment.exposed() >= treatmentExposed;
    }
}
