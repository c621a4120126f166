package dev.omotenashi.engine.segment;

import dev.omotenashi.engine.condition.Condition;
import dev.omotenashi.engine.config.Values;

import java.util.Objects;

/**
 * A named audience (config-language.md §3): the visitors for whom {@code condition} holds now. Membership
 * is evaluated in real time on every event and in bulk for counts. A segment may reference other segments;
 * {@link dev.omotenashi.engine.config.ConfigSet} rejects unknown references and cycles.
 *
 * @param id        {@link Values#isId a valid id}
 * @param name      the operator's name for it, for people
 * @param condition who is in the segment
 */
public record Segment(String id, String name, Condition condition) {
    public Segment {
        if (!Values.isId(id)) throw new IllegalArgumentException("invalid segment id: " + id);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(condition, "condition");
    }
}
