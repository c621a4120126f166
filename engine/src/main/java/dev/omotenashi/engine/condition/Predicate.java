package dev.omotenashi.engine.condition;

/** A compiled condition. Immutable and thread-safe; evaluation never throws for any facts. */
@FunctionalInterface
public interface Predicate {
    boolean test(Facts facts);

    Predicate TRUE = f -> true;
    Predicate FALSE = f -> false;
}
