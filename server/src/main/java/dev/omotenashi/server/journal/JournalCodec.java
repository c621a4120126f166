package dev.omotenashi.server.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omotenashi.engine.ClientContext;
import dev.omotenashi.engine.Page;
import dev.omotenashi.engine.TrackRequest;
import dev.omotenashi.engine.event.Event;

import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of a journaled request: everything {@link dev.omotenashi.engine.SiteEngine#track} needs to
 * apply it again — visitor, user, traits, page, client context and the events the engine recorded
 * (including {@code _action_delivered}). Replaying it with {@code decide: false} rebuilds the profile
 * exactly. Field names are short on purpose: the journal is the largest thing we store. Thread-safe.
 */
public final class JournalCodec {
    private final ObjectMapper json;

    public JournalCodec(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The journal form of a request whose events the engine recorded as {@code recorded}. Written by
     * streaming (no intermediate tree): this runs for every request, under the site's lock.
     */
    public String encode(TrackRequest request, List<Event> recorded) {
        return Streamed.string(json, g -> {
            g.writeStartObject();
            g.writeStringField("v", request.visitor());
            if (request.user() != null) g.writeStringField("u", request.user());
            if (request.traits() != null && !request.traits().isEmpty()) {
                g.writeFieldName("tr");
                g.writeTree(request.traits());
            }
            Page page = request.page();
            if (page.url() != null) g.writeStringField("url", page.url());
            if (page.title() != null) g.writeStringField("title", page.title());
            if (page.referrer() != null) g.writeStringField("ref", page.referrer());
            ClientContext c = request.context();
            if (c.userAgent() != null) g.writeStringField("ua", c.userAgent());
            if (c.mobile() != null) g.writeBooleanField("mob", c.mobile());
            if (c.lang() != null) g.writeStringField("lang", c.lang());
            if (c.timezone() != null) g.writeStringField("tz", c.timezone());
            g.writeArrayFieldStart("e");
            for (Event e : recorded) {
                g.writeStartObject();
                g.writeStringField("id", e.id());
                g.writeStringField("n", e.name());
                g.writeNumberField("ts", e.ts());
                if (!e.properties().isEmpty()) {
                    g.writeFieldName("p");
                    g.writeTree(e.properties());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** The request to replay (with {@code decide: false}). @throws IllegalArgumentException when not a journal record */
    public TrackRequest decode(String text) {
        JsonNode o;
        try {
            o = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("corrupt journal record: " + e.getOriginalMessage(), e);
        }
        List<Event> events = new ArrayList<>();
        for (JsonNode n : o.path("e")) {
            JsonNode p = n.get("p");
            events.add(new Event(n.path("id").asText(), n.path("n").asText(), n.path("ts").asLong(),
                    p instanceof ObjectNode obj ? obj : null));
        }
        JsonNode traits = o.get("tr");
        return new TrackRequest(o.path("v").asText(), text(o, "u"), traits instanceof ObjectNode t ? t : null,
                new Page(text(o, "url"), text(o, "title"), text(o, "ref")),
                new ClientContext(text(o, "ua"), o.has("mob") ? o.get("mob").asBoolean() : null, text(o, "lang"), text(o, "tz")),
                events, false);
    }

    private static String text(JsonNode o, String field) {
        JsonNode n = o.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}
