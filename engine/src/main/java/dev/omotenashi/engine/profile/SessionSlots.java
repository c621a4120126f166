package dev.omotenashi.engine.profile;

/**
 * Per-session state of one counter or series for the two most recent sessions it was touched in. Sessions
 * are identified by the profile's session serial (unique per person, across browsers), so the
 * {@code session} scope reads the slot of the current session and {@code previous_session} the slot of the
 * browser's previous session; an older slot reads as empty. Keeping two slots instead of a map is what
 * keeps a profile small: with one browser, they are exactly the current and the previous session.
 */
final class SessionSlots<T> {
    int serialA = -1;   // most recent session touched
    T a;
    int serialB = -1;   // the one before
    T b;

    /** The slot of a session, or null when this counter was not touched in it. */
    T get(int serial) {
        if (serial < 0) return null;
        if (serialA == serial) return a;
        if (serialB == serial) return b;
        return null;
    }

    /** The slot of the session, rotating the older slots out when the session is new here. */
    T slot(int serial, java.util.function.Supplier<T> fresh) {
        if (serialA == serial) return a;
        if (serialB == serial) return b;
        if (serial > serialA) {
            serialB = serialA;
            b = a;
            serialA = serial;
            a = fresh.get();
            return a;
        }
        // an older session than both slots (late events of another browser): keep it in the older slot
        // when that is older still, else it is not session-scoped any more
        if (serial > serialB) {
            serialB = serial;
            b = fresh.get();
            return b;
        }
        return null;
    }
}
