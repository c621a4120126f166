package dev.omotenashi.engine.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The variants' live counts that a bandit campaign's Thompson sampling reads, per campaign, as the server
 * last handed them in ({@link #update}). The engine keeps no counters of its own: the server already
 * maintains per-arm exposures and goal visitors as events arrive, and hands a copy to the engine every
 * minute and after a restart (docs/measurement.md §6). Counts that lag by a minute cost nothing measurable:
 * Thompson sampling tolerates delayed feedback.
 *
 * <p>Thread-safe: updates replace a campaign's list atomically; reads never lock.
 */
public final class BanditCounts {
    private final Map<String, Map<String, ArmStats>> byCampaign = new ConcurrentHashMap<>();

    /** Replaces a campaign's variant counts (arms keyed by variant id; control is not an arm of the bandit). */
    public void update(String campaign, List<ArmStats> variants) {
        Objects.requireNonNull(campaign, "campaign");
        Map<String, ArmStats> m = new java.util.HashMap<>();
        for (ArmStats a : variants) m.put(a.arm(), a);
        byCampaign.put(campaign, Map.copyOf(m));
    }

    /** The counts of a campaign's variants, in the order given, zero for a variant not counted yet. */
    public List<ArmStats> of(String campaign, List<String> variantIds) {
        Map<String, ArmStats> m = byCampaign.getOrDefault(campaign, Map.of());
        List<ArmStats> out = new ArrayList<>(variantIds.size());
        for (String v : variantIds) out.add(m.getOrDefault(v, ArmStats.empty(v)));
        return out;
    }

    /** Thompson sampling over the campaign's variants now: the index of the chosen variant. */
    public int choose(String campaign, List<String> variantIds) {
        return ThompsonSampler.choose(of(campaign, variantIds), ThreadLocalRandom.current());
    }
}
