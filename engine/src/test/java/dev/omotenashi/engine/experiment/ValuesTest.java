package dev.omotenashi.engine.experiment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValuesTest {
    @Test
    void armStatsRejectImpossibleCounts() {
        assertThatThrownBy(() -> ArmStats.of("a", -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ArmStats.of("a", 10, 11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ArmStats.of("a", 10, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ArmStats("a", 10, 1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ArmStats.of(null, 10, 1)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void armStatsRatesAreZeroBeforeAnyExposure() {
        assertThat(ArmStats.empty("a").rate()).isZero();
        assertThat(ArmStats.empty("a").valuePerExposed()).isZero();
        assertThat(new ArmStats("a", 200, 10, 5000).rate()).isEqualTo(0.05);
        assertThat(new ArmStats("a", 200, 10, 5000).valuePerExposed()).isEqualTo(25);
        assertThat(new ArmStats("a", 200, 10, 5000).failures()).isEqualTo(190);
    }

    @Test
    void verdictsAndMethodsHaveTheirJsonNames() {
        assertThat(Verdict.COLLECTING.json()).isEqualTo("collecting");
        assertThat(Verdict.LIKELY_WIN.json()).isEqualTo("likely_win");
        assertThat(Verdict.WIN.json()).isEqualTo("win");
        assertThat(Verdict.LOSE.json()).isEqualTo("lose");
        assertThat(Verdict.NO_DIFFERENCE.json()).isEqualTo("no_difference");
        for (Verdict v : Verdict.values()) assertThat(Verdict.fromJson(v.json())).isEqualTo(v);
        assertThat(Verdict.fromJson("maybe")).isNull();
        assertThat(Comparison.Method.FIXED_HORIZON.json()).isEqualTo("fixed_horizon");
        assertThat(Comparison.Method.fromJson("sequential")).isEqualTo(Comparison.Method.SEQUENTIAL);
    }

    @Test
    void rulesRejectNonsense() {
        assertThatThrownBy(() -> new DecisionRules(0, 100, 10, 0.2, 0.05)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DecisionRules(0.05, 0, 10, 0.2, 0.05)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DecisionRules(0.05, 100, 10, 0.01, 0.05)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DecisionRules(0.05, 100, 10, 0.2, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DecisionRules.standard().bonferroni(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Estimate(0, 1, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
