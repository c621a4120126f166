package dev.omotenashi.engine.experiment;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ThompsonSamplerTest {
    /*
     * One conversion in one visit gives Beta(2, 1), density 2x; nothing yet gives Beta(1, 1), uniform. So
     * P(first is best) = integral over [0, 1] of P(U < x) * 2x dx = integral of 2x^2 dx = 2/3.
     */
    @Test
    void probabilityBestMatchesTheExactValueForTwoSmallPosteriors() {
        List<Double> p = ThompsonSampler.probabilityBest(List.of(ArmStats.of("a", 1, 1), ArmStats.empty("b")), 200_000, 7);
        // Monte Carlo standard error sqrt(2/9 / 200000) = 0.00105
        assertThat(p.get(0)).isCloseTo(2.0 / 3, within(0.005));
        assertThat(p.get(1)).isCloseTo(1.0 / 3, within(0.005));
        assertThat(p.get(0) + p.get(1)).isCloseTo(1, within(1e-12));
    }

    @Test
    void probabilityBestIsTheSameForTheSameSeed() {
        List<ArmStats> arms = List.of(ArmStats.of("a", 1000, 50), ArmStats.of("b", 1000, 55), ArmStats.of("c", 1000, 45));
        assertThat(ThompsonSampler.probabilityBest(arms, 10_000, 42)).isEqualTo(ThompsonSampler.probabilityBest(arms, 10_000, 42));
    }

    @Test
    void chooseFollowsThePosteriorProbabilityOfBeingBest() {
        List<ArmStats> arms = List.of(ArmStats.of("a", 2000, 100), ArmStats.of("b", 2000, 118), ArmStats.of("c", 2000, 80));
        List<Double> best = ThompsonSampler.probabilityBest(arms, 100_000, 1);
        SplittableRandom random = new SplittableRandom(2);
        int[] chosen = new int[3];
        int n = 100_000;
        for (int i = 0; i < n; i++) chosen[ThompsonSampler.choose(arms, random)]++;
        for (int i = 0; i < 3; i++) assertThat(chosen[i] / (double) n).as("share of %d", i).isCloseTo(best.get(i), within(0.01));
        assertThat(chosen[1]).isGreaterThan(chosen[0]).isGreaterThan(chosen[2]);
    }

    @Test
    void aSingleVariantIsAlwaysChosenAndNoneIsAnError() {
        assertThat(ThompsonSampler.choose(List.of(ArmStats.empty("a")), new SplittableRandom(1))).isZero();
        assertThatThrownBy(() -> ThompsonSampler.choose(List.of(), new SplittableRandom(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ThompsonSampler.probabilityBest(List.of(ArmStats.empty("a")), 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
