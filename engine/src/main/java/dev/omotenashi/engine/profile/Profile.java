package dev.omotenashi.engine.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omotenashi.engine.event.Props;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Everything known about one person — or one anonymous visitor until it is identified: traits, visits,
 * event counts and the property aggregates the configuration reads, what they saw of each campaign, the
 * browsers (visitor ids) they were seen on, and the items they viewed recently.
 *
 * <p>Laid out for memory, since millions live in one process: arrays of small objects instead of maps,
 * per-day and per-session parts only where something reads them (see {@link AggregatePlan}).
 *
 * <p>Not thread-safe: the engine applies one person's events one at a time.
 */
public final class Profile {
    static final int RECENT_ITEMS = 10;
    private static final EventCounter[] NO_COUNTERS = new EventCounter[0];
    private static final Series[] NO_SERIES = new Series[0];
    private static final CampaignHistory[] NO_CAMPAIGNS = new CampaignHistory[0];
    private static final String[] NO_ITEMS = new String[0];

    String userId;
    ObjectNode traits;
    long firstSeen = Long.MIN_VALUE;
    long lastEventAt = Long.MIN_VALUE;
    int visits;
    int nextSerial;
    VisitorState[] browsers;
    EventCounter[] counters = NO_COUNTERS;
    Series[] series = NO_SERIES;
    CampaignHistory[] campaigns = NO_CAMPAIGNS;
    /** ids of the latest viewed items, oldest first; shared with the site's item table (see the recommend
     * package), so the array costs a reference per item, and stays valid after a restart */
    String[] recentItems = NO_ITEMS;
    long lastDeliveryAt = Long.MIN_VALUE;
    /** page views since the last delivery of any campaign (site spacing) */
    int viewsSinceDelivery = Integer.MAX_VALUE;
    /** the latest decision's audience results, or null; transient (see {@link DecisionMemo}) */
    DecisionMemo memo;

    /** A new profile of one browser. */
    public Profile(String visitorId) {
        this.browsers = new VisitorState[]{new VisitorState(visitorId)};
    }

    Profile() { // for the codec
    }

    // ---- reads ---------------------------------------------------------------------------------

    public String userId() {
        return userId;
    }

    public boolean isMember() {
        return userId != null;
    }

    /** The traits (a copy; never null). */
    public ObjectNode traits() {
        return traits == null ? JsonNodeFactory.instance.objectNode() : traits.deepCopy();
    }

    /** One trait as an engine value, or null. */
    public Object trait(String name) {
        return traits == null ? null : Props.value(Props.get(traits, name));
    }

    public long firstSeen() {
        return firstSeen;
    }

    public long lastEventAt() {
        return lastEventAt;
    }

    public int visits() {
        return visits;
    }

    /** The visitor ids (browsers) this person was seen on, first seen first. */
    public List<String> visitorIds() {
        List<String> ids = new ArrayList<>(browsers.length);
        for (VisitorState b : browsers) ids.add(b.visitorId);
        return ids;
    }

    /** The state of one browser of this person, or null. */
    public VisitorState browser(String visitorId) {
        for (VisitorState b : browsers) if (b.visitorId.equals(visitorId)) return b;
        return null;
    }

    public List<VisitorState> browsers() {
        return List.of(browsers);
    }

    public List<EventCounter> counters() {
        return List.of(counters);
    }

    public List<Series> series() {
        return List.of(series);
    }

    public List<CampaignHistory> campaigns() {
        return List.of(campaigns);
    }

    /** How many campaigns this person has met (see {@link #campaignAt}). */
    public int campaignCount() {
        return campaigns.length;
    }

    /** The history of the {@code i}-th campaign met, in the order they were met; no copy is made. */
    public CampaignHistory campaignAt(int i) {
        return campaigns[i];
    }

    public CampaignHistory campaign(String id) {
        // a decision asks this once per campaign of the site: the cached hash rejects the others cheaply
        int hash = id.hashCode();
        for (CampaignHistory c : campaigns) if (c.campaign.hashCode() == hash && c.campaign.equals(id)) return c;
        return null;
    }

    /** Ids of the items viewed most recently, oldest first (at most ten). */
    public List<String> recentItems() {
        return List.of(recentItems);
    }

    public long lastDeliveryAt() {
        return lastDeliveryAt;
    }

    public int viewsSinceDelivery() {
        return viewsSinceDelivery;
    }

    EventCounter counter(String name) {
        EventCounter[] cs = counters;
        for (EventCounter c : cs) if (c.name == name) return c;
        // not the interned instance (a name from the configuration), or not there: the cached hash
        // rejects the other names without comparing characters
        int hash = name.hashCode();
        for (EventCounter c : cs) if (c.name.hashCode() == hash && c.name.equals(name)) return c;
        return null;
    }

    private Series findSeries(String event, String property) {
        int hash = event.hashCode();
        for (Series s : series) {
            if (s.event.hashCode() == hash && s.event.equals(event) && java.util.Objects.equals(s.property, property)) return s;
        }
        return null;
    }

    /**
     * An event aggregate as seen from one browser's session, in the engine's value conventions
     * ({@link dev.omotenashi.engine.condition.Facts#aggregate}).
     *
     * @param browser the browser whose session the session scopes refer to; may be null
     * @param today   today's day number in the site's timezone
     */
    public Object aggregate(String event, String property, Scope scope, Agg agg, VisitorState browser, int today) {
        int serial = -1;
        if (browser != null) serial = scope == Scope.PREVIOUS_SESSION ? browser.previousSerial : browser.serial;
        if (property == null && (agg == Agg.COUNT || scope == Scope.ALL)) {
            EventCounter c = counter(event);
            if (agg == Agg.COUNT) {
                if (c == null) return 0.0;
                return (double) switch (scope) {
                    case ALL -> c.count;
                    case SESSION, PREVIOUS_SESSION -> c.sessionCount(serial);
                    default -> c.dayCount(today, scope.days());
                };
            }
            if (c == null) return null;
            return switch (agg) {
                case FIRST_AT -> c.firstAt();
                case LATEST_AT -> c.latestAt();
                default -> null;
            };
        }
        Series s = findSeries(event, property);
        if (s == null) return Bucket.empty(agg);
        return s.get(scope, agg, serial, today);
    }

    /** How many times the metric happened for the campaign in the scope, as seen from a browser. */
    public long actionCount(String campaign, Metric metric, Scope scope, VisitorState browser, int today) {
        CampaignHistory h = campaign(campaign);
        if (h == null) return 0;
        int serial = browser == null ? -1 : scope == Scope.PREVIOUS_SESSION ? browser.previousSerial : browser.serial;
        return h.count(metric, scope, serial, today);
    }

    /** When the metric last happened for the campaign (all time), or null. */
    public Long actionLatestAt(String campaign, Metric metric) {
        CampaignHistory h = campaign(campaign);
        if (h == null) return null;
        long t = h.latestAt(metric);
        return t == Long.MIN_VALUE ? null : t;
    }

    /**
     * The memo of audience results for a configuration ({@code owner}), browser and day: the one kept when it
     * is for the same three, else a fresh one, which replaces it.
     */
    public DecisionMemo decisionMemo(Changes.Names owner, VisitorState browser, int day, int size) {
        DecisionMemo m = memo;
        if (m == null || !m.fits(owner, browser, day, size)) memo = m = new DecisionMemo(owner, browser, day, size);
        return m;
    }

    /** Whether the profile holds a decision memo now. */
    public boolean keepsDecisionMemo() {
        return memo != null;
    }

    /**
     * Drops the decision memo when the person's latest event is older than {@code before}: a memo speeds
     * up a visit in progress, and costs a few hundred bytes per person while kept.
     */
    public void dropDecisionMemoIfIdle(long before) {
        if (memo != null && lastEventAt < before) memo = null;
    }

    /** Notes changes on the given {@linkplain Changes channels} for the memo, if there is one. */
    private void changed(long channels) {
        DecisionMemo m = memo;
        if (m != null) m.changes |= channels;
    }

    /** Notes a change of what is recorded under a name (an event name, a campaign id) for the memo. */
    private void changed(String name, long channels) {
        DecisionMemo m = memo;
        if (m != null) m.changes |= channels | m.owner.of(name);
    }

    // ---- writes (the engine's) -----------------------------------------------------------------

    /** Adds a browser to this person (after identify on a new browser); returns it. */
    public VisitorState attachBrowser(String visitorId) {
        VisitorState existing = browser(visitorId);
        if (existing != null) return existing;
        VisitorState b = new VisitorState(visitorId);
        memo = null;
        browsers = Arrays.copyOf(browsers, browsers.length + 1);
        browsers[browsers.length - 1] = b;
        return b;
    }

    /** Removes a browser (it now belongs to another person) and returns its state, or null. */
    public VisitorState detachBrowser(String visitorId) {
        for (int i = 0; i < browsers.length; i++) {
            if (browsers[i].visitorId.equals(visitorId)) {
                VisitorState b = browsers[i];
                memo = null;
                VisitorState[] rest = new VisitorState[browsers.length - 1];
                System.arraycopy(browsers, 0, rest, 0, i);
                System.arraycopy(browsers, i + 1, rest, i, browsers.length - i - 1);
                browsers = rest;
                return b;
            }
        }
        return null;
    }

    /** Gives a browser that left another person a place here, with its session continuing. */
    public void adoptBrowser(VisitorState moved) {
        VisitorState b = attachBrowser(moved.visitorId);
        memo = null;
        b.sessionStart = moved.sessionStart;
        b.lastEventAt = moved.lastEventAt;
        b.sessionPv = moved.sessionPv;
        b.source = moved.source;
        b.device = moved.device;
        b.landingPath = moved.landingPath;
        b.referrerHost = moved.referrerHost;
        b.campaignSource = moved.campaignSource;
        b.journalSeq = moved.journalSeq;
        b.lastSeenBefore = lastEventAt;
        if (moved.serial >= 0) {
            b.serial = nextSerial++;
            visits++;
        }
    }

    public void setUserId(String userId) {
        if (!java.util.Objects.equals(this.userId, userId)) changed(Changes.IDENTITY);
        this.userId = userId;
    }

    /** Merges traits in: later calls win key by key; JSON null removes a trait. */
    public void mergeTraits(JsonNode more) {
        if (more == null || !more.isObject() || more.isEmpty()) return;
        if (traits == null) traits = JsonNodeFactory.instance.objectNode();
        boolean changes = false;
        Iterator<Map.Entry<String, JsonNode>> it = more.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode old = traits.get(e.getKey());
            if (e.getValue().isNull()) {
                changes |= old != null;
                traits.remove(e.getKey());
            } else if (!e.getValue().equals(old)) { // most requests repeat the traits they sent before
                changes = true;
                traits.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        if (traits.isEmpty()) traits = null;
        if (changes) changed(Changes.IDENTITY);
    }

    /**
     * Starts a new session on a browser at {@code at}: counts a visit and remembers how the session began.
     *
     * @param campaignSource utm_source, utm_medium, utm_campaign, utm_term, utm_content, click id; or null
     */
    public void startSession(VisitorState b, long at, String source, String device, String landingPath,
                             String referrerHost, String[] campaignSource) {
        b.previousSerial = b.serial;
        b.serial = nextSerial++;
        b.sessionStart = at;
        b.sessionPv = 0;
        b.lastSeenBefore = lastEventAt;
        b.source = source;
        b.device = device;
        b.landingPath = landingPath;
        b.referrerHost = referrerHost;
        b.campaignSource = campaignSource;
        visits++;
        changed(Changes.SESSION);
    }

    /**
     * Counts one event of the browser's current session and updates the property aggregates the plan asks for.
     *
     * @param name  the event name; interned names make lookups a reference comparison
     * @param day   the event's day number in the site's timezone
     */
    public void recordEvent(VisitorState b, String name, long at, int day, JsonNode properties, AggregatePlan plan) {
        recordEvent(b, name, at, day, properties, null, plan);
    }

    /**
     * As {@link #recordEvent(VisitorState, String, long, int, JsonNode, AggregatePlan)}, with values for
     * properties the event does not carry ({@code fallback}: a view's page fields); null for none.
     */
    public void recordEvent(VisitorState b, String name, long at, int day, JsonNode properties,
                            java.util.function.Function<String, Object> fallback, AggregatePlan plan) {
        long channels = 0;
        if (firstSeen == Long.MIN_VALUE || at < firstSeen) {
            firstSeen = at;
            channels = Changes.SESSION;
        }
        changed(name, channels);
        if (at > lastEventAt) lastEventAt = at;
        if (at > b.lastEventAt) b.lastEventAt = at;
        if ("view".equals(name)) {
            b.sessionPv++;
            if (viewsSinceDelivery != Integer.MAX_VALUE) viewsSinceDelivery++;
        }
        EventCounter c = counter(name);
        if (c == null) {
            c = new EventCounter(name);
            counters = Arrays.copyOf(counters, counters.length + 1);
            counters[counters.length - 1] = c;
        }
        c.add(at, day, b.serial, 1);
        for (AggregatePlan.Spec spec : plan.forEvent(name)) {
            Object value = spec.property() == null ? Boolean.TRUE : Props.value(Props.get(properties, spec.property()));
            if (value == null && fallback != null && spec.property() != null) value = fallback.apply(spec.property());
            if (value == null) continue;
            seriesFor(spec).add(value, at, day, b.serial);
        }
    }

    private Series seriesFor(AggregatePlan.Spec spec) {
        Series s = findSeries(spec.event(), spec.property());
        if (s == null || (spec.keepDays() && s.days == null) || (spec.keepSessions() && s.sessions == null)
                || (spec.keepValues() && !s.keepValues)) {
            Series fresh = new Series(spec.event(), spec.property(), spec.keepValues() || (s != null && s.keepValues),
                    spec.keepSessions() || (s != null && s.sessions != null), spec.keepDays() || (s != null && s.days != null));
            if (s != null) {
                fresh.all.merge(s.all);
                replaceSeries(s, fresh);
            } else {
                series = Arrays.copyOf(series, series.length + 1);
                series[series.length - 1] = fresh;
            }
            s = fresh;
        }
        return s;
    }

    private void replaceSeries(Series old, Series fresh) {
        for (int i = 0; i < series.length; i++) if (series[i] == old) series[i] = fresh;
    }

    /** Records an action metric for a campaign (delivered, shown, clicked, closed, control, goal). */
    public CampaignHistory recordAction(String campaign, Metric metric, long at, int serial, int day) {
        CampaignHistory h = campaign(campaign);
        if (h == null) {
            h = new CampaignHistory(campaign);
            campaigns = Arrays.copyOf(campaigns, campaigns.length + 1);
            campaigns[campaigns.length - 1] = h;
        }
        boolean moved = h.record(metric, at, serial, day, 1);
        changed(campaign, 0);
        // a session slot taken over: a session count of this campaign that held it back may read 0 now
        if (moved && memo != null) memo.forgetRules(campaign);
        return h;
    }

    /** Remembers the first exposure (shown, or control fired) of a campaign; later ones change nothing. */
    public void recordExposure(CampaignHistory h, long at, String variant, boolean control, int serial) {
        if (h.exposed() && h.exposedAt <= at) return;
        h.exposedAt = at;
        h.exposedVariant = variant;
        h.exposedControl = control;
        h.exposedSerial = serial;
    }

    /** Pins the arm a person was assigned to, so it never changes (not even when ids merge). */
    public void assignArm(CampaignHistory h, String variant, boolean control) {
        if (h.assignedVariant != null || h.assignedControl) return;
        h.assignedVariant = variant;
        h.assignedControl = control;
    }

    /** Notes a delivery for the site's spacing rule. */
    public void recordDelivery(long at) {
        lastDeliveryAt = Math.max(lastDeliveryAt, at);
        viewsSinceDelivery = 0;
    }

    /** Notes that the campaign was delivered on the current page view (see {@link #currentView}). */
    public void recordDeliveryOnView(CampaignHistory h) {
        h.deliveredView = currentView();
    }

    /**
     * The current page view, as the person's all-time count of {@code view} events: it changes exactly when
     * a page is viewed (on any of the person's browsers).
     */
    public int currentView() {
        EventCounter views = counter(VIEW);
        return views == null ? 0 : views.count;
    }

    private static final String VIEW = "view";

    /** Remembers a viewed item, most recent last, without repeats. */
    public void recordItemView(String item) {
        String[] r = recentItems;
        int n = r.length;
        if (n > 0 && r[n - 1].equals(item)) return; // the latest already (a reload, a second event on the page)
        for (int i = 0; i < n; i++) {
            if (r[i].equals(item)) {
                String[] out = new String[n];
                System.arraycopy(r, 0, out, 0, i);
                System.arraycopy(r, i + 1, out, i, n - i - 1);
                out[n - 1] = r[i];
                recentItems = out;
                return;
            }
        }
        int keep = Math.min(n, RECENT_ITEMS - 1);
        String[] out = new String[keep + 1];
        System.arraycopy(r, n - keep, out, 0, keep);
        out[keep] = item;
        recentItems = out;
    }

    /**
     * Folds another person's history into this one (an anonymous visitor identified as this person):
     * counts add, first/latest values are taken by time, traits this person lacks are added, and the
     * other's sessions stay separate sessions (their serials are renumbered after this person's).
     * The other's browsers become this person's.
     */
    public void absorb(Profile o) {
        memo = null;
        int offset = nextSerial;
        nextSerial += o.nextSerial;
        visits += o.visits;
        if (o.firstSeen != Long.MIN_VALUE && (firstSeen == Long.MIN_VALUE || o.firstSeen < firstSeen)) firstSeen = o.firstSeen;
        lastEventAt = Math.max(lastEventAt, o.lastEventAt);
        for (EventCounter oc : o.counters) {
            EventCounter c = counter(oc.name);
            if (c == null) {
                c = new EventCounter(oc.name);
                counters = Arrays.copyOf(counters, counters.length + 1);
                counters[counters.length - 1] = c;
            }
            c.merge(oc, offset);
        }
        for (Series os : o.series) {
            Series s = findSeries(os.event, os.property);
            if (s == null) {
                s = new Series(os.event, os.property, os.keepValues, os.sessions != null, os.days != null);
                series = Arrays.copyOf(series, series.length + 1);
                series[series.length - 1] = s;
            }
            s.merge(os, offset);
        }
        for (CampaignHistory oh : o.campaigns) {
            CampaignHistory h = campaign(oh.campaign);
            if (h == null) {
                h = new CampaignHistory(oh.campaign);
                campaigns = Arrays.copyOf(campaigns, campaigns.length + 1);
                campaigns[campaigns.length - 1] = h;
            }
            h.merge(oh, offset);
        }
        if (o.traits != null) {
            Iterator<Map.Entry<String, JsonNode>> it = o.traits.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (traits == null) traits = JsonNodeFactory.instance.objectNode();
                if (!traits.has(e.getKey())) traits.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        for (String item : o.recentItems) recordItemView(item);
        lastDeliveryAt = Math.max(lastDeliveryAt, o.lastDeliveryAt);
        viewsSinceDelivery = Math.min(viewsSinceDelivery, o.viewsSinceDelivery);
        for (VisitorState ob : o.browsers) {
            VisitorState b = attachBrowser(ob.visitorId);
            b.serial = ob.serial < 0 ? -1 : ob.serial + offset;
            b.previousSerial = ob.previousSerial < 0 ? -1 : ob.previousSerial + offset;
            b.sessionStart = ob.sessionStart;
            b.lastEventAt = ob.lastEventAt;
            b.lastSeenBefore = ob.lastSeenBefore;
            b.sessionPv = ob.sessionPv;
            b.source = ob.source;
            b.device = ob.device;
            b.landingPath = ob.landingPath;
            b.referrerHost = ob.referrerHost;
            b.campaignSource = ob.campaignSource;
            b.journalSeq = ob.journalSeq;
        }
    }
}
