package dev.omotenashi.engine.experiment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FixedHorizonAnalysisTest {
    private static final ArmStats CONTROL = ArmStats.of("control", 1000, 100);
    private static final ArmStats TREATMENT = ArmStats.of("a", 1000, 130);

    /*
     * 100/1000 against 130/1000, worked by hand (z(0.975) = 1.959964):
     *   d = 0.13 - 0.10 = 0.03
     *   pooled rate 230/2000 = 0.115; pooled SE = sqrt(0.115 * 0.885 * (1/1000 + 1/1000)) = 0.0142671
     *   z = 0.03 / 0.0142671 = 2.10274; p = 2 * (1 - Phi(2.10274)) = 0.035488
     *   Wilson 95%: control [0.0829094, 0.1201520], treatment [0.1105638, 0.1522680]
     *   Newcombe: 0.03 - sqrt((0.13 - 0.1105638)^2 + (0.1201520 - 0.10)^2) = 0.0020023
     *             0.03 + sqrt((0.1522680 - 0.13)^2 + (0.10 - 0.0829094)^2) = 0.0580705
     *   Katz: log(1.3) = 0.262364; SE = sqrt(1/130 - 1/1000 + 1/100 - 1/1000) = 0.125269
     *         exp(0.262364 -+ 1.959964 * 0.125269) - 1 = 0.016984, 0.661776
     */
    @Test
    void aSmallTwoByTwoMatchesTheHandComputedTestAndIntervals() {
        Comparison c = FixedHorizonAnalysis.of(Horizon.perArm(1000)).compare(CONTROL, TREATMENT);

        assertThat(c.method()).isEqualTo(Comparison.Method.FIXED_HORIZON);
        assertThat(c.controlRate()).isEqualTo(0.10);
        assertThat(c.treatmentRate()).isEqualTo(0.13);
        assertThat(c.confidence()).isCloseTo(0.95, within(1e-12));
        assertThat(c.pValue()).isCloseTo(0.035488, within(1e-6));
        assertThat(c.absoluteLift().point()).isCloseTo(0.03, within(1e-12));
        assertThat(c.absoluteLift().lower()).isCloseTo(0.0020023, within(1e-6));
        assertThat(c.absoluteLift().upper()).isCloseTo(0.0580705, within(1e-6));
        assertThat(c.relativeLift().point()).isCloseTo(0.3, within(1e-12));
        assertThat(c.relativeLift().lower()).isCloseTo(0.016984, within(1e-6));
        assertThat(c.relativeLift().upper()).isCloseTo(0.661776, within(1e-6));
        assertThat(c.verdict()).isEqualTo(Verdict.WIN);
    }

    /** Newcombe (1998), Table II, examples (a) to (d): the published method-10 limits to 4 decimals. */
    @Test
    void theDifferenceIntervalReproducesNewcombesPublishedExamples() {
        assertNewcombe(56, 70, 48, 80, 0.0524, 0.3339);
        assertNewcombe(9, 10, 3, 10, 0.1705, 0.8090);
        assertNewcombe(6, 7, 2, 7, 0.0582, 0.8062);
        assertNewcombe(5, 56, 0, 29, -0.0381, 0.1926);
    }

    private static void assertNewcombe(long x1, long n1, long x2, long n2, double lower, double upper) {
        // Newcombe's p1 is our treatment, p2 our control
        Estimate e = TwoProportions.newcombe(ArmStats.of("c", n2, x2), ArmStats.of("t", n1, x1), 1.959964);
        assertThat(e.lower()).isCloseTo(lower, within(5e-5));
        assertThat(e.upper()).isCloseTo(upper, within(5e-5));
    }

    @Test
    void noVerdictOfSignificanceBeforeTheHorizonHoweverSmallThePValue() {
        FixedHorizonAnalysis analysis = FixedHorizonAnalysis.of(Horizon.perArm(10_000));

        Comparison ahead = analysis.compare(CONTROL, ArmStats.of("a", 1000, 200));
        assertThat(ahead.pValue()).isLessThan(1e-8);
        assertThat(ahead.verdict()).isEqualTo(Verdict.LIKELY_WIN);

        Comparison behind = analysis.compare(CONTROL, ArmStats.of("a", 1000, 50));
        assertThat(behind.pValue()).isLessThan(1e-4);
        assertThat(behind.verdict()).isEqualTo(Verdict.COLLECTING);
    }

    @Test
    void likelyWinNeedsAPositiveLiftAndAPValueBelowPointTwo() {
        FixedHorizonAnalysis analysis = FixedHorizonAnalysis.of(Horizon.perArm(10_000));
        // 100/1000 vs 115/1000: z = 0.015 / sqrt(0.1075 * 0.8925 * 0.002) = 1.0828, p = 0.279
        assertThat(analysis.compare(CONTROL, ArmStats.of("a", 1000, 115)).verdict()).isEqualTo(Verdict.COLLECTING);
        // 100/1000 vs 120/1000: z = 0.02 / sqrt(0.11 * 0.89 * 0.002) = 1.4293, p = 0.153
        assertThat(analysis.compare(CONTROL, ArmStats.of("a", 1000, 120)).verdict()).isEqualTo(Verdict.LIKELY_WIN);
    }

    @Test
    void atTheHorizonTheVerdictIsWinLoseOrNoDifference() {
        FixedHorizonAnalysis analysis = FixedHorizonAnalysis.of(Horizon.perArm(1000));
        assertThat(analysis.compare(CONTROL, TREATMENT).verdict()).isEqualTo(Verdict.WIN);
        assertThat(analysis.compare(TREATMENT, CONTROL).verdict()).isEqualTo(Verdict.LOSE);
        assertThat(analysis.compare(CONTROL, ArmStats.of("a", 1000, 120)).verdict()).isEqualTo(Verdict.NO_DIFFERENCE);
        assertThat(analysis.compare(CONTROL, ArmStats.of("a", 1500, 150)).verdict()).isEqualTo(Verdict.NO_DIFFERENCE);
    }

    @Test
    void belowTheMinimumDataTheVerdictIsCollecting() {
        FixedHorizonAnalysis analysis = FixedHorizonAnalysis.of(Horizon.perArm(50));
        // 99 exposed in one arm
        assertThat(analysis.compare(ArmStats.of("control", 99, 10), ArmStats.of("a", 500, 200)).verdict()).isEqualTo(Verdict.COLLECTING);
        // 9 conversions in both arms together
        assertThat(analysis.compare(ArmStats.of("control", 5000, 0), ArmStats.of("a", 5000, 9)).verdict()).isEqualTo(Verdict.COLLECTING);
        assertThat(analysis.compare(ArmStats.of("control", 5000, 0), ArmStats.of("a", 5000, 10)).verdict()).isEqualTo(Verdict.WIN);
    }

    @Test
    void withoutConversionsTheRelativeLiftIsUndefinedAndTheDifferenceIntervalStaysHonest() {
        Comparison c = FixedHorizonAnalysis.of(Horizon.perArm(100)).compare(ArmStats.of("control", 200, 0), ArmStats.of("a", 200, 0));
        assertThat(c.pValue()).isEqualTo(1.0);
        assertThat(c.relativeLift()).isNull();
        // Wald would say [0, 0]; the score interval still admits a few percent either way
        assertThat(c.absoluteLift().lower()).isLessThan(-0.01);
        assertThat(c.absoluteLift().upper()).isGreaterThan(0.01);
        assertThat(c.verdict()).isEqualTo(Verdict.COLLECTING);

        Comparison empty = FixedHorizonAnalysis.of(Horizon.perArm(100)).compare(ArmStats.empty("control"), ArmStats.empty("a"));
        assertThat(empty.absoluteLift()).isEqualTo(new Estimate(0, -1, 1));
        assertThat(empty.pValue()).isEqualTo(1.0);
    }

    @Test
    void bonferroniRulesMakeEachOfSeveralComparisonsStricter() {
        DecisionRules three = DecisionRules.standard().bonferroni(3);
        assertThat(three.alpha()).isCloseTo(0.05 / 3, within(1e-15));
        // p = 0.035 is a win alone, not one of three
        assertThat(FixedHorizonAnalysis.of(three, Horizon.perArm(1000)).compare(CONTROL, TREATMENT).verdict()).isEqualTo(Verdict.NO_DIFFERENCE);
        assertThat(FixedHorizonAnalysis.of(three, Horizon.perArm(1000)).compare(CONTROL, TREATMENT).confidence()).isCloseTo(1 - 0.05 / 3, within(1e-12));
    }
}
