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
 * @param recorded         every event the profile absorbed, in order: the request's events (view events
 *                         enriched with the page), derived events, goal events and {@code _action_delivered}
 *                         for each action — what the server journals
 */
public record TrackResult(String visitor, String session, long sessionStartedAt, List<Action> actions,
                          List<Event> recorded) {
}
