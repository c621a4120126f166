package dev.omotenashi.engine.experiment;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A true +20% relative lift on a 5% baseline (5% against 6%) with 20,000 visitors per arm, 2,000 simulated
 * experiments per method. The textbook power of the fixed-horizon z-test there is about 99% (8,158 per arm
 * give 80%, {@link HorizonTest}); the sequential test pays for its freedom to look with some of it.
 */
class PowerSimulationTest {
    private static final int EXPERIMENTS = 2000;
    private static final double BASELINE = 0.05;
    private static final double TREATED = 0.06;

    @Test
    void theFixedHorizonTestDeclaresATwentyPercentLiftAWinInAtLeastEightyPercentOfRuns() {
        Simulation sim = new Simulation(301);
        FixedHorizonAnalysis analysis = FixedHorizonAnalysis.of(Horizon.perArm(20_000));
        int wins = 0;
        for (int e = 0; e < EXPERIMENTS; e++) {
            if (analysis.compare(sim.arm("control", 20_000, BASELINE), sim.arm("a", 20_000, TREATED)).verdict() == Verdict.WIN) wins++;
        }
        System.out.printf("power, fixed horizon, 20000 per arm, 5%% vs 6%%: %d of %d wins (%.2f%%)%n", wins, EXPERIMENTS, 100.0 * wins / EXPERIMENTS);
        assertThat(wins / (double) EXPERIMENTS).isGreaterThanOrEqualTo(0.80);
    }

    @Test
    void theSequentialTestLookedAtDailyDeclaresItAWinInAtLeastEightyPercentOfRunsByTheSameSize() {
        Simulation sim = new Simulation(302);
        SequentialAnalysis analysis = SequentialAnalysis.standard();
        int days = 14;
        long perDay = 20_000 / days + 1; // 1,429 a day: 20,006 per arm after 14 days
        int wins = 0;
        int[] dayOfWin = new int[EXPERIMENTS];
        for (int e = 0; e < EXPERIMENTS; e++) {
            ArmStats control = ArmStats.empty("control");
            ArmStats treatment = ArmStats.empty("a");
            Comparison last = null;
            dayOfWin[e] = Integer.MAX_VALUE;
            for (int day = 1; day <= days; day++) {
                control = sim.grow(control, perDay, BASELINE);
                treatment = sim.grow(treatment, perDay, TREATED);
                last = analysis.compare(control, treatment, last);
                if (last.verdict() == Verdict.WIN) {
                    dayOfWin[e] = day;
                    wins++;
                    break;
                }
            }
        }
        int[] sorted = dayOfWin.clone();
        Arrays.sort(sorted);
        System.out.printf("power, sequential, 14 daily looks up to 20006 per arm, 5%% vs 6%%: %d of %d wins (%.2f%%), median day of the win %d%n",
                wins, EXPERIMENTS, 100.0 * wins / EXPERIMENTS, sorted[EXPERIMENTS / 2]);
        assertThat(wins / (double) EXPERIMENTS).isGreaterThanOrEqualTo(0.80);
    }
}
