package dev.omotenashi.server.audit;

/**
 * Where a change is recorded, bound to who made it ({@link Audit#trail}). Call {@link #record} inside the
 * transaction that makes the change ({@link Audit#atomically}), after the change's own writes: the entry then
 * commits with the change, and a failure to write it rolls the change back.
 */
@FunctionalInterface
public interface Trail {
    /** Records nothing: for changes made outside the admin API (the demo's set-up at start). */
    Trail NONE = change -> { };

    void record(Change change);
}
