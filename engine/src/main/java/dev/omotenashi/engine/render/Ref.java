package dev.omotenashi.engine.render;

import dev.omotenashi.engine.condition.Attribute;
import dev.omotenashi.engine.condition.Facts;
import dev.omotenashi.engine.profile.AggregateKey;

/**
 * What a variable path of a placeholder reads, decided once at compile time: an attribute or an event
 * aggregate (config-language.md §2 and §5). Immutable.
 */
sealed interface Ref {

    /** Reads the value for one visitor; null when it is missing (see {@link Facts} for the value conventions). */
    Object read(Facts facts);

    /** {@code visitor.*}, {@code session.*}, {@code page.*}, {@code page.query.<name>}, {@code user.<trait>}. */
    record Attr(Attribute attribute, String key) implements Ref {
        @Override
        public Object read(Facts facts) {
            return facts.attribute(attribute, key);
        }
    }

    /** {@code event.<name>[.<scope>][.<property>].<agg>}. */
    record Aggregate(AggregateKey key) implements Ref {
        @Override
        public Object read(Facts facts) {
            return facts.aggregate(key.event(), key.property(), key.scope(), key.agg());
        }
    }
}
