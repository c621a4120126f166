package dev.omotenashi.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omotenashi.engine.event.Event;

import java.util.List;
import java.util.Objects;

/**
 * One validated request from a visitor's browser (tracking-protocol.md §1) or one Segment call: the
 * visitor, optionally the user id and traits, the page, and the events in the order they happened.
 *
 * @param visitor the visitor id (browser); never null here (the server mints one when missing)
 * @param user    user id when the visitor is identified, else null
 * @param traits  traits to merge into the person's traits, may be null
 * @param decide  whether to answer with the actions to show on this page
 */
public record TrackRequest(String visitor, String user, ObjectNode traits, Page page, ClientContext context,
                           List<Event> events, boolean decide) {
    public TrackRequest {
        Objects.requireNonNull(visitor, "visitor");
        if (page == null) page = new Page(null, null, null);
        if (context == null) context = ClientContext.EMPTY;
        events = List.copyOf(events);
    }
}
