package dev.omotenashi.engine.condition;

/**
 * A condition in two parts for reuse between requests: {@code kept}, whose result a memo may keep until one
 * of its {@code inputs} changes, and {@code rest}, evaluated every time (what reads the clock or the page).
 * The condition holds exactly when both parts do. {@code kept} is the whole condition when all of it is
 * reusable; {@code rest} is, when none of it is; an {@code all} of both kinds splits member by member.
 */
public record Split(Predicate kept, Inputs inputs, Predicate rest) {
    /** Nothing kept: the whole predicate evaluated every time. */
    public static Split everyTime(Predicate predicate) {
        return new Split(Predicate.TRUE, Inputs.NOTHING, predicate);
    }
}
