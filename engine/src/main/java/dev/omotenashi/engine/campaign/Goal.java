package dev.omotenashi.engine.campaign;

import dev.omotenashi.engine.condition.Condition;
import dev.omotenashi.engine.config.Values;

import java.time.Duration;
import java.util.Objects;

/**
 * The event that counts as the campaign's success, for reports, lift and {@code stop.after_goal}.
 * A goal event counts when {@code where} holds on its properties and it happens within {@code window}
 * after the visitor's first exposure (shown or control).
 *
 * @param event  the goal event's name
 * @param where  null, or a condition of {@code prop} predicates on the goal event
 * @param window the attribution window
 * @param value  null, or the name of a numeric property of the goal event (an order total, say) whose
 *               value is summed per arm in reports
 */
public record Goal(String event, Condition where, Window window, String value) {
    /** A goal without a value property. */
    public Goal(String event, Condition where, Window window) {
        this(event, where, window, null);
    }

    public Goal {
        Objects.requireNonNull(event, "event");
        if (event.isEmpty() || event.length() > Values.MAX_EVENT_NAME) throw new IllegalArgumentException("invalid goal event");
        if (where != null && !Condition.onlyProperties(where)) throw new IllegalArgumentException("goal where may only test properties");
        Objects.requireNonNull(window, "window");
        if (value != null && (value.isEmpty() || value.length() > Values.MAX_EVENT_NAME)) throw new IllegalArgumentException("invalid goal value property");
    }

    /** The attribution window: the session of the first exposure, or a fixed time after it. */
    public sealed interface Window {
        /** Until the end of the session in which the visitor was first exposed. */
        Window SESSION = new Session();

        record Session() implements Window {}

        /** Until {@code duration} after the first exposure; positive. */
        record Within(Duration duration) implements Window {
            public Within {
                Objects.requireNonNull(duration, "duration");
                if (duration.isNegative() || duration.isZero()) throw new IllegalArgumentException("window must be positive");
            }
        }
    }
}
