package dev.omotenashi.engine.campaign;

import java.util.Objects;

/**
 * How often one visitor may be delivered the campaign: at most {@code max} times per user (ever), per session
 * or per day (site timezone); {@link Per#PAGEVIEW} means on every page view, which is at most once per page
 * view, so its {@code max} is always 1. Default: once per session.
 */
public record Frequency(Per per, int max) {
    public static final Frequency DEFAULT = new Frequency(Per.SESSION, 1);
    public static final Frequency EVERY_PAGEVIEW = new Frequency(Per.PAGEVIEW, 1);

    public enum Per {
        USER("user"), SESSION("session"), DAY("day"), PAGEVIEW("pageview");

        private final String json;

        Per(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }

        public static Per fromJson(String s) {
            for (Per p : values()) if (p.json.equals(s)) return p;
            return null;
        }
    }

    public Frequency {
        Objects.requireNonNull(per, "per");
        if (max < 1) throw new IllegalArgumentException("max must be at least 1");
        if (per == Per.PAGEVIEW && max != 1) throw new IllegalArgumentException("per pageview has no max");
    }
}
