package dev.omotenashi.engine.condition;

import dev.omotenashi.engine.profile.Changes;

import java.util.HashSet;
import java.util.Set;

/**
 * What a compiled condition reads of a profile, so that its result can be kept until one of those inputs
 * changes ({@link dev.omotenashi.engine.profile.DecisionMemo}).
 *
 * @param names    the event names (derived ones under their synthetic names) and campaign ids whose counts or
 *                 aggregates it reads
 * @param fixed    the fixed {@linkplain Changes channels} it reads: {@link Changes#SESSION}, {@link Changes#IDENTITY}
 * @param reusable false when the result can change with no change to the profile: it reads the clock
 *                 ({@code session.duration}, {@code within_last}), the page, or an event's properties.
 *                 Results of the day scopes change at midnight; a memo holds for one day, so they are reusable.
 */
public record Inputs(Set<String> names, long fixed, boolean reusable) {
    /** Reads nothing: a constant. */
    public static final Inputs NOTHING = new Inputs(Set.of(), 0, true);
    /** Must be evaluated every time. */
    public static final Inputs EVERY_TIME = new Inputs(Set.of(), Changes.ALL, false);

    public Inputs {
        names = Set.copyOf(names);
    }

    static Inputs of(long fixed) {
        return new Inputs(Set.of(), fixed, true);
    }

    static Inputs of(String name, long fixed) {
        return new Inputs(Set.of(name), fixed, true);
    }

    /** Both conditions' inputs: what a condition made of both reads. */
    public Inputs and(Inputs other) {
        if (other.names.isEmpty() && other.fixed == 0 && other.reusable) return this;
        Set<String> all = new HashSet<>(names);
        all.addAll(other.names);
        return new Inputs(all, fixed | other.fixed, reusable && other.reusable);
    }
}
