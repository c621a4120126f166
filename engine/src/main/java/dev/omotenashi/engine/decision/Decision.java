package dev.omotenashi.engine.decision;

import dev.omotenashi.engine.Action;

import java.util.List;

/**
 * The result of deciding for one visitor on one page view: the actions delivered and, for every campaign
 * of the site, its outcome (delivered or the reason it was not).
 */
public record Decision(List<Action> actions, List<Outcome> outcomes) {
    public Decision {
        actions = List.copyOf(actions);
        outcomes = List.copyOf(outcomes);
    }

    public Outcome outcome(String campaign) {
        for (Outcome o : outcomes) if (o.campaign().equals(campaign)) return o;
        return null;
    }
}
