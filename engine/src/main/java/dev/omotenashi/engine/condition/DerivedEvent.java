package dev.omotenashi.engine.condition;

import java.util.Objects;

/**
 * An event the engine records by itself whenever an event named {@code from} arrives and {@code where}
 * holds, with the same properties (config-language.md §4). Two things compile to it: event definitions
 * ({@code sale_view} from {@code view}), and event predicates with a {@code where}, whose derived event has a
 * synthetic name ({@link ConditionCompiler#derivedName}) that only the engine uses.
 *
 * @param name  the event recorded
 * @param from  the event that triggers it
 * @param where evaluated against the source event: {@link Facts#eventProperty} gives its properties and
 *              {@link Facts#attribute} the {@code page.*} attributes of the page it happened on
 */
public record DerivedEvent(String name, String from, Predicate where) {
    public DerivedEvent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(where, "where");
    }

    /** Whether the name is synthetic (derived from an event predicate's {@code where}), not an event definition's. */
    public boolean synthetic() {
        return name.indexOf(ConditionCompiler.DERIVED_SEPARATOR) >= 0;
    }
}
