package dev.omotenashi.engine;

import dev.omotenashi.engine.event.Event;
import dev.omotenashi.engine.profile.VisitorState;

import java.util.Collections;
import java.util.List;

/**
 * What the engine made of one {@link TrackRequest}.
 *
 * <p>{@link #session()} is built on first call: most requests replayed or answered without a body never
 * ask for it, and the string would otherwise be made on every request.
 */
public final class TrackResult {
    private final String visitor;
    private final VisitorState browser;
    private final int serial;
    private final long sessionStartedAt;
    private final List<Action> actions;
    private final List<Event> recorded;
    private final List<Event> derived;
    private String session;

    TrackResult(String visitor, VisitorState browser, List<Action> actions, List<Event> recorded, List<Event> derived) {
        this.visitor = visitor;
        this.browser = browser;
        this.serial = browser.serial();
        this.sessionStartedAt = browser.sessionStart();
        // The engine hands over lists it no longer touches: views rather than copies.
        this.actions = List.copyOf(actions); // the decision's list is immutable already: no copy is made
        this.recorded = Collections.unmodifiableList(recorded);
        this.derived = derived.isEmpty() ? List.of() : Collections.unmodifiableList(derived);
    }

    /** The visitor id. */
    public String visitor() {
        return visitor;
    }

    /** Id of the visitor's current session (as of this request). */
    public String session() {
        String s = session;
        if (s == null) {
            s = VisitorState.sessionId(browser.visitorId(), sessionStartedAt, serial);
            session = s;
        }
        return s;
    }

    /** When that session started, epoch ms (the tag's session_time trigger counts from it). */
    public long sessionStartedAt() {
        return sessionStartedAt;
    }

    /** Actions to show, empty unless the request asked to decide. */
    public List<Action> actions() {
        return actions;
    }

    /**
     * What the server journals, in order: the request's events and an {@code _action_delivered} event per
     * action. Replaying these through {@link SiteEngine#track} (with {@code decide: false}, the same
     * page and context) rebuilds the profile exactly.
     */
    public List<Event> recorded() {
        return recorded;
    }

    /**
     * What the engine concluded from them and recomputes on replay: events derived by event definitions
     * and {@code where} clauses, and {@code _goal} conversions (properties campaign, variant, control,
     * event) — for counters and reports. A derived event carries its source event's properties; a view's
     * page fields are not copied in.
     */
    public List<Event> derived() {
        return derived;
    }
}
