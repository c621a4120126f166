package dev.omotenashi.engine.condition;

/**
 * The attribute paths of config-language.md §2 (AttributePredicate), resolved once at compile time.
 * {@link #PAGE_QUERY} and {@link #USER} take a key: {@code page.query.<name>}, {@code user.<trait>}.
 */
public enum Attribute {
    VISITOR_VISITS("visitor.visits", Type.NUMBER),
    VISITOR_IS_MEMBER("visitor.is_member", Type.BOOL),
    VISITOR_FIRST_SEEN("visitor.first_seen", Type.TIME),
    VISITOR_LAST_SEEN("visitor.last_seen", Type.TIME),
    SESSION_PV("session.pv", Type.NUMBER),
    SESSION_DURATION("session.duration", Type.NUMBER),
    SESSION_SOURCE("session.source", Type.STRING),
    SESSION_UTM_SOURCE("session.utm_source", Type.STRING),
    SESSION_UTM_MEDIUM("session.utm_medium", Type.STRING),
    SESSION_UTM_CAMPAIGN("session.utm_campaign", Type.STRING),
    SESSION_UTM_TERM("session.utm_term", Type.STRING),
    SESSION_UTM_CONTENT("session.utm_content", Type.STRING),
    SESSION_REFERRER_HOST("session.referrer_host", Type.STRING),
    SESSION_LANDING_PATH("session.landing_path", Type.STRING),
    SESSION_DEVICE("session.device", Type.STRING),
    PAGE_URL("page.url", Type.STRING),
    PAGE_PATH("page.path", Type.STRING),
    PAGE_HOST("page.host", Type.STRING),
    PAGE_TITLE("page.title", Type.STRING),
    PAGE_QUERY("page.query", Type.STRING),
    USER("user", Type.ANY);

    /** Static type of an attribute, used to reject impossible comparisons when a config is saved. */
    public enum Type { NUMBER, STRING, BOOL, TIME, ANY }

    private final String path;
    private final Type type;

    Attribute(String path, Type type) {
        this.path = path;
        this.type = type;
    }

    public String path() {
        return path;
    }

    public Type type() {
        return type;
    }

    /** Whether this attribute takes a key after its path ({@code page.query.<name>}, {@code user.<trait>}). */
    public boolean keyed() {
        return this == PAGE_QUERY || this == USER;
    }

    /** Whether the attribute describes the page being viewed (allowed in a campaign's {@code pages}). */
    public boolean isPage() {
        return path.startsWith("page.");
    }
}
