package dev.omotenashi.engine.experiment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How often the 95% intervals hold the true lift, over 2,000 simulated experiments per case (binomial
 * standard error of a 95% rate: 0.49 points). Seeded; the measured rates go to the test's output.
 */
class CoverageSimulationTest {
    private static final int EXPERIMENTS = 2000;

    @Test
    void theFixedHorizonIntervalsHoldTheTrueLiftInNinetyFivePercentOfExperiments() {
        assertFixedCoverage(new Simulation(201), 10_000, 0.05, 10_000, 0.055);
    }

    @Test
    void theyDoSoWithATenPercentControlGroup() {
        assertFixedCoverage(new Simulation(202), 2_000, 0.05, 18_000, 0.06);
    }

    @Test
    void theyDoSoWithAboutFiftyConversionsPerArm() {
        assertFixedCoverage(new Simulation(203), 1_000, 0.05, 1_000, 0.06);
    }

    /** Simultaneous coverage: the confidence sequence must hold the truth at every one of the 14 daily looks. */
    @Test
    void theConfidenceSequenceHoldsTheTrueLiftAtEveryDailyLook() {
        Simulation sim = new Simulation(204);
        SequentialAnalysis analysis = SequentialAnalysis.standard();
        double pc = 0.05, pt = 0.055;
        int absolute = 0, relative = 0;
        for (int e = 0; e < EXPERIMENTS; e++) {
            ArmStats control = ArmStats.empty("control");
            ArmStats treatment = ArmStats.empty("a");
            Comparison last = null;
            boolean absoluteHeld = true, relativeHeld = true;
            for (int day = 0; day < 14; day++) {
                control = sim.grow(control, 1_000, pc);
                treatment = sim.grow(treatment, 1_000, pt);
                last = analysis.compare(control, treatment, last);
                absoluteHeld &= last.absoluteLift().contains(pt - pc);
                relativeHeld &= last.relativeLift() == null || last.relativeLift().contains(pt / pc - 1);
            }
            if (absoluteHeld) absolute++;
            if (relativeHeld) relative++;
        }
        System.out.printf("coverage, sequential, at all 14 daily looks, 1000 a day per arm, %.3f vs %.3f: absolute %.2f%%, relative %.2f%%%n",
                pc, pt, 100.0 * absolute / EXPERIMENTS, 100.0 * relative / EXPERIMENTS);
        assertThat(absolute / (double) EXPERIMENTS).isGreaterThanOrEqualTo(0.95);
        assertThat(relative / (double) EXPERIMENTS).isGreaterThanOrEqualTo(0.95);
    }

    private static void assertFixedCoverage(Simulation sim, long nc, double pc, long nt, double pt) {
        FixedHorizonAnalysis analysis = FixedHorizonAnalysis.of(new Horizon(nc, nt));
        int absolute = 0, relative = 0;
        for (int e = 0; e < EXPERIMENTS; e++) {
            Comparison c = analysis.compare(sim.arm("control", nc, pc), sim.arm("a", nt, pt));
            if (c.absoluteLift().contains(pt - pc)) absolute++;
            if (c.relativeLift() != null && c.relativeLift().contains(pt / pc - 1)) relative++;
        }
        System.out.printf("coverage, fixed horizon, %d at %.3f vs %d at %.3f: absolute %.2f%%, relative %.2f%%%n",
                nc, pc, nt, pt, 100.0 * absolute / EXPERIMENTS, 100.0 * relative / EXPERIMENTS);
        assertThat(absolute / (double) EXPERIMENTS).as("absolute").isBetween(0.935, 0.965);
        assertThat(relative / (double) EXPERIMENTS).as("relative").isBetween(0.935, 0.965);
    }
}
