package dev.omotenashi.engine.profile;

import java.util.Objects;

/**
 * One aggregate the configuration reads: "the latest {@code in_cart_price} of {@code cart} over all time".
 * The compiled configuration collects these so profiles maintain exactly what is asked of them.
 *
 * @param event    event name
 * @param property property path, or null for {@code count}/{@code first_at}/{@code latest_at} of the event itself
 */
public record AggregateKey(String event, String property, Scope scope, Agg agg) {
    public AggregateKey {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(agg, "agg");
    }
}
