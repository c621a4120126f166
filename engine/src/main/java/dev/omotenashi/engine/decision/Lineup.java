package dev.omotenashi.engine.decision;

import dev.omotenashi.engine.profile.CampaignHistory;
import dev.omotenashi.engine.profile.Profile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A site's campaigns in decision order (priority descending, then id), with each campaign's position, so
 * that a decision finds a person's history of every campaign in one pass over the person's histories
 * instead of one search per campaign. Immutable and thread-safe; built once per configuration change.
 */
public final class Lineup {
    private final List<CampaignPlan> plans;
    private final Map<String, Integer> positions;

    /** @param ordered the campaigns in decision order */
    public Lineup(List<CampaignPlan> ordered) {
        this.plans = List.copyOf(ordered);
        Map<String, Integer> p = new HashMap<>();
        for (int i = 0; i < plans.size(); i++) p.put(plans.get(i).id(), i);
        this.positions = Map.copyOf(p);
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
