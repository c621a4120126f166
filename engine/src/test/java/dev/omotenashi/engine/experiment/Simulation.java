package dev.omotenashi.engine.experiment;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.BinomialDistribution;

import java.util.SplittableRandom;

/**
 * Simulated traffic for the statistical tests: conversions of a batch of visitors as one exact binomial draw
 * (inverse-CDF sampling from Apache Commons Statistics) rather than one Bernoulli trial per visitor, so
 * thousands of simulated experiments run in seconds. Seeded, so every run is the same.
 */
final class Simulation {
    private final SplittableRandom random;
    private final UniformRandomProvider source;

    Simulation(long seed) {
        this.random = new SplittableRandom(seed);
        this.source = random::nextLong;
    }

    SplittableRandom random() {
        return random;
    }

    /** The number of conversions among {@code visitors} visitors who each convert with probability {@code rate}. */
    long conversions(long visitors, double rate) {
        if (visitors == 0) return 0;
        return BinomialDistribution.of(Math.toIntExact(visitors), rate).createSampler(source).sample();
    }

    /** An arm that grew by {@code visitors} visitors converting at {@code rate}. */
    ArmStats grow(ArmStats arm, long visitors, double rate) {
        return ArmStats.of(arm.arm(), arm.exposed() + visitors, arm.converted() + conversions(visitors, rate));
    }

    /** A fresh arm of {@code visitors} visitors converting at {@code rate}. */
    ArmStats arm(String name, long visitors, double rate) {
        return grow(ArmStats.empty(name), visitors, rate);
    }
}
