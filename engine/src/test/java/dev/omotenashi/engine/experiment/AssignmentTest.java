package dev.omotenashi.engine.experiment;

import dev.omotenashi.engine.event.Ids;
import dev.omotenashi.engine.testing.Cases;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AssignmentTest {
    private static final int VISITORS = 200_000;

    @Test
    void controlAndVariantSharesConvergeToTheConfiguredWeights() {
        Cases.forEach(5, r -> {
            int percent = 1 + r.nextInt(50);
            List<Integer> weights = List.of(1 + r.nextInt(5), 1 + r.nextInt(5), 1 + r.nextInt(5));
            String campaign = "c-" + r.nextInt(1000);
            int control = 0;
            int[] variants = new int[weights.size()];
            SplittableRandom ids = new SplittableRandom(r.nextLong());
            for (int i = 0; i < VISITORS; i++) {
                String visitor = Ids.next(Ids.VISITOR, 1_764_000_000_000L + i, ids);
                if (Assignment.inControl(visitor, campaign, percent)) control++;
                else variants[Assignment.variant(visitor, campaign, weights)]++;
            }
            // 5 standard deviations of a binomial share: fails by chance about once in 3 million runs
            double sdControl = Math.sqrt(percent / 100.0 * (1 - percent / 100.0) / VISITORS);
            assertThat(control / (double) VISITORS).isCloseTo(percent / 100.0, within(5 * sdControl));
            int total = weights.stream().mapToInt(Integer::intValue).sum();
            int treated = VISITORS - control;
            for (int v = 0; v < weights.size(); v++) {
                double expected = weights.get(v) / (double) total;
                double sd = Math.sqrt(expected * (1 - expected) / treated);
                assertThat(variants[v] / (double) treated).as("share of variant %d", v).isCloseTo(expected, within(5 * sd));
            }
        });
    }

    @Test
    void theSameVisitorAlwaysLandsInTheSameArm() {
        Cases.forEach(1000, r -> {
            String visitor = "v_" + Long.toString(r.nextLong() & Long.MAX_VALUE, 36);
            boolean first = Assignment.inControl(visitor, "welcome", 30);
            int variant = Assignment.variant(visitor, "welcome", List.of(1, 1));
            for (int i = 0; i < 3; i++) {
                assertThat(Assignment.inControl(visitor, "welcome", 30)).isEqualTo(first);
                assertThat(Assignment.variant(visitor, "welcome", List.of(1, 1))).isEqualTo(variant);
            }
        });
    }

    @Test
    void controlAndVariantDrawsAreIndependent() {
        // among control visitors, the variant they would have seen splits like everyone's
        int control = 0, controlA = 0;
        for (int i = 0; i < VISITORS; i++) {
            String visitor = "v_" + i;
            if (Assignment.inControl(visitor, "ab", 50)) {
                control++;
                if (Assignment.variant(visitor, "ab", List.of(1, 1)) == 0) controlA++;
            }
        }
        assertThat(controlA / (double) control).isCloseTo(0.5, within(0.01));
    }

    @Test
    void noControlGroupMeansNobodyIsHeldOut() {
        assertThat(Assignment.inControl("v_anyone", "c", 0)).isFalse();
    }
}
