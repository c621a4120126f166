package dev.omotenashi.engine.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;

/**
 * One thing a visitor did: a validated event. Properties are a JSON object; nested objects are
 * addressed with dots ({@code item.price}). Instances are treated as immutable: nobody mutates
 * {@link #properties()} after construction (the engine copies before enriching).
 *
 * @param id         unique per event (de-duplication key); never blank
 * @param name       event name ({@code view}, {@code cart}, {@code _action_shown} ...)
 * @param ts         epoch milliseconds
 * @param properties the event's properties, never null
 */
public record Event(String id, String name, long ts, ObjectNode properties) {
    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (properties == null) properties = JsonNodeFactory.instance.objectNode();
    }

    public static Event of(String id, String name, long ts) {
        return new Event(id, name, ts, JsonNodeFactory.instance.objectNode());
    }

    /** The property at a dotted path ({@code item.price}), or null when absent or JSON null. */
    public JsonNode property(String dottedPath) {
        return Props.get(properties, dottedPath);
    }
}
