package dev.omotenashi.engine.experiment;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The fixed-sample formulas for two binomial proportions that both methods share. Stateless; the normal
 * distribution comes from Apache Commons Statistics.
 */
final class TwoProportions {
    static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private TwoProportions() {}

    /** The two-sided standard normal critical value: 1.959964 for alpha 0.05. */
    static double critical(double alpha) {
        return STANDARD_NORMAL.inverseSurvivalProbability(alpha / 2);
    }

    /**
     * The two-sided p-value of the two-proportion z-test with the pooled standard error (the score test of
     * p_c = p_t; Fleiss, Levin &amp; Paik 2003, ch. 2): z = (p_t - p_c) / sqrt(pbar (1 - pbar) (1/n_c + 1/n_t)).
     * 1 when the pooled rate is 0 or 1, or an arm is empty: no evidence either way.
     */
    static double pooledZTestP(ArmStats control, ArmStats treatment) {
        long nc = control.exposed(), nt = treatment.exposed();
        if (nc == 0 || nt == 0) return 1;
        double pooled = (double) (control.converted() + treatment.converted()) / (nc + nt);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / nc + 1.0 / nt));
        if (se == 0) return 1;
        double z = (treatment.rate() - control.rate()) / se;
        return Math.min(1, 2 * STANDARD_NORMAL.survivalProbability(Math.abs(z)));
    }

    /**
     * Newcombe's hybrid score interval for p_t - p_c (Newcombe 1998, "Interval estimation for the difference
     * between independent proportions: comparison of eleven methods", Statistics in Medicine 17:873-890,
     * method 10): the Wilson intervals (l, u) of both arms combined as
     * [d - sqrt((p_t - l_t)^2 + (u_c - p_c)^2), d + sqrt((u_t - p_t)^2 + (p_c - l_c)^2)].
     * Unlike the Wald interval it stays inside [-1, 1] and does not collapse to a point at 0 conversions.
     */
    static Estimate newcombe(ArmStats control, ArmStats treatment, double z) {
        double pc = control.rate(), pt = treatment.rate();
        double[] c = wilson(control.converted(), control.exposed(), z);
        double[] t = wilson(treatment.converted(), treatment.exposed(), z);
        double d = pt - pc;
        double lower = d - Math.sqrt(sq(pt - t[0]) + sq(c[1] - pc));
        double upper = d + Math.sqrt(sq(t[1] - pt) + sq(pc - c[0]));
        return new Estimate(d, Math.max(-1, lower), Math.min(1, upper));
    }

    /**
     * The Wilson score interval for x successes in n trials (Wilson 1927, JASA 22:209-212); [0, 1] when
     * n is 0.
     */
    static double[] wilson(long x, long n, double z) {
        if (n == 0) return new double[] {0, 1};
        double p = (double) x / n;
        double z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /**
     * The log-ratio (Katz) interval for p_t / p_c - 1 (Katz, Baptista, Azen &amp; Pike 1978, "Obtaining
     * confidence intervals for the risk ratio in cohort studies", Biometrics 34:469-474): the delta method on
     * log(p_t / p_c), whose variance is 1/x_t - 1/n_t + 1/x_c - 1/n_c, then back through exp. Null when an
     * arm has no conversion.
     */
    static Estimate katz(ArmStats control, ArmStats treatment, double z) {
        if (control.converted() == 0 || treatment.converted() == 0) return null;
        double logRatio = Math.log(treatment.rate() / control.rate());
        double se = Math.sqrt(logVariance(control, treatment));
        return new Estimate(Math.expm1(logRatio), Math.expm1(logRatio - z * se), Math.expm1(logRatio + z * se));
    }

    /** The delta-method variance of log(p_t / p_c); both arms must have a conversion. */
    static double logVariance(ArmStats control, ArmStats treatment) {
        return 1.0 / treatment.converted() - 1.0 / treatment.exposed() + 1.0 / control.converted() - 1.0 / control.exposed();
    }

    /** The unpooled variance of p_t - p_c: p_c q_c / n_c + p_t q_t / n_t; arms must be non-empty. */
    static double differenceVariance(ArmStats control, ArmStats treatment) {
        double pc = control.rate(), pt = treatment.rate();
        return pc * (1 - pc) / control.exposed() + pt * (1 - pt) / treatment.exposed();
    }

    private static double sq(double x) {
        return x * x;
    }
}
