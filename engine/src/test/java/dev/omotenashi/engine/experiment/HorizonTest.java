package dev.omotenashi.engine.experiment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HorizonTest {
    /*
     * 5% -> 6%, alpha 0.05 two-sided, power 0.8, equal arms (z = 1.959964, 0.841621):
     *   pbar = 0.055; 1.959964 * sqrt(0.055 * 0.945 * 2) = 0.631913
     *   0.841621 * sqrt(0.05 * 0.95 + 0.06 * 0.94) = 0.271291
     *   (0.631913 + 0.271291)^2 / 0.01^2 = 8157.7 -> 8158 per arm
     */
    @Test
    void theSampleSizeForATwentyPercentLiftOnAFivePercentBaselineIs8158PerArm() {
        assertThat(Horizon.forLift(0.05, 0.2, 1, 0.05, 0.8)).isEqualTo(Horizon.perArm(8158));
    }

    @Test
    void aSmallControlGroupNeedsMoreVisitorsInAll() {
        // a 10% control group against one variant: k = 9
        Horizon h = Horizon.forLift(0.05, 0.2, 9, 0.05, 0.8);
        assertThat(h).isEqualTo(new Horizon(4651, 41859));
        assertThat(h.controlExposed() + h.treatmentExposed()).isGreaterThan(2 * 8158);
    }

    @Test
    void isReachedWhenBothArmsAre() {
        Horizon h = new Horizon(100, 900);
        assertThat(h.reachedBy(ArmStats.of("c", 100, 0), ArmStats.of("t", 900, 0))).isTrue();
        assertThat(h.reachedBy(ArmStats.of("c", 99, 0), ArmStats.of("t", 5000, 0))).isFalse();
        assertThat(h.reachedBy(ArmStats.of("c", 500, 0), ArmStats.of("t", 899, 0))).isFalse();
    }

    @Test
    void rejectsImpossiblePlans() {
        assertThatThrownBy(() -> Horizon.forLift(0.9, 0.2, 1, 0.05, 0.8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Horizon.forLift(0.05, 0, 1, 0.05, 0.8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Horizon.perArm(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
