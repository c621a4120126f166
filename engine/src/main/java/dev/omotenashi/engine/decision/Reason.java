package dev.omotenashi.engine.decision;

/**
 * Why a campaign was not delivered to a visitor on a page view (the console's 配信されなかった理由).
 * Checked in this order; the first that applies is reported.
 */
public enum Reason {
    /** the campaign is not live (draft, paused, ended) */
    STATUS("status"),
    /** outside the campaign's schedule (dates, days of week, hours) */
    SCHEDULE("schedule"),
    /** the visitor does not match the audience */
    AUDIENCE("audience"),
    /** the page does not match the campaign's pages */
    PAGE("page"),
    /** the frequency cap is reached (per user, session or day) */
    FREQUENCY("frequency"),
    /** a stop rule holds (shows, closes, clicks, goal reached) */
    STOP("stop"),
    /** a placeholder cannot be evaluated for this visitor and has no default */
    CONTENT("content"),
    /** another campaign of higher priority took the modal slot or the template slot */
    PRIORITY("priority"),
    /** site-wide spacing since the last delivery has not passed */
    SPACING("spacing");

    private final String json;

    Reason(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }
}
