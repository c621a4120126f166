package dev.omotenashi.engine.campaign;

import java.util.Objects;

/**
 * When to stop delivering to a visitor: once it was shown {@code afterShows} times, closed it
 * {@code afterCloses} times, clicked it {@code afterClicks} times, or reached the campaign's goal. Any one
 * rule stops delivery. With {@link Period#DAY} the counts are those of today (site timezone), so delivery
 * resumes the next day.
 *
 * @param afterShows  null for no limit, else at least 1
 * @param afterCloses null for no limit, else at least 1
 * @param afterClicks null for no limit, else at least 1
 * @param afterGoal   stop once the visitor reached the goal (the campaign must have one)
 */
public record Stop(Integer afterShows, Integer afterCloses, Integer afterClicks, boolean afterGoal, Period period) {
    public static final Stop NONE = new Stop(null, null, null, false, Period.ALL);

    public enum Period {
        ALL("all"), DAY("day");

        private final String json;

        Period(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }

        public static Period fromJson(String s) {
            for (Period p : values()) if (p.json.equals(s)) return p;
            return null;
        }
    }

    public Stop {
        Objects.requireNonNull(period, "period");
        for (Integer n : new Integer[] {afterShows, afterCloses, afterClicks}) {
            if (n != null && n < 1) throw new IllegalArgumentException("stop counts must be at least 1");
        }
    }

    /** Whether any rule is set. */
    public boolean any() {
        return afterShows != null || afterCloses != null || afterClicks != null || afterGoal;
    }
}
