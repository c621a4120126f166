package dev.omotenashi.engine.campaign;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;

/**
 * When, on the page, a delivered action appears (config-language.md §5): the tag arms the trigger and shows
 * the action (or reports the control exposure) when it fires. Delivered to the tag as {@link #toJson()}.
 */
public sealed interface Trigger {
    /** Longest wait a time-based trigger may ask for: one day. */
    int MAX_SECONDS = 86_400;
    /** Longest CSS selector a click trigger may name. */
    int MAX_SELECTOR = 512;

    Trigger LOAD = new Load();
    Trigger EXIT_INTENT = new ExitIntent();

    enum Kind {
        LOAD("load"), DELAY("delay"), SCROLL("scroll"), EXIT_INTENT("exit_intent"), CLICK("click"), IDLE("idle"),
        SESSION_TIME("session_time"), EVENT("event");

        private final String json;

        Kind(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }

        public static Kind fromJson(String s) {
            for (Kind k : values()) if (k.json.equals(s)) return k;
            return null;
        }
    }

    Kind kind();

    /** The spec's JSON form, {@code {"on": "scroll", "percent": 50}}: a fresh object on every call. */
    default ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode().put("on", kind().json());
        switch (this) {
            case Load t -> { }
            case ExitIntent t -> { }
            case Delay t -> o.put("seconds", t.seconds());
            case Scroll t -> o.put("percent", t.percent());
            case Click t -> o.put("selector", t.selector());
            case Idle t -> o.put("seconds", t.seconds());
            case SessionTime t -> o.put("seconds", t.seconds());
            case OnEvent t -> o.put("event", t.event());
        }
        return o;
    }

    /** As soon as the page has loaded. */
    record Load() implements Trigger {
        public Kind kind() {
            return Kind.LOAD;
        }
    }

    /** {@code seconds} after the page loaded. */
    record Delay(int seconds) implements Trigger {
        public Delay {
            checkSeconds(seconds);
        }

        public Kind kind() {
            return Kind.DELAY;
        }
    }

    /** When the visitor scrolled {@code percent} (1–100) of the page. */
    record Scroll(int percent) implements Trigger {
        public Scroll {
            if (percent < 1 || percent > 100) throw new IllegalArgumentException("percent must be 1..100");
        }

        public Kind kind() {
            return Kind.SCROLL;
        }
    }

    /** When the pointer leaves the window towards the top (desktop). */
    record ExitIntent() implements Trigger {
        public Kind kind() {
            return Kind.EXIT_INTENT;
        }
    }

    /** When the visitor clicks an element matching the CSS {@code selector}. */
    record Click(String selector) implements Trigger {
        public Click {
            Objects.requireNonNull(selector, "selector");
            if (selector.isBlank() || selector.length() > MAX_SELECTOR) throw new IllegalArgumentException("invalid selector");
        }

        public Kind kind() {
            return Kind.CLICK;
        }
    }

    /** After {@code seconds} without pointer, key or scroll activity. */
    record Idle(int seconds) implements Trigger {
        public Idle {
            checkSeconds(seconds);
        }

        public Kind kind() {
            return Kind.IDLE;
        }
    }

    /** When the session is {@code seconds} old, counting the time already spent (immediately if it already is). */
    record SessionTime(int seconds) implements Trigger {
        public SessionTime {
            checkSeconds(seconds);
        }

        public Kind kind() {
            return Kind.SESSION_TIME;
        }
    }

    /** When the page tracks the event named {@code event}. */
    record OnEvent(String event) implements Trigger {
        public OnEvent {
            Objects.requireNonNull(event, "event");
        }

        public Kind kind() {
            return Kind.EVENT;
        }
    }

    private static void checkSeconds(int seconds) {
        if (seconds < 1 || seconds > MAX_SECONDS) throw new IllegalArgumentException("seconds must be 1.." + MAX_SECONDS);
    }
}
