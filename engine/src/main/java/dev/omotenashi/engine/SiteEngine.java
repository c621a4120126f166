package dev.omotenashi.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omotenashi.engine.condition.DerivedEvent;
import dev.omotenashi.engine.config.SiteSettings;
import dev.omotenashi.engine.decision.CampaignPlan;
import dev.omotenashi.engine.decision.Decider;
import dev.omotenashi.engine.decision.Decision;
import dev.omotenashi.engine.decision.ProfileFacts;
import dev.omotenashi.engine.event.Event;
import dev.omotenashi.engine.event.Ids;
import dev.omotenashi.engine.event.Props;
import dev.omotenashi.engine.profile.CampaignHistory;
import dev.omotenashi.engine.profile.Days;
import dev.omotenashi.engine.profile.Interner;
import dev.omotenashi.engine.profile.Metric;
import dev.omotenashi.engine.profile.Profile;
import dev.omotenashi.engine.profile.ProfileCodec;
import dev.omotenashi.engine.profile.VisitorState;
import dev.omotenashi.engine.recommend.ItemTable;
import dev.omotenashi.engine.recommend.Recommender;
import dev.omotenashi.engine.session.CampaignSource;
import dev.omotenashi.engine.session.DeviceClassifier;
import dev.omotenashi.engine.session.PageCache;
import dev.omotenashi.engine.session.PageInfo;
import dev.omotenashi.engine.session.TrafficSourceClassifier;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * The engine of one site: its configuration (segments, event definitions, campaigns), the profiles of its
 * visitors, and the decision. Pure: no I/O, no threads; time comes from the injected {@link Clock}.
 *
 * <p>What one {@link #track} does, in order (docs/architecture.md, "The path of one event"): find or
 * create the person (joining browsers on identify), merge traits, then for each event: sessionize, record
 * it (counts and the aggregates the configuration reads), apply what it reports (action events, survey
 * answers, item views), record the events derived from it, attribute goals; finally, when asked, decide.
 *
 * <p>Thread safety: configuration changes may come from any thread and take effect for the next
 * {@link #track} (the compiled configuration is swapped atomically). Calls of {@link #track} must not run
 * concurrently, not even for different people: the cached pages keep their page rules' results for the
 * next request from the same URL, whoever sends it (the server holds its site lock around each call).
 */
public final class SiteEngine {
    private static final String VIEW = "view";

    private final SiteSettings settings;
    private final Clock clock;
    private final Days days;
    private final Interner names = new Interner(100_000);
    private final Interner paths = new Interner(100_000);
    private final DeviceClassifier devices;
    private final ItemTable items = new ItemTable();
    private final Recommender recommender = new Recommender(items);
    private final Decider decider = new Decider(recommender);
    /** Recently parsed pages: most requests come from a page seen a moment ago. */
    private final PageCache pages = new PageCache(4096);
    private final RandomGenerator random;
    private final SiteConfiguration configuration;
    private final ProfileCodec codec = new ProfileCodec(names::intern, items::shared);

    private final Map<String, Profile> byVisitor = new ConcurrentHashMap<>();
    private final Map<String, Profile> byUser = new ConcurrentHashMap<>();
    /** The snapshot being taken, whose profiles are copied before a request changes them; null when none. */
    private ProfileSnapshot snapshot;

    public SiteEngine(SiteSettings settings, Clock clock) {
        // action ids need to be unique, not secret: a thread-local generator costs nanoseconds where
        // SecureRandom takes a lock and a system call
        this(settings, clock, DeviceClassifier.shared(), () -> java.util.concurrent.ThreadLocalRandom.current().nextLong());
    }

    /** With a given device classifier and random source (ids), for tests and benchmarks. */
    public SiteEngine(SiteSettings settings, Clock clock, DeviceClassifier devices, RandomGenerator random) {
        this.settings = settings;
        this.clock = clock;
        this.days = new Days(settings.timezone());
        this.devices = devices;
        this.random = random;
        this.configuration = new SiteConfiguration(settings);
    }

    public SiteSettings settings() {
        return settings;
    }

    // ---- configuration ---------------------------------------------------------------------------

    /** Creates or replaces a segment (config-language.md §3). @throws dev.omotenashi.engine.config.ValidationException */
    public void putSegment(JsonNode json) {
        configuration.putSegment(json);
    }

    /** Creates or replaces an event definition (§4). @throws dev.omotenashi.engine.config.ValidationException */
    public void putEventDefinition(JsonNode json) {
        configuration.putEventDefinition(json);
    }

    /** Creates or replaces a campaign (§5). @throws dev.omotenashi.engine.config.ValidationException */
    public void putCampaign(JsonNode json) {
        configuration.putCampaign(json);
    }

    /** Removes a segment; @throws dev.omotenashi.engine.config.ValidationException while something references it */
    public void removeSegment(String id) {
        configuration.removeSegment(id);
    }

    public void removeEventDefinition(String name) {
        configuration.removeEventDefinition(name);
    }

    public void removeCampaign(String id) {
        configuration.removeCampaign(id);
    }

    /** The configuration as it is now (immutable). */
    public SiteConfiguration configuration() {
        return configuration;
    }

    // ---- tracking --------------------------------------------------------------------------------

    /** Applies a request's events to the visitor's profile and, when asked, decides the actions to show. */
    public TrackResult track(TrackRequest request) {
        SiteRuntime rt = configuration.runtime();
        PageInfo page = pages.of(request.page());
        if (snapshot != null) { // the people this request may change, as they were (a merge changes both)
            snapshot.copy(byVisitor.get(request.visitor()));
            if (request.user() != null) snapshot.copy(byUser.get(request.user()));
        }
        Profile profile = resolve(request.visitor(), request.user());
        profile.mergeTraits(request.traits());
        VisitorState browser = profile.browser(request.visitor());
        long now = clock.millis();
        ProfileFacts facts = new ProfileFacts(profile, browser, page, now, days.dayOf(now));
        List<Event> recorded = new ArrayList<>(request.events().size() + 2);
        List<Event> derived = new ArrayList<>(0);
        List<Event> events = request.events();
        for (int i = 0, n = events.size(); i < n; i++) { // indexed: the immutable lists' iterators are allocated
            apply(rt, profile, browser, page, request.context(), facts, events.get(i), recorded, derived);
        }
        List<Action> actions = List.of();
        if (request.decide()) {
            now = Math.max(now, browser.lastEventAt());
            int today = days.dayOf(now);
            facts.at(now, today, null);
            long at = now;
            Decision d = decider.decide(rt.campaigns(), profile, browser, facts, page, now, today, settings.spacing(),
                    armKey(profile, request.visitor()), () -> Ids.next(Ids.ACTION, at, random), false);
            actions = d.actions();
            for (Action a : actions) {
                apply(rt, profile, browser, page, request.context(), facts, deliveredEvent(a, now), recorded, derived);
            }
        }
        return new TrackResult(request.visitor(), browser, actions, recorded, derived);
    }

    /** The profile of a visitor (the person's, when identified), or null when never seen. */
    public Profile profile(String visitorId) {
        return byVisitor.get(visitorId);
    }

    /** The person behind a user id, or null. */
    public Profile person(String userId) {
        return byUser.get(userId);
    }

    /**
     * Every profile (each person once, including people whose browsers all moved to another user), for
     * bulk counts and checkpoints. Weakly consistent.
     */
    public Collection<Profile> profiles() {
        if (byUser.isEmpty()) return List.copyOf(byVisitor.values());
        java.util.Set<Profile> all = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        all.addAll(byVisitor.values());
        all.addAll(byUser.values());
        return List.copyOf(all);
    }

    /**
     * Begins a snapshot of every profile as it is now ({@link ProfileSnapshot}): each is encoded and handed
     * to {@code sink} (with the profile, in that state) once, either by {@link ProfileSnapshot#advance} or
     * just before a request changes it. Beginning costs nothing however many profiles there are; on the way,
     * the decision memos of people idle longer than the session timeout are dropped. Call while no {@link #track} runs, as for {@code track} itself; one
     * snapshot at a time.
     *
     * @throws IllegalStateException while another snapshot of this engine is open
     */
    public ProfileSnapshot snapshot(java.util.function.BiConsumer<Profile, byte[]> sink) {
        if (snapshot != null) throw new IllegalStateException("a snapshot of this site's profiles is already being taken");
        Iterator<Profile> visitors = byVisitor.values().iterator(), users = byUser.values().iterator();
        Iterator<Profile> walk = new Iterator<>() { // each person may be met twice: the snapshot encodes once
            @Override
            public boolean hasNext() {
                return visitors.hasNext() || users.hasNext();
            }

            @Override
            public Profile next() {
                return visitors.hasNext() ? visitors.next() : users.next();
            }
        };
        // the walk meets every person: it also drops the decision memos of visits that ended (a memo only speeds
        // up the decisions of a visit in progress: docs/architecture.md, "The decision memo"); memory, not state
        long idleBefore = clock.millis() - settings.sessionTimeout().toMillis();
        snapshot = new ProfileSnapshot(this, codec, walk, (p, bytes) -> {
            p.dropDecisionMemoIfIdle(idleBefore);
            sink.accept(p, bytes);
        });
        return snapshot;
    }

    void snapshotClosed(ProfileSnapshot s) {
        if (snapshot == s) snapshot = null;
    }

    /**
     * Tells the engine that the host is about to change a visitor's profile outside {@link #track} (the
     * journal's chain head, when a record failed): an open snapshot copies it first.
     */
    public void beforeChange(String visitorId) {
        if (snapshot != null) snapshot.copy(byVisitor.get(visitorId));
    }

    /**
     * The codec for this site's profiles: strings read back are shared with the engine's (event names,
     * campaign ids, item ids), so restored profiles cost what live ones do.
     */
    public ProfileCodec codec() {
        return codec;
    }

    /**
     * Puts a profile restored from a checkpoint in place, under its visitor ids and user id, replacing
     * what was there. For start-up, before any {@link #track} of the same people.
     */
    public void load(Profile profile) {
        for (String visitor : profile.visitorIds()) byVisitor.put(visitor, profile);
        if (profile.userId() != null) byUser.put(profile.userId(), profile);
    }

    /** The ids of the segments the visitor is in now (evaluated on no particular page), sorted. */
    public List<String> segmentsOf(String visitorId) {
        Profile profile = byVisitor.get(visitorId);
        if (profile == null) return List.of();
        long now = clock.millis();
        ProfileFacts facts = new ProfileFacts(profile, profile.browser(visitorId), PageInfo.EMPTY, now, days.dayOf(now));
        List<String> in = new ArrayList<>();
        configuration.runtime().site().segments().forEach((id, predicate) -> {
            if (predicate.test(facts)) in.add(id);
        });
        in.sort(null);
        return in;
    }

    /**
     * How many people are in a segment now, over every profile in memory (each person once, seen from
     * their first browser). @throws IllegalArgumentException when the segment does not exist
     */
    public long countSegment(String segmentId) {
        java.util.function.Predicate<Profile> in = segmentTest(segmentId);
        return profiles().stream().filter(in).count();
    }

    /**
     * Whether a profile is in a saved segment now, as {@link #countSegment} counts it: for a host that walks
     * the profiles itself, a slice at a time between requests. Evaluated at the time of this call.
     * @throws IllegalArgumentException when the segment does not exist
     */
    public java.util.function.Predicate<Profile> segmentTest(String segmentId) {
        dev.omotenashi.engine.condition.Predicate predicate = configuration.runtime().site().segment(segmentId);
        if (predicate == null) throw new IllegalArgumentException("no segment " + segmentId);
        return test(predicate);
    }

    /** A condition as a test of one profile now: each person seen from their first browser, on no page. */
    private java.util.function.Predicate<Profile> test(dev.omotenashi.engine.condition.Predicate predicate) {
        long now = clock.millis();
        int today = days.dayOf(now);
        return p -> {
            List<String> ids = p.visitorIds();
            VisitorState b = ids.isEmpty() ? null : p.browser(ids.getFirst());
            return predicate.test(new ProfileFacts(p, b, PageInfo.EMPTY, now, today));
        };
    }

    /**
     * Whether the site still holds a profile: under its user id, or under one of its visitor ids. False once
     * the person was forgotten, or absorbed into another on identify.
     */
    public boolean holds(Profile p) {
        String user = p.userId();
        if (user != null && byUser.get(user) == p) return true;
        for (String v : p.visitorIds()) {
            if (byVisitor.get(v) == p) return true;
        }
        return false;
    }

    /**
     * How many people an audience condition matches now, counted as {@link #countSegment} counts a saved
     * segment (the console's live count while an audience is being edited). Nothing is saved or changed.
     *
     * @param audience a condition parsed in the {@code AUDIENCE} context
     * @throws dev.omotenashi.engine.config.ValidationException when it references a segment or campaign that
     *         does not exist, with paths as a segment's {@code condition} has them ({@code condition.all[1].segment})
     */
    public AudienceCount countAudience(dev.omotenashi.engine.condition.Condition audience) {
        AudienceTest t = audienceTest(audience);
        Collection<Profile> all = profiles();
        return new AudienceCount(all.stream().filter(t.test()).count(), all.size(), t.notKept());
    }

    /**
     * An audience condition as a test of one profile now, and what it reads that profiles do not keep (as
     * {@link #countAudience} reports it): for a host that walks the profiles itself, a slice at a time.
     */
    public record AudienceTest(java.util.function.Predicate<Profile> test, List<String> notKept) {
        public AudienceTest {
            notKept = List.copyOf(notKept);
        }
    }

    /**
     * As {@link #countAudience}, without counting.
     * @throws dev.omotenashi.engine.config.ValidationException as {@link #countAudience}
     */
    public AudienceTest audienceTest(dev.omotenashi.engine.condition.Condition audience) {
        dev.omotenashi.engine.config.ConfigSet config = configuration.current();
        String scratch;
        do {
            scratch = "audience-count-" + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong());
        } while (config.segment(scratch) != null);
        // the references are checked exactly as when a segment with this condition is saved
        config.withSegment(new dev.omotenashi.engine.segment.Segment(scratch, "audience count", audience));
        dev.omotenashi.engine.condition.ConditionCompiler compiler = new dev.omotenashi.engine.condition.ConditionCompiler(id -> {
            dev.omotenashi.engine.segment.Segment s = config.segment(id);
            return s == null ? null : s.condition();
        });
        dev.omotenashi.engine.condition.Predicate predicate = compiler.compile(audience);
        return new AudienceTest(test(predicate), notKept(compiler, configuration.runtime()));
    }

    /**
     * The result of {@link #countAudience}: {@code count} of {@code profiles} people match; {@code notKept}
     * names what the condition reads that profiles do not keep yet, because no saved segment, campaign or
     * template reads it — counted as missing, so the count is a floor. Each is {@code event},
     * {@code event.property}, or with {@code [where]} after the event when it is the event filtered by a
     * {@code where} (docs/architecture.md, "What profiles keep").
     */
    public record AudienceCount(long count, long profiles, List<String> notKept) {
        public AudienceCount {
            notKept = List.copyOf(notKept);
        }
    }

    /** What a compiled condition reads that the live configuration does not make profiles keep. */
    private static List<String> notKept(dev.omotenashi.engine.condition.ConditionCompiler compiler, SiteRuntime live) {
        java.util.Set<String> derived = new java.util.HashSet<>();
        for (DerivedEvent d : live.site().derivedEvents()) derived.add(d.name());
        java.util.Map<String, String> names = new java.util.HashMap<>(); // synthetic name → "from[where]"
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (DerivedEvent d : compiler.derivedEvents()) {
            names.put(d.name(), d.from() + "[where]");
            if (!derived.contains(d.name())) out.add(d.from() + "[where]");
        }
        List<dev.omotenashi.engine.profile.AggregatePlan.Spec> kept = live.plan().specs();
        for (dev.omotenashi.engine.profile.AggregatePlan.Spec s : new dev.omotenashi.engine.profile.AggregatePlan(compiler.requiredAggregates()).specs()) {
            String event = names.getOrDefault(s.event(), s.event());
            if (out.contains(event)) continue; // the whole derived event is missing already
            boolean covered = kept.stream().anyMatch(k -> k.event().equals(s.event()) && java.util.Objects.equals(k.property(), s.property())
                    && (k.keepValues() || !s.keepValues()) && (k.keepSessions() || !s.keepSessions()) && (k.keepDays() || !s.keepDays()));
            if (!covered) out.add(s.property() == null ? event : event + "." + s.property());
        }
        return List.copyOf(out);
    }

    /**
     * Forgets a person: their profile leaves memory under every visitor id and the user id. Returns the
     * visitor ids they had (the server deletes their journal records too), empty when unknown.
     */
    public List<String> forget(String userId) {
        if (snapshot != null) snapshot.copy(byUser.get(userId));
        Profile p = byUser.remove(userId);
        if (p == null) return List.of();
        for (String v : p.visitorIds()) byVisitor.remove(v, p);
        return p.visitorIds();
    }

    /** Today's day number in the site's timezone (for reading scoped counts of a profile). */
    public int today() {
        return days.dayOf(clock.millis());
    }

    /** What the decision would be for this visitor on this page now, changing nothing. */
    public Decision explain(String visitorId, Page page) {
        return decideQuietly(visitorId, page, true);
    }

    /**
     * As {@link #explain}; with {@code explain} false the hot path's decision (no outcomes, the page's
     * rules remembered on the cached page), which must deliver the same actions — the invariant tests
     * compare the two. Not for concurrent use with {@link #track} (the cached page's memo).
     */
    Decision decideQuietly(String visitorId, Page page, boolean explain) {
        SiteRuntime rt = configuration.runtime();
        Profile profile = byVisitor.get(visitorId);
        if (profile == null) profile = new Profile(visitorId);
        VisitorState browser = profile.browser(visitorId);
        long now = clock.millis();
        int today = days.dayOf(now);
        PageInfo info = explain ? PageInfo.of(page) : pages.of(page);
        ProfileFacts facts = new ProfileFacts(profile, browser, info, now, today);
        return decider.decide(rt.campaigns(), profile, browser, facts, explain ? null : info, now, today,
                settings.spacing(), armKey(profile, visitorId), () -> "a_preview", explain);
    }

    // ---- the pipeline ----------------------------------------------------------------------------

    /**
     * Finds the person a request belongs to. An unknown visitor gets a new profile; a user id joins the
     * browser to that user's person, merging an anonymous visitor's history into it; a browser that was
     * another user's (a shared computer) moves to the new user with its session.
     */
    private Profile resolve(String visitor, String user) {
        Profile p = byVisitor.get(visitor);
        if (user == null) {
            if (p == null) {
                p = born(new Profile(visitor));
                byVisitor.put(visitor, p);
            }
            return p;
        }
        Profile person = byUser.get(user);
        if (person == null) {
            if (p == null) {
                p = born(new Profile(visitor));
                byVisitor.put(visitor, p);
            }
            if (p.userId() == null) {
                p.setUserId(user);
                byUser.put(user, p);
                return p;
            }
            // the browser belonged to someone else: it starts a new person
            Profile fresh = born(new Profile(visitor));
            VisitorState moved = p.detachBrowser(visitor);
            fresh.detachBrowser(visitor);
            if (moved != null) fresh.adoptBrowser(moved);
            else fresh.attachBrowser(visitor);
            fresh.setUserId(user);
            byUser.put(user, fresh);
            byVisitor.put(visitor, fresh);
            return fresh;
        }
        if (p == person) return person;
        if (p == null) {
            person.attachBrowser(visitor);
        } else if (p.userId() == null) {
            person.absorb(p);
            for (String v : p.visitorIds()) byVisitor.put(v, person);
        } else {
            VisitorState moved = p.detachBrowser(visitor);
            if (moved != null) person.adoptBrowser(moved);
            else person.attachBrowser(visitor);
        }
        byVisitor.put(visitor, person);
        return person;
    }

    /** A profile just created: an open snapshot leaves it out. */
    private Profile born(Profile p) {
        if (snapshot != null) snapshot.born(p);
        return p;
    }

    private void apply(SiteRuntime rt, Profile p, VisitorState b, PageInfo page, ClientContext context,
                       ProfileFacts facts, Event e, List<Event> recorded, List<Event> derived) {
        long at = e.ts();
        String name = names.intern(e.name());
        boolean view = VIEW.equals(name);
        CampaignSource campaign = view ? CampaignSource.of(page) : CampaignSource.EMPTY;
        if (b.serial() < 0 || at - b.lastEventAt() > settings.sessionTimeout().toMillis()
                || (view && !campaign.isEmpty() && campaign.startsNewSessionFrom(CampaignSource.fromArray(b.campaignParameters())))) {
            startSession(p, b, at, page, context, view ? campaign : CampaignSource.of(page));
        }
        // A view's page fields (url, path, host, title, referrer) read as its properties, without copying
        // them in: conditions, aggregates and derived events see them, the journal keeps the page once.
        ObjectNode props = e.properties();
        PageInfo pageFields = view ? page : null;
        java.util.function.Function<String, Object> pageFallback = view ? page::field : null;
        Event event = name == e.name() ? e : new Event(e.id(), name, at, props);
        int day = days.dayOf(at);
        p.recordEvent(b, name, at, day, props, pageFallback, rt.plan());
        recorded.add(event);
        facts.at(at, day, props, pageFields);

        Metric metric = Metric.ofActionEvent(name);
        if (metric != null) {
            applyActionReport(p, b, metric, props, at, day, e.id(), derived);
        } else if ("_form_submitted".equals(name)) {
            applySurvey(rt, p, props);
        } else if (view) {
            String item = items.recordView(props, at);
            if (item != null) p.recordItemView(item);
        }
        derive(rt, p, b, name, e.id(), props, pageFallback, facts, at, day, derived);
        attributeGoals(rt, p, b, name, props, facts, at, day, derived, e.id());
    }

    /**
     * Records the events derived from {@code source} whose {@code where} holds, and then the events derived
     * from each of those: a definition may derive from another defined event (the configuration rejects
     * loops, so this ends). A derived event has the properties of the event it comes from, and a view's page
     * fields read as they do for the view itself (a goal's value property is a number, never a page field).
     */
    private void derive(SiteRuntime rt, Profile p, VisitorState b, String source, String sourceId, ObjectNode props,
                        java.util.function.Function<String, Object> pageFallback, ProfileFacts facts, long at, int day,
                        List<Event> derived) {
        List<DerivedEvent> derivations = rt.derivedFrom(source);
        for (int i = 0, n = derivations.size(); i < n; i++) {
            DerivedEvent d = derivations.get(i);
            if (!d.where().test(facts)) continue;
            p.recordEvent(b, d.name(), at, day, props, pageFallback, rt.plan());
            derived.add(new Event(sourceId + "~" + d.name(), d.name(), at, props));
            attributeGoals(rt, p, b, d.name(), props, facts, at, day, derived, sourceId);
            derive(rt, p, b, d.name(), sourceId, props, pageFallback, facts, at, day, derived);
        }
    }

    private void startSession(Profile p, VisitorState b, long at, PageInfo page, ClientContext context, CampaignSource campaign) {
        String referrerHost = TrafficSourceClassifier.externalReferrerHost(page, settings.domains());
        String source = TrafficSourceClassifier.classify(campaign, referrerHost, settings.domains()).json();
        String device = devices.classify(context.userAgent(), context.mobile()).json();
        referrerHost = paths.intern(referrerHost);
        p.startSession(b, at, source, device, paths.intern(page.path()), referrerHost, campaign.toArray());
    }

    /**
     * Applies a reported action event. The first exposure of a person to a campaign (shown, or control
     * fired) also yields a derived {@code _exposure} event (properties campaign, variant, control) for
     * the server's counters: exposed visitors per arm are counted from it, once per person and campaign.
     */
    private void applyActionReport(Profile p, VisitorState b, Metric metric, JsonNode props, long at, int day,
                                   String sourceId, List<Event> derived) {
        Object campaign = Props.value(props.get("campaign"));
        if (!(campaign instanceof String id) || id.isEmpty()) return;
        String campaignId = names.intern(id);
        CampaignHistory h = p.recordAction(campaignId, metric, at, b.serial(), day);
        Object variantValue = Props.value(props.get("variant"));
        String variant = variantValue instanceof String v ? v : null;
        if (metric == Metric.SHOWN || metric == Metric.CONTROL) {
            boolean first = !h.exposed();
            // The arm is the one the server assigned at delivery, whatever the report says: a report
            // without a variant, or with a made-up one, must not create an arm or move a person to another.
            boolean assigned = h.assignedVariant() != null || h.assignedControl();
            p.recordExposure(h, at, assigned ? h.assignedVariant() : variant,
                    assigned ? h.assignedControl() : metric == Metric.CONTROL, b.serial());
            if (first) {
                ObjectNode x = JsonNodeFactory.instance.objectNode();
                x.put("campaign", campaignId);
                if (h.exposedVariant() != null) x.put("variant", h.exposedVariant());
                x.put("control", h.exposedControl());
                derived.add(new Event(sourceId + "~exposure~" + campaignId, "_exposure", at, x));
            }
        } else if (metric == Metric.DELIVERED) {
            p.assignArm(h, variant, Boolean.TRUE.equals(Props.value(props.get("control"))));
            p.recordDelivery(at);
            p.recordDeliveryOnView(h);
        }
    }

    /** Survey answers become traits, through the field → trait mapping of the campaign that asked. */
    private static void applySurvey(SiteRuntime rt, Profile p, JsonNode props) {
        Object campaign = Props.value(props.get("campaign"));
        JsonNode fields = props.get("fields");
        if (!(campaign instanceof String id) || fields == null || !fields.isObject()) return;
        CampaignPlan c = rt.byId().get(id);
        if (c == null) return;
        ObjectNode traits = JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> it = fields.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> f = it.next();
            String trait = c.surveyTraits().get(f.getKey());
            if (trait != null && f.getValue().isValueNode()) traits.set(trait, f.getValue());
        }
        p.mergeTraits(traits);
    }

    /**
     * Counts a goal for each campaign whose goal is this event, once per person and campaign, when the
     * person was exposed (shown, or control fired) before it and inside the window. The {@code _goal}
     * event carries the arm, the time of the first exposure ({@code exposed_at}, so reports count the
     * conversion with the exposure's cohort) and, when the goal names a value property that is a number
     * here, that {@code value}.
     */
    private void attributeGoals(SiteRuntime rt, Profile p, VisitorState b, String name, JsonNode eventProps,
                                ProfileFacts facts, long at, int day, List<Event> recorded, String sourceId) {
        List<CampaignPlan> goals = rt.goalsOn(name);
        for (int i = 0, n = goals.size(); i < n; i++) {
            CampaignPlan c = goals.get(i);
            CampaignHistory h = p.campaign(c.id());
            if (h == null || !h.exposed() || h.exposedAt() > at) continue;
            if (h.count(Metric.GOAL, dev.omotenashi.engine.profile.Scope.ALL, -1, 0) > 0) continue;
            CampaignPlan.GoalPlan g = c.goal();
            boolean inWindow = g.sameSession() ? h.exposedSerial() == b.serial() : at - h.exposedAt() <= g.windowMs();
            if (!inWindow || !g.where().test(facts)) continue;
            p.recordAction(c.id(), Metric.GOAL, at, b.serial(), day);
            ObjectNode props = JsonNodeFactory.instance.objectNode();
            props.put("campaign", c.id());
            if (h.exposedVariant() != null) props.put("variant", h.exposedVariant());
            props.put("control", h.exposedControl());
            props.put("event", name);
            props.put("exposed_at", h.exposedAt());
            if (g.valueProperty() != null && eventProps != null) {
                JsonNode v = Props.get(eventProps, g.valueProperty()); // nested properties by dots, as in conditions
                if (v != null && v.isNumber() && Double.isFinite(v.doubleValue())) props.put("value", v.doubleValue());
            }
            recorded.add(new Event(sourceId + "~goal~" + c.id(), "_goal", at, props));
        }
    }

    private static Event deliveredEvent(Action a, long at) {
        ObjectNode props = JsonNodeFactory.instance.objectNode();
        props.put("campaign", a.campaign());
        props.put("variant", a.variant());
        props.put("action", a.action());
        props.put("control", a.control());
        return new Event(a.action(), "_action_delivered", at, props);
    }

    /** Arms are assigned by the person's first browser id: stable across requests, nodes and identify. */
    private static String armKey(Profile p, String visitor) {
        List<String> ids = p.visitorIds();
        return ids.isEmpty() ? visitor : ids.get(0);
    }
}
