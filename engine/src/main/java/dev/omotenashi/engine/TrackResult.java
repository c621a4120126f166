package dev.omotenashi.engine;

import dev.omotenashi.engine.event.Event;

import java.util.List;

/**
 * What the engine made of one {@link TrackRequest}.
 *
 * @param visitor          the visitor id
 * @param session          id of the visitor's current session
 * @param sessionStartedAt when that session started, epoch ms (the tag's session_time trigger counts from it)
 * @param actions          actions to show, empty unless the request asked to decide
 * @param recorded         what the server journals, in order: the request's events (view events enriched
 *                         with their page) and an {@code _action_delivered} event per action. Replaying
 *                         these through {@link SiteEngine#track} (with {@code decide: false}) rebuilds the
 *                         profile exactly.
 * @param derived          what the engine concluded from them and recomputes on replay: events derived by
 *                         event definitions and {@code where} clauses, and {@code _goal} conversions
 *                         (properties campaign, variant, control, event) — for counters and reports
 */
public record TrackResult(String visitor, String session, long sessionStartedAt, List<Action> actions,
                          List<Event> recorded, List<Event> derived) {
    public TrackResult {
        actions = List.copyOf(actions);
        recorded = List.copyOf(recorded);
        derived = List.copyOf(derived);
    }
}
