package dev.omotenashi.engine.profile;

/** The time span an event aggregate covers (config-language.md §2, EventPredicate). */
public enum Scope {
    ALL("all"), SESSION("session"), PREVIOUS_SESSION("previous_session"), TODAY("today"), DAYS_7("7d"), DAYS_28("28d");

    private final String json;

    Scope(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    /** Days covered, counting today, for the rolling scopes; 0 for the others. */
    public int days() {
        return switch (this) {
            case TODAY -> 1;
            case DAYS_7 -> 7;
            case DAYS_28 -> 28;
            default -> 0;
        };
    }

    public boolean isDaily() {
        return days() > 0;
    }

    public boolean isSessional() {
        return this == SESSION || this == PREVIOUS_SESSION;
    }

    public static Scope fromJson(String s) {
        for (Scope v : values()) if (v.json.equals(s)) return v;
        return null;
    }
}
