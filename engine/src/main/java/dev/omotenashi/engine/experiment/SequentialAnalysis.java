package dev.omotenashi.engine.experiment;

import java.util.Objects;

/**
 * The always-valid method: a mixture sequential probability ratio test (mSPRT) that the operator may look
 * at every day, or every minute, and stop at any time, and whose false positive rate still stays below
 * alpha. Johari, Koomen, Pekelis &amp; Walsh, "Peeking at A/B Tests: Why it matters, and what to do about it",
 * KDD 2017; Johari, Koomen, Pekelis &amp; Walsh, "Always Valid Inference: Continuous Monitoring of A/B Tests",
 * Operations Research 70(3):1806-1821, 2022.
 *
 * <p><b>The statistic.</b> With d the observed difference p_t - p_c, s^2 = p_c q_c / n_c + p_t q_t / n_t
 * its plug-in variance, and a normal mixing distribution N(0, tau^2) over the true difference under the
 * alternative, the mixture likelihood ratio against "no difference" is (normal approximation)
 *
 * <pre>
 *   Lambda = sqrt(s^2 / (s^2 + tau^2)) * exp( tau^2 d^2 / (2 s^2 (s^2 + tau^2)) )
 * </pre>
 *
 * Under the null it is a (super)martingale with mean 1, so by Ville's inequality it ever exceeds 1/alpha
 * with probability at most alpha, whenever it is looked at. The always-valid p-value is the running minimum
 * of min(1, 1/Lambda) over the looks; the confidence sequence, the differences theta0 not rejected at any
 * look, is d +- s sqrt((1 + u)/u (ln(1 + u) + 2 ln(1/alpha))) with u = tau^2 / s^2, intersected over the
 * looks. The relative lift gets the same confidence sequence on the scale of log(p_t / p_c), with the
 * delta-method variance of {@link TwoProportions#katz} and mixing standard deviation {@code relativeTau}.
 *
 * <p><b>The mixing scale tau.</b> tau = {@code relativeTau} x the pooled conversion rate, 0.1 by default:
 * the mixture puts its mass on relative lifts of about +-10%, the size most web experiments' real effects
 * have, so it is most powerful there. Johari et al. choose tau from past experiments; a new installation
 * has none, and an absolute tau would not fit a 0.5% and a 30% goal alike. Tying tau to the pooled rate is
 * a plug-in of the same kind as the plug-in variance the paper already uses (both converge as data comes
 * in), and the A/A simulation checks that the false positive rate stays below alpha. The power is flat
 * near its best for tau between about 2 and 4.5 standard errors at the sample size actually reached.
 *
 * <p><b>Running state.</b> The minimum p-value and the intersection of intervals need the previous look:
 * pass the last {@link Comparison} back in. Without it, the one-look p-value min(1, 1/Lambda) is still
 * valid (Ville) but less powerful, and a verdict may come back from {@link Verdict#WIN}. Looks below the
 * rules' minimum data are not folded into the running state, so the plug-in variance of a handful of
 * visitors cannot leave a lasting mark. If the intersection comes out empty (the rates drifted over time,
 * which the model excludes), the current look's interval is kept.
 *
 * <p><b>Verdict</b>, in this order: {@link Verdict#COLLECTING} below the minimum data; {@link Verdict#WIN}
 * or {@link Verdict#LOSE} when the always-valid p &lt; alpha (by the side of 0 the confidence sequence lies
 * on); {@link Verdict#NO_DIFFERENCE} when the relative lift's confidence sequence lies within
 * +-{@link DecisionRules#equivalenceMargin()}, or the optional {@link Horizon} is reached;
 * {@link Verdict#LIKELY_WIN} when the lift is positive with a pooled z-test p below
 * {@link DecisionRules#likelyWinP()}; else {@link Verdict#COLLECTING}. Immutable and thread-safe.
 */
public final class SequentialAnalysis {
    /** The default relative mixing scale: lifts of about +-10%. */
    public static final double DEFAULT_RELATIVE_TAU = 0.1;

    private final DecisionRules rules;
    private final double relativeTau;
    private final Horizon horizon;

    private SequentialAnalysis(DecisionRules rules, double relativeTau, Horizon horizon) {
        this.rules = Objects.requireNonNull(rules, "rules");
        if (!(relativeTau > 0 && Double.isFinite(relativeTau))) throw new IllegalArgumentException("relativeTau must be positive, was " + relativeTau);
        this.relativeTau = relativeTau;
        this.horizon = horizon;
    }

    /** Standard rules, relative tau 0.1, no horizon. */
    public static SequentialAnalysis standard() {
        return new SequentialAnalysis(DecisionRules.standard(), DEFAULT_RELATIVE_TAU, null);
    }

    public static SequentialAnalysis of(DecisionRules rules, double relativeTau) {
        return new SequentialAnalysis(rules, relativeTau, null);
    }

    /** The same method, ending with {@link Verdict#NO_DIFFERENCE} once {@code horizon} is reached without significance. */
    public SequentialAnalysis withHorizon(Horizon horizon) {
        return new SequentialAnalysis(rules, relativeTau, Objects.requireNonNull(horizon, "horizon"));
    }

    public DecisionRules rules() {
        return rules;
    }

    public double relativeTau() {
        return relativeTau;
    }

    /** The first look, or a look without the running state (see the class comment). */
    public Comparison compare(ArmStats control, ArmStats treatment) {
        return compare(control, treatment, null);
    }

    /**
     * This look, folded into the running state of {@code previous}.
     *
     * @param previous the comparison this method returned at the previous look of the same arms, or null
     * @throws IllegalArgumentException if {@code previous} came from another method
     */
    public Comparison compare(ArmStats control, ArmStats treatment, Comparison previous) {
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(treatment, "treatment");
        if (previous != null && previous.method() != Comparison.Method.SEQUENTIAL) {
            throw new IllegalArgumentException("previous must be a sequential comparison, was " + previous.method().json());
        }
        double alpha = rules.alpha();
        double d = treatment.rate() - control.rate();
        boolean fold = rules.enoughData(control, treatment);
        double p;
        Estimate absolute;
        Estimate relative;
        if (fold) {
            double s2 = control.exposed() == 0 || treatment.exposed() == 0 ? 0 : TwoProportions.differenceVariance(control, treatment);
            double pooled = (double) (control.converted() + treatment.converted()) / (control.exposed() + treatment.exposed());
            double tau2 = sq(relativeTau * pooled);
            double pNow = Math.min(1, Math.exp(-logLikelihoodRatio(d, s2, tau2)));
            double h = halfWidth(s2, tau2, alpha);
            Estimate absNow = new Estimate(d, Math.max(-1, d - h), Math.min(1, d + h));
            Estimate relNow = relativeNow(control, treatment, alpha);
            p = previous == null ? pNow : Math.min(previous.pValue(), pNow);
            absolute = previous == null ? absNow : intersect(previous.absoluteLift(), absNow);
            relative = previous == null || previous.relativeLift() == null ? relNow
                    : relNow == null ? previous.relativeLift() : intersect(previous.relativeLift(), relNow);
        } else if (previous != null) {
            p = previous.pValue();
            absolute = new Estimate(d, previous.absoluteLift().lower(), previous.absoluteLift().upper());
            relative = previous.relativeLift();
        } else {
            p = 1;
            absolute = new Estimate(d, -1, 1);
            relative = null;
        }
        return new Comparison(Comparison.Method.SEQUENTIAL, control, treatment, 1 - alpha, absolute, relative, p,
                verdict(control, treatment, d, p, absolute, relative));
    }

    private Verdict verdict(ArmStats control, ArmStats treatment, double d, double p, Estimate absolute, Estimate relative) {
        if (!rules.enoughData(control, treatment)) return Verdict.COLLECTING;
        if (p < rules.alpha()) {
            double side = absolute.lower() > 0 ? 1 : absolute.upper() < 0 ? -1 : Math.signum(d);
            if (side > 0) return Verdict.WIN;
            if (side < 0) return Verdict.LOSE;
        }
        double m = rules.equivalenceMargin();
        if (relative != null && relative.lower() >= -m && relative.upper() <= m) return Verdict.NO_DIFFERENCE;
        if (horizon != null && horizon.reachedBy(control, treatment)) return Verdict.NO_DIFFERENCE;
        if (d > 0 && TwoProportions.pooledZTestP(control, treatment) < rules.likelyWinP()) return Verdict.LIKELY_WIN;
        return Verdict.COLLECTING;
    }

    private Estimate relativeNow(ArmStats control, ArmStats treatment, double alpha) {
        if (control.converted() == 0 || treatment.converted() == 0) return null;
        double l = Math.log(treatment.rate() / control.rate());
        double h = halfWidth(TwoProportions.logVariance(control, treatment), sq(relativeTau), alpha);
        return new Estimate(Math.expm1(l), Math.expm1(l - h), Math.expm1(l + h));
    }

    /**
     * log Lambda for an estimate {@code d} with variance {@code s2} against 0, mixing variance {@code tau2}; 0
     * (no evidence) when the variance is 0.
     */
    static double logLikelihoodRatio(double d, double s2, double tau2) {
        if (s2 <= 0 || tau2 <= 0) return 0;
        double v = s2 + tau2;
        return 0.5 * Math.log(s2 / v) + tau2 * d * d / (2 * s2 * v);
    }

    /** Half the width of the confidence sequence at this look; infinite when the variance is 0 or tau is 0. */
    static double halfWidth(double s2, double tau2, double alpha) {
        if (s2 <= 0 || tau2 <= 0) return Double.POSITIVE_INFINITY;
        double u = tau2 / s2;
        return Math.sqrt(s2 * (1 + u) / u * (Math.log1p(u) + 2 * Math.log(1 / alpha)));
    }

    private static Estimate intersect(Estimate before, Estimate now) {
        double lower = Math.max(before.lower(), now.lower());
        double upper = Math.min(before.upper(), now.upper());
        return lower <= upper ? new Estimate(now.point(), lower, upper) : now;
    }

    private static double sq(double x) {
        return x * x;
    }
}
