package dev.omotenashi.engine.experiment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SequentialAnalysisTest {
    private final SequentialAnalysis analysis = SequentialAnalysis.standard();

    /*
     * 100/1000 against 130/1000, relative tau 0.1, alpha 0.05, worked by hand:
     *   d = 0.03; s^2 = 0.1 * 0.9 / 1000 + 0.13 * 0.87 / 1000 = 0.0002031
     *   tau = 0.1 * 230/2000 = 0.0115, tau^2 = 0.00013225; s^2 + tau^2 = 0.00033535
     *   log Lambda = 0.5 * ln(0.0002031 / 0.00033535) + 0.00013225 * 0.0009 / (2 * 0.0002031 * 0.00033535)
     *              = -0.250740 + 0.873778 = 0.623038;  p = 1 / e^0.623038 = 0.536313
     *   u = tau^2 / s^2 = 0.651157; half-width = sqrt(0.0002031 * 1.651157 / 0.651157 * (ln 1.651157 + 2 ln 20))
     *              = 0.0578265 -> [-0.0278265, 0.0878265]
     * The fixed-horizon p-value of the same data is 0.035: one look at this size is not enough evidence
     * for a test that may be looked at any number of times.
     */
    @Test
    void aSmallTwoByTwoMatchesTheHandComputedMixtureRatio() {
        ArmStats control = ArmStats.of("control", 1000, 100);
        ArmStats treatment = ArmStats.of("a", 1000, 130);
        double s2 = 0.0002031;
        double tau2 = 0.0115 * 0.0115;
        assertThat(SequentialAnalysis.logLikelihoodRatio(0.03, s2, tau2)).isCloseTo(0.623038, within(1e-6));
        assertThat(SequentialAnalysis.halfWidth(s2, tau2, 0.05)).isCloseTo(0.0578265, within(1e-7));

        Comparison c = analysis.compare(control, treatment);
        assertThat(c.method()).isEqualTo(Comparison.Method.SEQUENTIAL);
        assertThat(c.pValue()).isCloseTo(0.536313, within(1e-6));
        assertThat(c.absoluteLift().point()).isCloseTo(0.03, within(1e-12));
        assertThat(c.absoluteLift().lower()).isCloseTo(-0.0278265, within(1e-7));
        assertThat(c.absoluteLift().upper()).isCloseTo(0.0878265, within(1e-7));
        // the log-ratio sequence: variance 0.0156923 (as in the Katz interval), mixing sd 0.1
        assertThat(c.relativeLift().lower()).isCloseTo(-0.220376, within(1e-6));
        assertThat(c.relativeLift().upper()).isCloseTo(1.167712, within(1e-6));
        assertThat(c.verdict()).isEqualTo(Verdict.LIKELY_WIN);
    }

    /*
     * Look 1: 500/5000 against 600/5000: s^2 = 3.912e-5, tau^2 = (0.1 * 0.11)^2 = 1.21e-4,
     *   log Lambda = 3.158766, p = 0.042478, sequence [0.0004265, 0.0395735] -> win.
     * Look 2: 1000/10000 against 1100/10000 alone: log Lambda = 1.310114, p = 0.269789,
     *   sequence [-0.0031963, 0.0231963]; folded into look 1: p stays 0.042478,
     *   the sequence becomes [0.0004265, 0.0231963] and the win stands.
     */
    @Test
    void theRunningStateKeepsTheSmallestPValueAndIntersectsTheIntervals() {
        Comparison first = analysis.compare(ArmStats.of("control", 5000, 500), ArmStats.of("a", 5000, 600));
        assertThat(first.pValue()).isCloseTo(0.042478, within(1e-6));
        assertThat(first.absoluteLift().lower()).isCloseTo(0.0004265, within(1e-7));
        assertThat(first.verdict()).isEqualTo(Verdict.WIN);

        ArmStats control = ArmStats.of("control", 10_000, 1000);
        ArmStats treatment = ArmStats.of("a", 10_000, 1100);
        Comparison alone = analysis.compare(control, treatment);
        assertThat(alone.pValue()).isCloseTo(0.269789, within(1e-6));
        assertThat(alone.absoluteLift().lower()).isCloseTo(-0.0031963, within(1e-7));
        assertThat(alone.verdict()).isEqualTo(Verdict.LIKELY_WIN);

        Comparison folded = analysis.compare(control, treatment, first);
        assertThat(folded.pValue()).isCloseTo(0.042478, within(1e-6));
        assertThat(folded.absoluteLift().point()).isCloseTo(0.01, within(1e-12));
        assertThat(folded.absoluteLift().lower()).isCloseTo(0.0004265, within(1e-7));
        assertThat(folded.absoluteLift().upper()).isCloseTo(0.0231963, within(1e-7));
        assertThat(folded.verdict()).isEqualTo(Verdict.WIN);
    }

    @Test
    void looksBelowTheMinimumDataLeaveNoMark() {
        Comparison early = analysis.compare(ArmStats.of("control", 50, 0), ArmStats.of("a", 50, 9));
        assertThat(early.verdict()).isEqualTo(Verdict.COLLECTING);
        assertThat(early.pValue()).isEqualTo(1.0);
        assertThat(early.absoluteLift().lower()).isEqualTo(-1);
        assertThat(early.absoluteLift().upper()).isEqualTo(1);

        Comparison later = analysis.compare(ArmStats.of("control", 1000, 100), ArmStats.of("a", 1000, 130), early);
        assertThat(later.pValue()).isCloseTo(0.536313, within(1e-6));
        assertThat(later.absoluteLift().lower()).isCloseTo(-0.0278265, within(1e-7));
    }

    @Test
    void aClearLossIsALoss() {
        Comparison c = analysis.compare(ArmStats.of("control", 5000, 600), ArmStats.of("a", 5000, 500));
        assertThat(c.pValue()).isCloseTo(0.042478, within(1e-6));
        assertThat(c.absoluteLift().upper()).isNegative();
        assertThat(c.verdict()).isEqualTo(Verdict.LOSE);
    }

    @Test
    void noDifferenceOnceTheRelativeLiftIsPinnedWithinTheMargin() {
        // 10% against 10.1% with 2 million visitors per arm: the relative sequence is about [-0.5%, +2.5%]
        Comparison c = analysis.compare(ArmStats.of("control", 2_000_000, 200_000), ArmStats.of("a", 2_000_000, 202_000));
        assertThat(c.relativeLift().lower()).isGreaterThan(-0.05);
        assertThat(c.relativeLift().upper()).isLessThan(0.05);
        assertThat(c.pValue()).isGreaterThan(0.05);
        assertThat(c.verdict()).isEqualTo(Verdict.NO_DIFFERENCE);
    }

    @Test
    void noDifferenceAtAnOptionalHorizon() {
        ArmStats control = ArmStats.of("control", 10_000, 1000);
        ArmStats treatment = ArmStats.of("a", 10_000, 1020);
        assertThat(analysis.compare(control, treatment).verdict()).isEqualTo(Verdict.COLLECTING);
        assertThat(analysis.withHorizon(Horizon.perArm(10_000)).compare(control, treatment).verdict()).isEqualTo(Verdict.NO_DIFFERENCE);
    }

    @Test
    void theRunningStateMustComeFromThisMethod() {
        ArmStats control = ArmStats.of("control", 1000, 100);
        ArmStats treatment = ArmStats.of("a", 1000, 130);
        Comparison fixed = FixedHorizonAnalysis.of(Horizon.perArm(1000)).compare(control, treatment);
        assertThatThrownBy(() -> analysis.compare(control, treatment, fixed)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutVarianceThereIsNoEvidence() {
        assertThat(SequentialAnalysis.logLikelihoodRatio(0.1, 0, 0.01)).isZero();
        assertThat(SequentialAnalysis.halfWidth(0, 0.01, 0.05)).isInfinite();
    }
}
