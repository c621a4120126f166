package dev.omotenashi.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omotenashi.engine.config.SiteSettings;
import dev.omotenashi.engine.decision.Decision;
import dev.omotenashi.engine.profile.Profile;

import java.time.Clock;

/**
 * The engine of one site: its configuration (segments, event definitions, campaigns), the profiles of its
 * visitors, and the decision. Pure: no I/O, no threads; time comes from the injected {@link Clock}.
 *
 * <p>Thread safety: configuration changes may come from any thread and take effect for the next
 * {@link #track} (the compiled configuration is swapped atomically). {@link #track} calls for the same
 * visitor or person must not run concurrently (the server serialises them per profile).
 */
public final class SiteEngine {
    public SiteEngine(SiteSettings settings, Clock clock) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Creates or replaces a segment (config-language.md §3). @throws dev.omotenashi.engine.config.ValidationException */
    public void putSegment(JsonNode json) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Creates or replaces an event definition (§4). @throws dev.omotenashi.engine.config.ValidationException */
    public void putEventDefinition(JsonNode json) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Creates or replaces a campaign (§5). @throws dev.omotenashi.engine.config.ValidationException */
    public void putCampaign(JsonNode json) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Applies a request's events to the visitor's profile and, when asked, decides the actions to show. */
    public TrackResult track(TrackRequest request) {
        throw new UnsupportedOperationException("in progress");
    }

    /** The profile of a visitor (the person's, when identified), or null when never seen. */
    public Profile profile(String visitorId) {
        throw new UnsupportedOperationException("in progress");
    }

    /** What the decision would be for this visitor on this page now, changing nothing. */
    public Decision explain(String visitorId, Page page) {
        throw new UnsupportedOperationException("in progress");
    }
}
