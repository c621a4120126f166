package dev.omotenashi.engine.profile;

/** How an event aggregate folds the events of a scope (config-language.md §2). */
public enum Agg {
    COUNT("count"), SUM("sum"), MIN("min"), MAX("max"), AVG("avg"), FIRST("first"), LATEST("latest"),
    FIRST_AT("first_at"), LATEST_AT("latest_at"), VALUES("values");

    private final String json;

    Agg(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    /** Whether the aggregate needs a property ({@code sum} ... {@code latest}, {@code values}). */
    public boolean needsProperty() {
        return switch (this) {
            case COUNT, FIRST_AT, LATEST_AT -> false;
            default -> true;
        };
    }

    /** Whether the aggregate's result is a time (epoch ms). */
    public boolean isTime() {
        return this == FIRST_AT || this == LATEST_AT;
    }

    public static Agg fromJson(String s) {
        for (Agg v : values()) if (v.json.equals(s)) return v;
        return null;
    }
}
