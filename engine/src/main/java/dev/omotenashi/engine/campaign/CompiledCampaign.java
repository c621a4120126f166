package dev.omotenashi.engine.campaign;

import dev.omotenashi.engine.condition.Predicate;
import dev.omotenashi.engine.condition.Split;

import java.util.Objects;

/**
 * A campaign with its conditions compiled, as the decision evaluates it.
 *
 * @param audience  whether the visitor is in the audience ({@link Predicate#TRUE} for everyone)
 * @param pages     whether the current page is one of the campaign's pages ({@link Predicate#TRUE} for every page)
 * @param goalWhere whether a goal event counts, evaluated against the goal event
 *                  ({@link dev.omotenashi.engine.condition.Facts#eventProperty}); {@link Predicate#TRUE} for a goal
 *                  without {@code where}, {@link Predicate#FALSE} for a campaign without a goal
 * @param audienceSplit the audience again, in the part whose result for a person can be reused and the rest
 */
public record CompiledCampaign(Campaign campaign, Predicate audience, Predicate pages, Predicate goalWhere,
                               Split audienceSplit) {
    public CompiledCampaign {
        Objects.requireNonNull(audienceSplit, "audienceSplit");
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(pages, "pages");
        Objects.requireNonNull(goalWhere, "goalWhere");
    }

    public String id() {
        return campaign.id();
    }
}
