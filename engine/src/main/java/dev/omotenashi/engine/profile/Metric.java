package dev.omotenashi.engine.profile;

/** What is counted of a campaign's actions per visitor (config-language.md §2, ActionPredicate). */
public enum Metric {
    DELIVERED("delivered"), SHOWN("shown"), CLICKED("clicked"), CLOSED("closed"), CONTROL("control"), GOAL("goal");

    private final String json;

    Metric(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    public static Metric fromJson(String s) {
        for (Metric v : values()) if (v.json.equals(s)) return v;
        return null;
    }

    /** The metric an action event reports, or null for other events. */
    public static Metric ofActionEvent(String eventName) {
        return switch (eventName) {
            case "_action_delivered" -> DELIVERED;
            case "_action_shown" -> SHOWN;
            case "_action_clicked" -> CLICKED;
            case "_action_closed" -> CLOSED;
            case "_action_control" -> CONTROL;
            default -> null;
        };
    }
}
