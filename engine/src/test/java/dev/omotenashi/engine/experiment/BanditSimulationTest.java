package dev.omotenashi.engine.experiment;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A simulated 3-variant campaign with a 10% control group, as the server will run it: control first (a fixed
 * share, here a coin with p = 0.1 standing in for the hash), then the variant, chosen by Thompson sampling or
 * by an even split. The posterior counts are refreshed every 100 visitors, as a server recomputing them in
 * batches would. Lost conversions are counted as expected regret: for each visitor, the best variant's rate
 * minus the rate of the variant shown. 20 seeded runs of 30,000 visitors.
 */
class BanditSimulationTest {
    private static final double[] RATES = {0.04, 0.05, 0.06};
    private static final int BEST = 2;
    private static final double CONTROL_RATE = 0.04;
    private static final double CONTROL_SHARE = 0.10;
    private static final int VISITORS = 30_000;
    private static final int BATCH = 100;
    private static final int RUNS = 20;

    @Test
    void thompsonSamplingLosesFewerConversionsThanAnEvenSplitAndFindsTheBestVariant() {
        double lostThompson = 0, lostEven = 0;
        long convertedThompson = 0, convertedEven = 0;
        int bestFound = 0, bestMostShown = 0, liftMeasured = 0;
        double minProbabilityBest = 1;
        for (int run = 1; run <= RUNS; run++) {
            Run thompson = simulate(new SplittableRandom(run), ThompsonSampler::choose);
            Run even = simulate(new SplittableRandom(run), (arms, random) -> random.nextInt(arms.size()));
            lostThompson += thompson.lost;
            lostEven += even.lost;
            convertedThompson += thompson.variantConversions();
            convertedEven += even.variantConversions();

            // the control group is untouched by the bandit
            assertThat(thompson.control.exposed() / (double) VISITORS).isBetween(CONTROL_SHARE - 0.01, CONTROL_SHARE + 0.01);
            List<Double> pBest = ThompsonSampler.probabilityBest(thompson.variants, 10_000, run);
            // found: the posterior names it the best, with at least 80% (Thompson sampling spends little on
            // the losers, so their posteriors stay wide; it minimises lost conversions, not doubt)
            if (pBest.get(BEST) >= 0.8 && pBest.get(BEST) == pBest.stream().mapToDouble(Double::doubleValue).max().orElseThrow()) bestFound++;
            minProbabilityBest = Math.min(minProbabilityBest, pBest.get(BEST));
            if (thompson.mostShown() == BEST) bestMostShown++;
            // and the best variant's lift over control is still measured: true lift 0.06 / 0.04 - 1 = +50%
            Comparison c = SequentialAnalysis.standard().compare(thompson.control, thompson.variants.get(BEST));
            if (c.verdict() == Verdict.WIN && c.relativeLift().contains(RATES[BEST] / CONTROL_RATE - 1)) liftMeasured++;
        }
        System.out.printf("bandit, 3 variants at 4/5/6%%, 10%% control, %d runs of %d visitors: lost conversions per run"
                        + " Thompson %.1f vs even split %.1f; conversions per run %.1f vs %.1f; best found (P(best) >= 0.8) in %d runs (lowest P(best) %.3f),"
                        + " most shown in %d, lift against control a win holding the true lift in %d%n",
                RUNS, VISITORS, lostThompson / RUNS, lostEven / RUNS, convertedThompson / (double) RUNS, convertedEven / (double) RUNS,
                bestFound, minProbabilityBest, bestMostShown, liftMeasured);

        assertThat(lostThompson).isLessThan(0.5 * lostEven);
        assertThat(convertedThompson).isGreaterThan(convertedEven);
        assertThat(bestMostShown).isEqualTo(RUNS);
        assertThat(bestFound).isEqualTo(RUNS);
        assertThat(liftMeasured).isGreaterThanOrEqualTo(RUNS - 2);
    }

    private static Run simulate(SplittableRandom random, BiFunction<List<ArmStats>, SplittableRandom, Integer> allocate) {
        long controlExposed = 0, controlConverted = 0;
        long[] exposed = new long[RATES.length];
        long[] converted = new long[RATES.length];
        List<ArmStats> snapshot = arms(exposed, converted);
        double lost = 0;
        for (int visitor = 0; visitor < VISITORS; visitor++) {
            if (random.nextDouble() < CONTROL_SHARE) {
                controlExposed++;
                if (random.nextDouble() < CONTROL_RATE) controlConverted++;
                continue;
            }
            int v = allocate.apply(snapshot, random);
            exposed[v]++;
            if (random.nextDouble() < RATES[v]) converted[v]++;
            lost += RATES[BEST] - RATES[v];
            if (visitor % BATCH == 0) snapshot = arms(exposed, converted);
        }
        return new Run(ArmStats.of("control", controlExposed, controlConverted), arms(exposed, converted), lost);
    }

    private static List<ArmStats> arms(long[] exposed, long[] converted) {
        List<ArmStats> arms = new ArrayList<>();
        for (int i = 0; i < exposed.length; i++) arms.add(ArmStats.of("v" + i, exposed[i], converted[i]));
        return List.copyOf(arms);
    }

    private record Run(ArmStats control, List<ArmStats> variants, double lost) {
        long variantConversions() {
            return variants.stream().mapToLong(ArmStats::converted).sum();
        }

        int mostShown() {
            int most = 0;
            for (int i = 1; i < variants.size(); i++) if (variants.get(i).exposed() > variants.get(most).exposed()) most = i;
            return most;
        }
    }
}
