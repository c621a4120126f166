package dev.omotenashi.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omotenashi.engine.Action;
import dev.omotenashi.engine.ClientContext;
import dev.omotenashi.engine.Page;
import dev.omotenashi.engine.SiteEngine;
import dev.omotenashi.engine.TrackRequest;
import dev.omotenashi.engine.TrackResult;
import dev.omotenashi.engine.event.Event;
import dev.omotenashi.engine.event.Ids;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Generates the traffic of the demo shop: what the tag of {@code https://shop.example} would send, as
 * {@link TrackRequest}s in time order with the time of each, deterministic for a seed.
 *
 * <p>The model, each part chosen to be skewed the way real traffic is:
 * <ul>
 *   <li><b>Visitors.</b> {@link Options#visitors} ids; each session picks its visitor by a Zipf law over their
 *       ranks (exponent {@link Options#zipf}), redrawn while the pick is already browsing (one browser does
 *       not run two sessions at once). So most ids come once or twice and a few come back all the time.
 *       One visitor in ten is a member: it identifies (with a {@code member_rank} trait) in its first
 *       session and sends its user id from then on.</li>
 *   <li><b>Devices.</b> Real User-Agents: about 55% smartphones (iPhone Safari, Android Chrome, LINE and
 *       Instagram in-app browsers), 40% PCs, 5% tablets; the tag's mobile hint as Client Hints give it.</li>
 *   <li><b>Sessions.</b> {@link Options#concurrentSessions} sessions browse at once; a session lands from a
 *       traffic source (direct, organic search, social, referral, e-mail, or an ad with UTM parameters and
 *       a click id, which also starts a new session), then walks the shop's pages: {@code /},
 *       {@code /items/N} (2,000 items, Zipf popularity), category lists, {@code /search?q=…}, {@code /cart},
 *       {@code /sale/…}, {@code /staff/N}, {@code /signup}, {@code /signup/complete}, {@code /request},
 *       {@code /mypage}. Item pages carry item properties (recommendations).</li>
 *   <li><b>Events.</b> One event per request. Of the visitor's own events about 75% are views; after a
 *       view come, by page, {@code cart} (with {@code in_cart_price}), {@code favorite} ({@code item_id}),
 *       {@code search}, {@code buy}, {@code signup_complete}, {@code brochure_request}, {@code identify}.</li>
 *   <li><b>Time.</b> A few seconds to a minute between a visitor's events; 2% of page views come after 31 to
 *       45 minutes of silence (a new session of the same browser). With the default options, 2 million
 *       of the visitor's requests span about a week.</li>
 *   <li><b>Action reports.</b> The generator runs the tag against an engine with the full configuration
 *       ({@link DemoShop#fullConfig()}), asking for a decision on every page view as the tag does, and
 *       reports what was delivered the way a browser would (see {@link #reportActions}): exposures when
 *       the trigger fires, sometimes a close, a click or survey answers. So frequency caps, stop rules,
 *       action predicates and goals see realistic histories. Replaying the requests on a fresh engine of
 *       the same configuration and seed delivers the same actions again. These reports are requests of
 *       their own, between the visitor's; {@link Traffic#withoutReports()} leaves them out.</li>
 * </ul>
 *
 * <p>Not thread-safe; generation takes seconds per million requests (it runs the engine).
 */
final class ShopTraffic {

    /**
     * @param visitors           distinct visitor ids to draw from
     * @param zipf               exponent of the Zipf law of visits over visitor ranks
     * @param requests           requests of the visitor's own events to generate (views, cart, ...); the action
     *                           reports that come with them are generated too, between them
     * @param concurrentSessions sessions browsing at any moment (sets the traffic per second)
     * @param seed               everything random derives from it
     */
    record Options(int visitors, double zipf, int requests, int concurrentSessions, long seed) {
        static Options standard(int requests) {
            return new Options(100_000, 1.1, requests, 150, 20261210L);
        }
    }

    /** When to ask for a decision. */
    enum Decide {
        /** never: apply events only */
        NEVER,
        /** on page views, as the tag does */
        VIEWS,
        /** on every request */
        ALWAYS
    }

    /** Generated requests, in time order, with the clock time of each. */
    record Traffic(TrackRequest[] requests, long[] times, String summary) {
        /** How many requests. */
        int size() {
            return requests.length;
        }

        /**
         * The visitor's own events only: without the requests that report actions ({@code _action_*},
         * {@code _form_submitted}), in the same order and at the same times.
         */
        Traffic withoutReports() {
            int n = 0;
            for (TrackRequest r : requests) if (!isReport(r)) n++;
            TrackRequest[] out = new TrackRequest[n];
            long[] at = new long[n];
            int j = 0;
            for (int i = 0; i < requests.length; i++) {
                if (isReport(requests[i])) continue;
                out[j] = requests[i];
                at[j++] = times[i];
            }
            return new Traffic(out, at, summary);
        }


        /** The same requests asking for a decision as {@code mode} says (as generated: {@link Decide#VIEWS}). */
        Traffic withDecide(Decide mode) {
            if (mode == Decide.VIEWS) return this;
            TrackRequest[] out = new TrackRequest[requests.length];
            for (int i = 0; i < out.length; i++) {
                TrackRequest r = requests[i];
                out[i] = new TrackRequest(r.visitor(), r.user(), r.traits(), r.page(), r.context(), r.events(),
                        mode == Decide.ALWAYS);
            }
            return new Traffic(out, times, summary);
        }

        /**
         * The same requests laid out in memory as {@code layout} says, to measure how much of a replay's cost
         * is reading its input (docs/performance.md, the eighth session's "Engine" section). The generator
         * runs an engine between the requests it makes, so each original request lies scattered among that
         * engine's profiles, and its strings and properties are shared with other requests (one visitor's
         * id, the same item's properties), their hashes already computed. The server instead parses each
         * request into new, adjacent objects just before applying it, hot in the cache.
         */
        Traffic laidOut(Layout layout) {
            if (layout == Layout.GENERATED) return this;
            TrackRequest[] out = new TrackRequest[requests.length];
            for (int i = 0; i < out.length; i++) out[i] = copy(requests[i], layout == Layout.PARSED);
            return new Traffic(out, times, summary);
        }

        /** A copy of new objects (request, page, events, list); with {@code fresh}, see {@link Layout#PARSED}. */
        private static TrackRequest copy(TrackRequest r, boolean fresh) {
            Event[] events = new Event[r.events().size()];
            for (int k = 0; k < events.length; k++) {
                Event e = r.events().get(k);
                ObjectNode props = fresh && e.properties() != null ? e.properties().deepCopy() : e.properties();
                events[k] = new Event(fresh(e.id(), fresh), fresh(e.name(), fresh), e.ts(), props);
            }
            Page p = r.page();
            Page page = p == null ? null : new Page(fresh(p.url(), fresh), fresh(p.title(), fresh), fresh(p.referrer(), fresh));
            ClientContext c = r.context();
            ClientContext context = c == null || !fresh ? c
                    : new ClientContext(fresh(c.userAgent(), true), c.mobile(), fresh(c.lang(), true), fresh(c.timezone(), true));
            ObjectNode traits = fresh && r.traits() != null ? r.traits().deepCopy() : r.traits();
            return new TrackRequest(fresh(r.visitor(), fresh), fresh(r.user(), fresh), traits, page, context, List.of(events), r.decide());
        }

        /** With {@code fresh}, an equal string of its own whose hash is not computed yet, as a parser makes it. */
        private static String fresh(String s, boolean fresh) {
            return s == null || !fresh ? s : new String(s.toCharArray());
        }
    }

    /** How replayed requests lie in memory (see {@link Traffic#laidOut}). */
    enum Layout {
        /** as generated: scattered among the generating engine's objects; strings and properties shared */
        GENERATED,
        /**
         * each request's own objects (request, page, events, event list) copied afresh in replay order, adjacent;
         * strings, properties, traits and the client context still shared
         */
        COPIED,
        /**
         * as COPIED, and new strings (hashes not computed) for the request's own fields, a new client context,
         * and new property and trait trees (Jackson's deepCopy: new containers; the value nodes inside, and
         * their strings, stay shared)
         */
        PARSED
    }

    // ---- the shop's catalogue ------------------------------------------------------------------------

    private static final int ITEMS = 2_000;
    private static final String[] CATEGORIES = {"dress", "coat", "knit", "pants", "shoes", "bag", "accessory"};
    private static final String[] QUERIES = {"ワンピース", "コート", "ニット", "dress", "スニーカー", "デニム", "カーディガン",
            "ブーツ", "マフラー", "ギフト"};
    private static final String[] ITEM_NAMES = {"リネンワンピース", "ウールコート", "ニットカーディガン", "ワイドパンツ",
            "スニーカー", "デニムジャケット", "レザーバッグ", "カシミヤマフラー"};
    private static final String[] RANKS = {"bronze", "silver", "gold"};

    /** User-Agents with their share of visitors and the tag's mobile hint. */
    private record Device(String userAgent, Boolean mobileHint, int weight) {}

    private static final Device[] DEVICES = {
            new Device("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                    + "Version/17.5 Mobile/15E148 Safari/604.1", true, 25),
            new Device("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                    + "Version/18.1 Mobile/15E148 Safari/604.1", true, 8),
            new Device("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                    + "Chrome/126.0.6478.122 Mobile Safari/537.36", true, 8),
            new Device("Mozilla/5.0 (Linux; Android 14; SM-S921Q) AppleWebKit/537.36 (KHTML, like Gecko) "
                    + "SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36", true, 4),
            new Device("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                    + "Mobile/15E148 Safari Line/14.9.0", true, 6),
            new Device("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                    + "Mobile/15E148 Instagram 339.0.3.12.91 (iPhone15,2; iOS 17_5; ja_JP; ja; scale=3.00; 1179x2556; 619522815)", true, 4),
            new Device("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                    + "Chrome/126.0.0.0 Safari/537.36", false, 20),
            new Device("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                    + "Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.87", false, 7),
            new Device("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                    + "Version/17.5 Safari/605.1.15", false, 8),
            new Device("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
                    + "Chrome/126.0.0.0 Safari/537.36", false, 4),
            new Device("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0", false, 1),
            new Device("Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                    + "Version/17.5 Mobile/15E148 Safari/604.1", false, 4),
            new Device("Mozilla/5.0 (Linux; Android 13; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) "
                    + "Chrome/126.0.0.0 Safari/537.36", false, 1),
    };

    private static final String[] SEARCH_REFERRERS = {"https://www.google.com/", "https://www.google.co.jp/",
            "https://search.yahoo.co.jp/", "https://www.bing.com/"};
    private static final String[] SOCIAL_REFERRERS = {"https://www.instagram.com/", "https://t.co/", "https://line.me/",
            "https://www.facebook.com/"};
    private static final String[] OTHER_REFERRERS = {"https://blog.example.jp/2026/12/winter-coordinate",
            "https://matome.example.com/fashion/123"};

    // ---- generation state ----------------------------------------------------------------------------

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Options options;
    private final SplittableRandom random;
    private final double[] visitorCdf;
    private final double[] itemCdf;
    private final String[] visitorIds;
    private final ClientContext[] contexts; // per device
    private final int[] visitorDevice;
    private final boolean[] member;
    private final boolean[] identified;
    private final boolean[] browsing;
    private final int[] sessionsOf;
    private final ObjectNode[] itemProperties;
    private final Map<String, String> strings = new HashMap<>();
    private final BenchClock clock = new BenchClock(DemoShop.START, DemoShop.TOKYO);
    private final SiteEngine tag;

    // statistics
    private final TreeMap<String, Integer> eventCounts = new TreeMap<>();
    private int sessions;
    private int firstSessions;
    private int longGaps;
    private int deliveries;
    private int decisions;
    private long orders;
    private final TreeMap<String, Integer> byCampaign = new TreeMap<>();

    private ShopTraffic(Options options, SiteConfig config) {
        this.options = options;
        this.random = new SplittableRandom(options.seed());
        this.visitorCdf = zipfCdf(options.visitors(), options.zipf());
        this.itemCdf = zipfCdf(ITEMS, 1.0);
        int n = options.visitors();
        this.visitorIds = new String[n];
        this.visitorDevice = new int[n];
        this.member = new boolean[n];
        this.identified = new boolean[n];
        this.browsing = new boolean[n];
        this.sessionsOf = new int[n];
        int totalWeight = Arrays.stream(DEVICES).mapToInt(Device::weight).sum();
        for (int v = 0; v < n; v++) {
            // a visitor id is minted by the server on the first visit: a ULID; the rank does not show in it
            visitorIds[v] = Ids.next(Ids.VISITOR, DemoShop.START - random.nextLong(86_400_000L * 400), random);
            int w = random.nextInt(totalWeight);
            int d = 0;
            while (w >= DEVICES[d].weight()) w -= DEVICES[d++].weight();
            visitorDevice[v] = d;
            member[v] = random.nextInt(10) == 0;
        }
        this.contexts = new ClientContext[DEVICES.length];
        for (int d = 0; d < DEVICES.length; d++) {
            contexts[d] = new ClientContext(DEVICES[d].userAgent(), DEVICES[d].mobileHint(), "ja-JP", "Asia/Tokyo");
        }
        this.itemProperties = new ObjectNode[ITEMS + 1];
        for (int i = 1; i <= ITEMS; i++) {
            itemProperties[i] = NODES.objectNode()
                    .put("item_id", Integer.toString(i))
                    .put("name", ITEM_NAMES[i % ITEM_NAMES.length] + " " + i)
                    .put("price", price(i))
                    .put("url", DemoShop.ORIGIN + "/items/" + i)
                    .put("image", DemoShop.ORIGIN + "/img/" + i + ".jpg");
        }
        this.tag = DemoShop.engine(clock, config);
    }

    /** Generates the traffic of a site with the full configuration ({@link DemoShop#fullConfig()}). */
    static Traffic generate(Options options) {
        return generate(options, DemoShop.fullConfig());
    }

    /** Generates the traffic of a site with the given configuration (what it delivers decides what is reported). */
    static Traffic generate(Options options, SiteConfig config) {
        return new ShopTraffic(options, config).run();
    }

    // ---- the simulation ------------------------------------------------------------------------------

    /** One browsing session: whose, when its next request is due, and what it will send. */
    private static final class Browsing {
        final int visitor;
        long nextAt;
        int viewsLeft;
        String url;            // the current page, null before landing
        String landingReferrer;
        int cartPrice;
        int item;              // the item of the current page, 0 when none
        /** what the browser reports about the actions of the last view, sent first: one request per batch */
        final ArrayDeque<List<Event>> reports = new ArrayDeque<>();
        /** an event the visitor sends on the current page after the reports, or null */
        Event custom;

        Browsing(int visitor, long at) {
            this.visitor = visitor;
            this.nextAt = at;
        }

        boolean done() {
            return reports.isEmpty() && custom == null && viewsLeft <= 0;
        }
    }

    private Traffic run() {
        int n = options.requests();
        List<TrackRequest> out = new ArrayList<>(n * 2);
        long[] times = new long[n * 2];
        PriorityQueue<Browsing> due = new PriorityQueue<>((a, b) -> Long.compare(a.nextAt, b.nextAt));
        for (int i = 0; i < options.concurrentSessions(); i++) due.add(newSession(DemoShop.START + random.nextLong(60_000)));
        int own = 0;
        while (own < n) {
            Browsing s = due.poll();
            long now = s.nextAt;
            TrackRequest request = next(s, now);
            clock.set(now);
            TrackResult result = tag.track(request);
            if (out.size() == times.length) times = Arrays.copyOf(times, times.length * 2);
            times[out.size()] = now;
            out.add(request);
            if (!isReport(request)) own++;
            reportActions(s, result.actions());
            if (s.done()) {
                browsing[s.visitor] = false;
                due.add(newSession(now + random.nextLong(1, 5_000)));
            } else {
                s.nextAt = now + gap(s);
                due.add(s);
            }
        }
        TrackRequest[] requests = out.toArray(TrackRequest[]::new);
        times = Arrays.copyOf(times, requests.length);
        return new Traffic(requests, times, summary(requests, times));
    }

    /** Whether a request reports on actions ({@code _action_*}, {@code _form_submitted}) rather than carrying the visitor's own event. */
    static boolean isReport(TrackRequest r) {
        return r.events().getFirst().name().startsWith("_");
    }

    private Browsing newSession(long at) {
        int v;
        do {
            v = draw(visitorCdf);
        } while (browsing[v]);
        browsing[v] = true;
        sessions++;
        if (sessionsOf[v]++ == 0) firstSessions++;
        Browsing s = new Browsing(v, at);
        s.viewsLeft = 1 + (int) Math.min(59, Math.floor(Math.log(1 - random.nextDouble()) / Math.log(0.8))); // mean 5
        return s;
    }

    /** Milliseconds until the session's next request. */
    private long gap(Browsing s) {
        if (!s.reports.isEmpty()) return random.nextLong(300, 4_000);         // the tag reports what it showed
        if (s.custom != null) return random.nextLong(1_000, 20_000);          // an action on the page
        if (random.nextInt(50) == 0) {                                         // away, then back: a new session
            longGaps++;
            return random.nextLong(31 * 60_000, 45 * 60_000);
        }
        return (long) Math.exp(Math.log(3_000) + random.nextDouble() * Math.log(60_000 / 3_000.0)); // 3-60 s
    }

    /** The session's next request: a pending action report, then an event on the current page, then a page view. */
    private TrackRequest next(Browsing s, long now) {
        int v = s.visitor;
        String user = identified[v] ? "u_" + v : null;
        if (!s.reports.isEmpty()) {
            List<Event> batch = s.reports.poll();
            Event[] events = new Event[batch.size()];
            for (int i = 0; i < events.length; i++) {
                Event report = batch.get(i);
                events[i] = new Event(eventId(now), report.name(), now, report.properties());
            }
            return request(s, user, null, new Page(s.url, null, null), events, false);
        }
        if (s.custom != null) {
            Event e = new Event(eventId(now), s.custom.name(), now, s.custom.properties());
            s.custom = null;
            ObjectNode traits = null;
            if (e.name().equals("identify")) {
                identified[v] = true;
                user = "u_" + v;
                traits = NODES.objectNode().put("member_rank", RANKS[v % RANKS.length]).put("plan", "free");
            }
            return request(s, user, traits, new Page(s.url, null, null), e, false);
        }
        String referrer;
        String url;
        if (s.url == null) {
            url = landing(s);
            referrer = s.landingReferrer;
        } else {
            referrer = s.url;
            url = nextPage(s);
        }
        s.url = url;
        s.viewsLeft--;
        ObjectNode props = s.item > 0 ? itemProperties[s.item] : null;
        Event view = new Event(eventId(now), "view", now, props);
        s.custom = customEvent(s);
        return request(s, user, null, new Page(url, title(url), referrer), view, true);
    }

    private TrackRequest request(Browsing s, String user, ObjectNode traits, Page page, Event e, boolean decide) {
        return request(s, user, traits, page, new Event[]{e}, decide);
    }

    private TrackRequest request(Browsing s, String user, ObjectNode traits, Page page, Event[] events, boolean decide) {
        for (Event e : events) eventCounts.merge(e.name(), 1, Integer::sum);
        return new TrackRequest(visitorIds[s.visitor], user, traits, page, contexts[visitorDevice[s.visitor]],
                List.of(events), decide);
    }

    /** The landing page and its referrer, by traffic source. */
    private String landing(Browsing s) {
        int r = random.nextInt(100);
        String path;
        if (r < 35) {                      // direct
            s.landingReferrer = null;
            path = random.nextInt(3) == 0 ? itemPath(s) : home(s);
        } else if (r < 60) {               // organic search
            s.landingReferrer = pick(SEARCH_REFERRERS);
            path = random.nextInt(3) == 0 ? home(s) : itemPath(s);
        } else if (r < 72) {               // social
            s.landingReferrer = pick(SOCIAL_REFERRERS);
            path = random.nextInt(2) == 0 ? staffPath(s) : itemPath(s);
        } else if (r < 77) {               // referral
            s.landingReferrer = pick(OTHER_REFERRERS);
            path = itemPath(s);
        } else if (r < 82) {               // e-mail newsletter
            s.landingReferrer = null;
            s.item = 0;
            path = "/sale/winter?utm_source=newsletter&utm_medium=email&utm_campaign=winter_sale_" + (1 + random.nextInt(4));
        } else {                           // an ad click
            boolean yahoo = random.nextInt(3) == 0;
            s.landingReferrer = yahoo ? "https://search.yahoo.co.jp/" : random.nextInt(4) == 0 ? "https://www.instagram.com/" : "https://www.google.com/";
            String term = pick(QUERIES);
            String base = random.nextInt(3) == 0 ? saleThenClear(s) : itemPath(s);
            path = base + "?utm_source=" + (yahoo ? "yahoo" : "google") + "&utm_medium=" + (random.nextInt(5) == 0 ? "display" : "cpc")
                    + "&utm_campaign=" + (random.nextBoolean() ? "winter_sale" : "brand")
                    + "&utm_term=" + URLEncoder.encode(term, StandardCharsets.UTF_8)
                    + (yahoo ? "&yclid=YSS." : "&gclid=Cj0KCQiA") + Long.toString(random.nextLong() >>> 1, 36);
        }
        return shared(DemoShop.ORIGIN + path);
    }

    private String nextPage(Browsing s) {
        int r = random.nextInt(100);
        String path;
        if (s.url.endsWith("/signup") && r < 50) {
            s.item = 0;
            path = "/signup/complete";
        } else if (r < 42) path = itemPath(s);
        else if (r < 52) path = home(s);
        else if (r < 61) {
            s.item = 0;
            path = "/items?category=" + CATEGORIES[random.nextInt(CATEGORIES.length)];
        } else if (r < 68) path = saleThenClear(s);
        else if (r < 76 || (s.cartPrice > 0 && r < 80)) {
            s.item = 0;
            path = "/cart";
        } else if (r < 82) path = staffPath(s);
        else if (r < 87) {
            s.item = 0;
            path = "/search?q=" + URLEncoder.encode(pick(QUERIES), StandardCharsets.UTF_8);
        } else if (r < 90) {
            s.item = 0;
            path = "/signup";
        } else if (r < 92) {
            s.item = 0;
            path = "/request";
        } else if (r < 96) {
            s.item = 0;
            path = "/mypage";
        } else {
            s.item = 0;
            path = "/guide";
        }
        return shared(DemoShop.ORIGIN + path);
    }

    private String home(Browsing s) {
        s.item = 0;
        return "/";
    }

    private String itemPath(Browsing s) {
        s.item = 1 + draw(itemCdf);
        return "/items/" + s.item;
    }

    private String staffPath(Browsing s) {
        s.item = 0;
        return "/staff/" + (1 + random.nextInt(40));
    }

    private String saleThenClear(Browsing s) {
        s.item = 0;
        return random.nextInt(4) == 0 ? "/sale/outlet" : "/sale/winter";
    }

    /** What a visitor may do on the page just viewed; null for nothing (the next request is a view). */
    private Event customEvent(Browsing s) {
        int v = s.visitor;
        if (member[v] && !identified[v] && random.nextInt(2) == 0) return template("identify", null);
        String path = pathOf(s.url);
        int r = random.nextInt(100);
        if (s.item > 0) {
            if (r < 25) {
                s.cartPrice += price(s.item);
                return template("cart", NODES.objectNode()
                        .put("item_id", Integer.toString(s.item)).put("in_cart_price", s.cartPrice).put("items", 1 + random.nextInt(3)));
            }
            if (r < 40) return template("favorite", NODES.objectNode().put("item_id", Integer.toString(s.item)));
            return null;
        }
        if (path.equals("/cart") && s.cartPrice > 0 && r < 35) {
            int price = s.cartPrice;
            s.cartPrice = 0;
            return template("buy", NODES.objectNode()
                    .put("order_id", "o_" + (++orders)).put("price", price));
        }
        if (path.equals("/search") && r < 80) {
            return template("search", NODES.objectNode().put("query", pick(QUERIES)));
        }
        if ((path.equals("/items") || path.equals("/")) && r < 40) {
            return template("search", NODES.objectNode().put("query", random.nextBoolean() ? pick(CATEGORIES) : pick(QUERIES)));
        }
        if (path.equals("/signup/complete") && r < 90) return template("signup_complete", null);
        if (path.equals("/request") && r < 50) return template("brochure_request", null);
        return null;
    }

    /**
     * Queues what the browser reports about the actions delivered on a page view. An action is shown when
     * its trigger fires, which depends on the trigger (almost always on load, rarely on exit intent); what
     * shows on load is reported in one request, as a tag flushes its queue once the page has rendered;
     * later triggers, closes, clicks and survey answers go one by one.
     */
    private void reportActions(Browsing s, List<Action> actions) {
        if (actions.isEmpty()) return;
        decisions++;
        List<Event> onLoad = new ArrayList<>();
        List<List<Event>> later = new ArrayList<>();
        List<List<Event>> reactions = new ArrayList<>();
        for (Action a : actions) {
            deliveries++;
            byCampaign.merge(a.campaign(), 1, Integer::sum);
            String on = a.trigger().path("on").asText();
            int fires = switch (on) {
                case "load" -> 90;
                case "delay", "session_time" -> 60;
                case "scroll" -> 45;
                case "exit_intent" -> 15;
                default -> 10; // click, idle, event
            };
            if (random.nextInt(100) >= fires) continue;
            Event exposure = report(a.control() ? "_action_control" : "_action_shown", a, null);
            if (on.equals("load")) onLoad.add(exposure);
            else later.add(List.of(exposure));
            if (a.control()) continue;
            int r = random.nextInt(100);
            if (r < 20) reactions.add(List.of(report("_action_closed", a, null)));
            else if (r < 25) reactions.add(List.of(report("_action_clicked", a, null)));
            else if (a.template().equals("survey") && r < 55) {
                reactions.add(List.of(report("_form_submitted", a, NODES.objectNode()
                        .put("height", 150 + random.nextInt(36)).put("age", "30代"))));
            }
        }
        if (!onLoad.isEmpty()) s.reports.add(onLoad);
        s.reports.addAll(later);
        s.reports.addAll(reactions);
    }

    /** An event to send later: its id and time are set when it is sent. */
    private static Event template(String name, ObjectNode properties) {
        return new Event("pending", name, 0, properties);
    }

    private static Event report(String name, Action a, ObjectNode fields) {
        ObjectNode props = NODES.objectNode().put("campaign", a.campaign()).put("variant", a.variant()).put("action", a.action());
        if (fields != null) props.set("fields", fields);
        return new Event("pending", name, 0, props);
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private String eventId(long now) {
        return Ids.next(Ids.EVENT, now, random);
    }

    private String title(String url) {
        String path = pathOf(url);
        if (path.startsWith("/items/")) return "商品 " + path.substring(7) + " | SHOP EXAMPLE";
        return switch (path) {
            case "/" -> "SHOP EXAMPLE 公式通販";
            case "/cart" -> "ショッピングカート | SHOP EXAMPLE";
            default -> path.substring(1) + " | SHOP EXAMPLE";
        };
    }

    private static String pathOf(String url) {
        String p = url.substring(DemoShop.ORIGIN.length());
        int q = p.indexOf('?');
        return q < 0 ? p : p.substring(0, q);
    }

    private static int price(int item) {
        return 1_900 + (item * 7919 % 180) * 100;
    }

    private String shared(String s) {
        return strings.computeIfAbsent(s, x -> x);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private int draw(double[] cdf) {
        int i = Arrays.binarySearch(cdf, random.nextDouble());
        return Math.min(i < 0 ? -i - 1 : i, cdf.length - 1);
    }

    private static double[] zipfCdf(int n, double s) {
        double[] cdf = new double[n];
        double sum = 0;
        for (int k = 1; k <= n; k++) {
            sum += Math.pow(k, -s);
            cdf[k - 1] = sum;
        }
        for (int k = 0; k < n; k++) cdf[k] /= sum;
        return cdf;
    }

    private String summary(TrackRequest[] requests, long[] times) {
        int n = times.length;
        int distinct = 0;
        int heavy = 0;
        int max = 0;
        for (int c : sessionsOf) {
            if (c > 0) distinct++;
            if (c >= 20) heavy++;
            max = Math.max(max, c);
        }
        int reportRequests = 0;
        long reportEvents = 0;
        for (TrackRequest r : requests) {
            if (r.events().getFirst().name().startsWith("_")) {
                reportRequests++;
                reportEvents += r.events().size();
            }
        }
        long visitorEvents = n - reportRequests;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "traffic: %,d requests over %.1f simulated hours; %,d sessions (+%,d after 31-45 min of silence)%n",
                n, (times[n - 1] - times[0]) / 3_600_000.0, sessions, longGaps));
        sb.append(String.format(Locale.ROOT, "  visitors: %,d of %,d ids seen; %.0f%% of sessions are a visitor's first; %,d visitors with >= 20 sessions, at most %,d%n",
                distinct, options.visitors(), 100.0 * firstSessions / sessions, heavy, max));
        sb.append(String.format(Locale.ROOT, "  %,d requests of the visitor's own events (one each):", visitorEvents));
        eventCounts.entrySet().stream().filter(e -> !e.getKey().startsWith("_"))
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> sb.append(String.format(Locale.ROOT, " %s %.1f%%", e.getKey(), 100.0 * e.getValue() / visitorEvents)));
        sb.append(String.format(Locale.ROOT, "%n  %,d requests reporting actions (%,d events):", reportRequests, reportEvents));
        eventCounts.entrySet().stream().filter(e -> e.getKey().startsWith("_"))
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> sb.append(String.format(Locale.ROOT, " %s %,d", e.getKey(), e.getValue())));
        sb.append(String.format(Locale.ROOT, "%n  deciding on views as the tag does: %,d views got %,d actions (%.2f per view); most delivered:",
                decisions, deliveries, (double) deliveries / Math.max(1, eventCounts.getOrDefault("view", 1))));
        byCampaign.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(12)
                .forEach(e -> sb.append(' ').append(e.getKey()).append('=').append(e.getValue()));
        sb.append('\n');
        return sb.toString();
    }

    /** Prints the summary of a generated workload: {@code java -cp benchmarks.jar dev.omotenashi.bench.ShopTraffic [requests]}. */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        long t0 = System.nanoTime();
        Traffic t = generate(Options.standard(n));
        System.out.print(t.summary());
        System.out.printf(Locale.ROOT, "generated in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        System.out.printf(Locale.ROOT, "without reports: %,d requests%n", t.withoutReports().requests().length);
        List<String> sample = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            TrackRequest r = t.requests()[i * 997 % n];
            sample.add(r.visitor() + " " + r.events().stream().map(e -> e.name()).toList() + " " + r.page().url() + " <- " + r.page().referrer());
        }
        sample.forEach(System.out::println);
    }
}
