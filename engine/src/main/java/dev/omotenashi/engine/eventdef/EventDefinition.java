package dev.omotenashi.engine.eventdef;

import dev.omotenashi.engine.condition.Condition;

import java.util.Objects;

/**
 * An event derived from tracked ones (config-language.md §4): whenever an event named {@code from} arrives
 * and {@code where} holds, the event {@code name} is recorded too, with the same properties. This is how
 * "viewed the sale page" becomes an event without any code on the site.
 *
 * <p>{@code where} may test the source event's properties ({@code prop}) and the {@code page.*} attributes
 * of the page it happened on. {@code from} may itself be a defined event: the engine applies definitions in
 * dependency order ({@link dev.omotenashi.engine.config.CompiledSite#derivedEvents()}), and
 * {@link dev.omotenashi.engine.config.ConfigSet} rejects definitions that derive from each other in a loop.
 *
 * @param name  the event recorded; never reserved ({@link EventDefinitionParser#reserved})
 * @param from  the source event's name, different from {@code name}
 * @param where which source events count
 */
public record EventDefinition(String name, String from, Condition where) {
    public EventDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(where, "where");
        if (EventDefinitionParser.reserved(name)) throw new IllegalArgumentException("reserved event name: " + name);
        if (name.equals(from)) throw new IllegalArgumentException("an event cannot be derived from itself: " + name);
    }
}
