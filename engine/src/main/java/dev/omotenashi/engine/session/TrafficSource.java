package dev.omotenashi.engine.session;

/**
 * How a session came to the site: the value of {@code session.source} (config-language.md §2). Decided
 * once, from the session's landing page, by {@link TrafficSourceClassifier}.
 */
public enum TrafficSource {
    /** An ad click: a paid UTM medium or an ad click id. */
    AD("ad"),
    /** A search engine's results, by referrer (or {@code utm_medium=organic}). */
    SEARCH("search"),
    /** A social network, by referrer or by the UTM parameters of a link posted there. */
    SOCIAL("social"),
    /** An email or newsletter, by UTM medium or a webmail referrer. */
    EMAIL("email"),
    /** Any other external site. */
    REFERRAL("referral"),
    /** None of the above: typed, bookmarked, an app that sends no referrer, or an internal referrer. */
    DIRECT("direct");

    private final String json;

    TrafficSource(String json) {
        this.json = json;
    }

    /** The name used in conditions, the API and storage ({@code ad}, {@code search} ...). */
    public String json() {
        return json;
    }

    /** The source with that JSON name, or null when there is none (names are case-sensitive). */
    public static TrafficSource fromJson(String json) {
        for (TrafficSource s : values()) {
            if (s.json.equals(json)) return s;
        }
        return null;
    }
}
