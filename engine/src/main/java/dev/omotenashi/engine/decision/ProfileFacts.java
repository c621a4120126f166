package dev.omotenashi.engine.decision;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omotenashi.engine.condition.Attribute;
import dev.omotenashi.engine.condition.Facts;
import dev.omotenashi.engine.event.Props;
import dev.omotenashi.engine.profile.Agg;
import dev.omotenashi.engine.profile.Metric;
import dev.omotenashi.engine.profile.Profile;
import dev.omotenashi.engine.profile.Scope;
import dev.omotenashi.engine.profile.VisitorState;
import dev.omotenashi.engine.session.PageInfo;

/**
 * The {@link Facts} of one person, seen from one browser's session, on one page at one instant — and,
 * while an event is being applied, that event's properties for {@code where} clauses.
 * Not thread-safe: one instance per request.
 */
public final class ProfileFacts implements Facts {
    private final Profile profile;
    private final VisitorState browser;
    private final PageInfo page;
    private long now;
    private int today;
    private JsonNode eventProperties;
    private PageInfo eventPage;

    public ProfileFacts(Profile profile, VisitorState browser, PageInfo page, long now, int today) {
        this.profile = profile;
        this.browser = browser;
        this.page = page == null ? PageInfo.EMPTY : page;
        this.now = now;
        this.today = today;
    }

    /** Points the facts at an event being applied (its properties, its time); null properties clear it. */
    public ProfileFacts at(long now, int today, JsonNode eventProperties) {
        return at(now, today, eventProperties, null);
    }

    /**
     * As {@link #at(long, int, JsonNode)}, for a {@code view}: its page's fields ({@link PageInfo#field})
     * read as properties the event does not carry.
     */
    public ProfileFacts at(long now, int today, JsonNode eventProperties, PageInfo viewPage) {
        this.now = now;
        this.today = today;
        this.eventProperties = eventProperties;
        this.eventPage = viewPage;
        return this;
    }

    @Override
    public Object attribute(Attribute attribute, String key) {
        VisitorState b = browser;
        return switch (attribute) {
            case VISITOR_VISITS -> (double) profile.visits();
            case VISITOR_IS_MEMBER -> profile.isMember();
            case VISITOR_FIRST_SEEN -> profile.firstSeen() == Long.MIN_VALUE ? null : profile.firstSeen();
            case VISITOR_LAST_SEEN -> b == null || b.lastSeenBefore() == Long.MIN_VALUE ? null : b.lastSeenBefore();
            case SESSION_PV -> b == null ? null : (double) b.sessionPv();
            case SESSION_DURATION -> b == null || b.serial() < 0 ? null : Math.max(0, now - b.sessionStart()) / 1000.0;
            case SESSION_SOURCE -> b == null ? null : b.source();
            case SESSION_UTM_SOURCE -> b == null ? null : b.campaignParameter(0);
            case SESSION_UTM_MEDIUM -> b == null ? null : b.campaignParameter(1);
            case SESSION_UTM_CAMPAIGN -> b == null ? null : b.campaignParameter(2);
            case SESSION_UTM_TERM -> b == null ? null : b.campaignParameter(3);
            case SESSION_UTM_CONTENT -> b == null ? null : b.campaignParameter(4);
            case SESSION_REFERRER_HOST -> b == null ? null : b.referrerHost();
            case SESSION_LANDING_PATH -> b == null ? null : b.landingPath();
            case SESSION_DEVICE -> b == null ? null : b.device();
            case PAGE_URL -> page.url();
            case PAGE_PATH -> page.path();
            case PAGE_HOST -> page.host();
            case PAGE_TITLE -> page.title();
            case PAGE_QUERY -> key == null ? null : page.queryParameter(key);
            case USER -> key == null ? null : profile.trait(key);
        };
    }

    @Override
    public Object aggregate(String event, String property, Scope scope, Agg agg) {
        return profile.aggregate(event, property, scope, agg, browser, today);
    }

    @Override
    public long actionCount(String campaign, Metric metric, Scope scope) {
        return profile.actionCount(campaign, metric, scope, browser, today);
    }

    @Override
    public Long actionLatestAt(String campaign, Metric metric, Scope scope) {
        if (scope == Scope.ALL) return profile.actionLatestAt(campaign, metric);
        // latest_at within a narrower scope: the latest time counts only if something happened in that scope
        return actionCount(campaign, metric, scope) > 0 ? profile.actionLatestAt(campaign, metric) : null;
    }

    @Override
    public Object eventProperty(String dottedPath) {
        Object v = eventProperties == null ? null : Props.value(Props.get(eventProperties, dottedPath));
        return v == null && eventPage != null ? eventPage.field(dottedPath) : v;
    }

    @Override
    public long now() {
        return now;
    }
}
