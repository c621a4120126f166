package dev.omotenashi.engine.experiment;

/**
 * What the report tells the operator about a variant against control. The rules that lead to each are
 * in {@link FixedHorizonAnalysis} and {@link SequentialAnalysis} and in docs/measurement.md.
 */
public enum Verdict {
    /** Not enough data yet, or nothing to say yet. */
    COLLECTING("collecting"),
    /** Ahead of control with some evidence (a two-sided p below {@link DecisionRules#likelyWinP()}: at
     *  0.2, about a 90% posterior chance of being better), but not significant: an indication, not a
     *  decision, and it may come and go. */
    LIKELY_WIN("likely_win"),
    /** Significantly better than control at the rules' alpha. */
    WIN("win"),
    /** Significantly worse than control at the rules' alpha. */
    LOSE("lose"),
    /** Enough data and no significant difference: the planned horizon was reached, or the lift's interval
     *  lies within the practical margin. */
    NO_DIFFERENCE("no_difference");

    private final String json;

    Verdict(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    /** Whether the verdict is a significant decision ({@link #WIN} or {@link #LOSE}). */
    public boolean significant() {
        return this == WIN || this == LOSE;
    }

    public static Verdict fromJson(String s) {
        for (Verdict v : values()) if (v.json.equals(s)) return v;
        return null;
    }
}
