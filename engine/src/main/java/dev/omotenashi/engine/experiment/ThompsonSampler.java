package dev.omotenashi.engine.experiment;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.ContinuousDistribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Thompson sampling between the variants of a campaign with {@code "allocation": "bandit"} (Thompson 1933,
 * Biometrika 25:285-294; for Bernoulli rewards with Beta priors, Chapelle &amp; Li, "An Empirical Evaluation of
 * Thompson Sampling", NIPS 2011, and Agrawal &amp; Goyal, "Analysis of Thompson Sampling for the Multi-armed
 * Bandit Problem", COLT 2012). Each variant's conversion rate has the posterior
 * Beta(1 + conversions, 1 + failures) under a uniform prior; the next visitor gets the variant whose posterior
 * draw is highest, so a variant is shown as often as it is likely to be the best.
 *
 * <p><b>Only among variants.</b> The control group is not an arm of the bandit. The server first decides
 * control by hash ({@link Assignment#inControl}), at the campaign's fixed percentage, and only visitors
 * outside it reach {@link #choose}; so the control group stays a fixed random share and every variant's
 * lift against it is still measured by {@link FixedHorizonAnalysis} or {@link SequentialAnalysis}. What the
 * bandit changes is how many visitors each variant gets, not who is in control. Prefer the sequential method
 * with a bandit: the looks are continuous anyway.
 *
 * <p><b>Stickiness.</b> Unlike {@link Assignment#variant}, a draw is not a function of the visitor, so the
 * server draws once, at the visitor's first exposure, and stores the choice with the visitor's campaign
 * state; later requests reuse it. The counts passed in may lag (a batch recomputed every minute, say): the
 * method tolerates delayed feedback.
 *
 * <p>Stateless and thread-safe; the caller's {@link RandomGenerator} is not (give each thread its own).
 */
public final class ThompsonSampler {
    private ThompsonSampler() {}

    /**
     * The index in {@code variants} of the variant for the next visitor.
     *
     * @throws IllegalArgumentException if {@code variants} is empty
     */
    public static int choose(List<ArmStats> variants, RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        if (variants.isEmpty()) throw new IllegalArgumentException("no variants to choose from");
        if (variants.size() == 1) return 0;
        UniformRandomProvider source = random::nextLong;
        int best = 0;
        double bestDraw = -1;
        for (int i = 0; i < variants.size(); i++) {
            double draw = posterior(variants.get(i)).createSampler(source).sample();
            if (draw > bestDraw) {
                bestDraw = draw;
                best = i;
            }
        }
        return best;
    }

    /**
     * For each variant, in order, the posterior probability that its conversion rate is the highest,
     * estimated from {@code draws} joint posterior draws seeded by {@code seed} (so a report shows the same
     * numbers for the same counts). The Monte Carlo standard error is at most 0.5 / sqrt(draws): 0.005 at
     * 10,000 draws.
     *
     * @throws IllegalArgumentException if {@code variants} is empty or {@code draws} is below 1
     */
    public static List<Double> probabilityBest(List<ArmStats> variants, int draws, long seed) {
        if (variants.isEmpty()) throw new IllegalArgumentException("no variants");
        if (draws < 1) throw new IllegalArgumentException("draws must be at least 1, was " + draws);
        SplittableRandom random = new SplittableRandom(seed);
        UniformRandomProvider source = random::nextLong;
        List<ContinuousDistribution.Sampler> samplers = new ArrayList<>(variants.size());
        for (ArmStats v : variants) samplers.add(posterior(v).createSampler(source));
        long[] wins = new long[variants.size()];
        for (int d = 0; d < draws; d++) {
            int best = 0;
            double bestDraw = -1;
            for (int i = 0; i < samplers.size(); i++) {
                double draw = samplers.get(i).sample();
                if (draw > bestDraw) {
                    bestDraw = draw;
                    best = i;
                }
            }
            wins[best]++;
        }
        List<Double> out = new ArrayList<>(wins.length);
        for (long w : wins) out.add((double) w / draws);
        return List.copyOf(out);
    }

    /** The Beta(1 + conversions, 1 + failures) posterior of an arm's rate under a uniform prior. */
    static BetaDistribution posterior(ArmStats arm) {
        return BetaDistribution.of(1.0 + arm.converted(), 1.0 + arm.failures());
    }
}
