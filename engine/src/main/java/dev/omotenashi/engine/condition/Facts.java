package dev.omotenashi.engine.condition;

import dev.omotenashi.engine.profile.Metric;
import dev.omotenashi.engine.profile.Scope;
import dev.omotenashi.engine.profile.Agg;

/**
 * What a compiled condition or template may ask about one visitor on one page at one instant.
 * Implemented by the engine over a profile and the current page; conditions never see the profile itself.
 *
 * <p>Values: numbers are {@link Double}, times are {@link Long} epoch milliseconds, strings {@link String},
 * booleans {@link Boolean}, {@code values} aggregates a {@link java.util.List}. Unknown or missing is null.
 * Implementations are not thread-safe; one instance serves one evaluation.
 */
public interface Facts {

    /** An attribute; {@code key} is the query parameter name or trait name for keyed attributes, else null. */
    Object attribute(Attribute attribute, String key);

    /**
     * An event aggregate. {@code count} of an event never seen is {@code 0.0}, never null; the other
     * aggregates are null when the scope holds no value.
     *
     * @param property property path, or null for {@code count}, {@code first_at}, {@code latest_at}
     */
    Object aggregate(String event, String property, Scope scope, Agg agg);

    /** How many times the metric happened for the campaign in the scope ({@code all}, {@code session}, {@code today}). */
    long actionCount(String campaign, Metric metric, Scope scope);

    /** When the metric last happened for the campaign in the scope, epoch ms, or null if never. */
    Long actionLatestAt(String campaign, Metric metric, Scope scope);

    /**
     * A property of the event being examined, for {@code where} clauses ({@code {"prop": "path"}}); null
     * outside an event or when absent. Same value conventions as above.
     */
    Object eventProperty(String dottedPath);

    /** The instant of evaluation, epoch ms. */
    long now();
}
