package dev.omotenashi.engine.decision;

import dev.omotenashi.engine.condition.Predicate;
import dev.omotenashi.engine.profile.CampaignHistory;
import dev.omotenashi.engine.profile.Changes;
import dev.omotenashi.engine.profile.DecisionMemo;
import dev.omotenashi.engine.profile.Profile;
import dev.omotenashi.engine.profile.VisitorState;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A site's campaigns in decision order (priority descending, then id), with each campaign's position, so
 * that a decision finds a person's history of every campaign in one pass over the person's histories
 * instead of one search per campaign; and what each campaign's audience reads, so that a person's memo of
 * audience results ({@link dev.omotenashi.engine.profile.DecisionMemo}) is kept until that changes: the line-up
 * gives each name an audience reads a bit of its own, as far as there are bits.
 * Immutable and thread-safe; built once per configuration change.
 */
public final class Lineup {
    private final List<CampaignPlan> plans;
    private final Map<String, Integer> positions;
    /** each campaign's audience inputs: the channels of what the kept part of its audience reads */
    private final long[] inputs;
    /** the bit of each name an audience reads; unique to this line-up, it also tells its memos from others' */
    private final NameBits bits;
    /** whether any campaign has an audience whose result a memo can keep */
    private final boolean memoable;

    /** @param ordered the campaigns in decision order */
    public Lineup(List<CampaignPlan> ordered) {
        this.plans = List.copyOf(ordered);
        Map<String, Integer> p = new HashMap<>();
        for (int i = 0; i < plans.size(); i++) p.put(plans.get(i).id(), i);
        this.positions = Map.copyOf(p);
        this.inputs = new long[plans.size()];
        Map<String, Long> b = new HashMap<>();
        boolean any = false;
        for (int i = 0; i < plans.size(); i++) {
            var split = plans.get(i).audienceSplit();
            if (split.kept() == Predicate.TRUE) continue;
            any = true;
            long channels = split.inputs().fixed();
            for (String name : split.inputs().names()) {
                channels |= b.computeIfAbsent(name, n -> 1L << (b.size() % Changes.NAME_BITS));
            }
            inputs[i] = channels;
        }
        this.bits = new NameBits(Map.copyOf(b), positions);
        this.memoable = any;
    }

    /**
     * The bits of the names the audiences read (a small object of its own: memos point at it, not at the
     * plans). {@code hashes} has bit {@code h & 63} set for the hash {@code h} of each name, so that most
     * names nothing reads are answered from their cached hash, without a lookup.
     */
    private record NameBits(Map<String, Long> bits, long hashes, Map<String, Integer> positions) implements Changes.Names {
        NameBits(Map<String, Long> bits, Map<String, Integer> positions) {
            this(bits, bits.keySet().stream().mapToLong(n -> 1L << (n.hashCode() & 63)).reduce(0, (a, b) -> a | b), positions);
        }

        @Override
        public long of(String name) {
            if ((hashes & 1L << (name.hashCode() & 63)) == 0) return 0;
            Long bit = bits.get(name);
            return bit == null ? 0 : bit;
        }

        @Override
        public int position(String campaign) {
            Integer at = positions.get(campaign);
            return at == null ? -1 : at;
        }
    }

    /**
     * The person's memo for this line-up, browser and day (see {@link DecisionMemo}), brought up to date
     * with what changed since the last decision.
     */
    DecisionMemo memo(Profile profile, VisitorState browser, int today) {
        DecisionMemo memo = profile.decisionMemo(bits, browser, today, inputs.length);
        memo.update(memoable ? inputs : null);
        return memo;
    }

    /** The memo's audience results; null when no audience can be kept. */
    byte[] audienceResults(DecisionMemo memo) {
        return memoable ? memo.audiences() : null;
    }

    /** As {@link #histories(Profile)}, from the memo (each history is placed once). */
    CampaignHistory[] histories(Profile profile, DecisionMemo memo) {
        return memo.histories(profile);
    }

    public List<CampaignPlan> plans() {
        return plans;
    }

    public int size() {
        return plans.size();
    }

    /**
     * The person's history of each campaign, at the campaign's position (null where the person never met
     * it); histories of campaigns no longer configured are left out. Returns null when the person has met
     * none, so a newcomer's decision allocates nothing here.
     */
    CampaignHistory[] histories(Profile profile) {
        int n = profile.campaignCount();
        if (n == 0) return null;
        CampaignHistory[] aligned = new CampaignHistory[plans.size()];
        for (int i = 0; i < n; i++) {
            CampaignHistory h = profile.campaignAt(i);
            Integer at = positions.get(h.campaign());
            if (at != null) aligned[at] = h;
        }
        return aligned;
    }
}
