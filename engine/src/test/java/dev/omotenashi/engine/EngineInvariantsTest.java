package dev.omotenashi.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omotenashi.engine.config.SiteSettings;
import dev.omotenashi.engine.event.Event;
import dev.omotenashi.engine.profile.Agg;
import dev.omotenashi.engine.profile.EventCounter;
import dev.omotenashi.engine.profile.Profile;
import dev.omotenashi.engine.profile.Scope;
import dev.omotenashi.engine.profile.VisitorState;
import dev.omotenashi.engine.session.DeviceClassifier;
import dev.omotenashi.engine.testing.Cases;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants of the engine over generated visits (seeded, reproducible: see {@link Cases}): replaying the
 * journal from a checkpoint rebuilds the same profiles, session counts never exceed all-time counts,
 * visits grow by one exactly when a session starts, a page view never gets two modals, and the hot path's
 * decision (no explanations, cheap rules and filled slots first) delivers what the explained one does.
 */
class EngineInvariantsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final long START = Instant.parse("2026-12-01T00:00:00Z").toEpochMilli();
    private static final List<String> PATHS = List.of("/", "/items/1", "/items/2", "/items/3", "/cart", "/sale/winter",
            "/signup", "/signup/complete", "/staff/1", "/request");
    private static final String PC = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    private static final String PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

    /** A clock the test moves. */
    static final class StepClock extends Clock {
        long now = START;

        @Override public ZoneId getZone() { return TOKYO; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return Instant.ofEpochMilli(now); }
        @Override public long millis() { return now; }
    }

    private static SiteEngine engine(Clock clock) {
        SiteEngine e = new SiteEngine(SiteSettings.of(TOKYO).withDomains(List.of("shop.example")), clock,
                DeviceClassifier.shared(), new SplittableRandom(7));
        e.putEventDefinition(json("""
                {"name": "sale_view", "from": "view", "where": {"attr": "page.path", "op": "starts_with", "value": "/sale"}}"""));
        e.putSegment(json("""
                {"id": "carted", "name": "has a cart", "condition": {"event": "cart", "scope": "session", "agg": "count", "op": "gte", "value": 1}}"""));
        String[] modal = {"popup", "coupon", "survey", "recommendation"};
        for (int i = 0; i < 4; i++) {
            String content = switch (modal[i]) {
                case "popup" -> "{\"title\": \"ようこそ\", \"text\": \"{{ visitor.visits }} 回目のご来店\"}";
                case "coupon" -> "{\"title\": \"クーポン\", \"code\": \"WELCOME\"}";
                case "survey" -> "{\"title\": \"身長\", \"fields\": [{\"name\": \"height\", \"label\": \"身長\", \"type\": \"number\", \"trait\": \"height\"}]}";
                default -> "{\"title\": \"おすすめ\", \"source\": \"mixed\", \"limit\": 3}";
            };
            e.putCampaign(json("""
                    {"id": "modal-%d", "name": "modal %d", "status": "live", "priority": %d,
                     "creative": {"template": "%s", "content": %s},
                     "control": {"percent": 20}, "frequency": {"per": "pageview"},
                     "goal": {"event": "buy", "window": "P7D"}}""".formatted(i, i, 10 * i, modal[i], content)));
        }
        e.putCampaign(json("""
                {"id": "nudge", "name": "nudge", "status": "live", "priority": 50,
                 "audience": {"event": "cart", "property": "in_cart_price", "agg": "latest", "op": "between", "value": [4000, 5000]},
                 "pages": {"attr": "page.path", "op": "eq", "value": "/cart"},
                 "creative": {"template": "notice_bar", "content": {"text": "あと{{ 5000 - event.cart.in_cart_price.latest }}円で送料無料"}},
                 "goal": {"event": "buy", "window": "session"}}"""));
        e.putCampaign(json("""
                {"id": "banner-ab", "name": "banner-ab", "status": "live", "priority": 40, "audience": {"segment": "carted"},
                 "variants": [{"id": "a", "weight": 1, "creative": {"template": "banner", "content": {"text": "A"}}},
                              {"id": "b", "weight": 2, "creative": {"template": "banner", "content": {"text": "B"}}}],
                 "frequency": {"per": "session", "max": 2}, "stop": {"after_closes": 2}}"""));
        e.putCampaign(json("""
                {"id": "banner-2", "name": "banner-2", "status": "live", "priority": 30,
                 "creative": {"template": "banner", "content": {"text": "second banner"}}, "frequency": {"per": "pageview"}}"""));
        e.putCampaign(json("""
                {"id": "sale", "name": "sale", "status": "live", "priority": 20,
                 "audience": {"event": "sale_view", "agg": "count", "op": "eq", "value": 0},
                 "creative": {"template": "slide_in", "content": {"text": "セール中"}}, "frequency": {"per": "day", "max": 3}}"""));
        // Audiences of every kind of input, each on a non-modal template evaluated on every page view, so
        // that the hot path's memo of audience results (kept between requests until an input changes) is
        // compared with the explained decision, which evaluates every audience afresh.
        String[] audiences = {
                "{\"all\": [{\"attr\": \"visitor.visits\", \"op\": \"gte\", \"value\": 2}, {\"attr\": \"session.source\", \"op\": \"in\", \"value\": [\"search\", \"ad\"]}]}",
                "{\"attr\": \"user.member_rank\", \"op\": \"eq\", \"value\": \"gold\"}",
                "{\"attr\": \"session.pv\", \"op\": \"gte\", \"value\": 3}",
                "{\"action\": \"modal-0\", \"metric\": \"shown\", \"scope\": \"session\", \"agg\": \"count\", \"op\": \"gte\", \"value\": 1}",
                "{\"event\": \"favorite\", \"scope\": \"today\", \"agg\": \"count\", \"op\": \"gte\", \"value\": 1}",
                "{\"attr\": \"visitor.is_member\", \"op\": \"eq\", \"value\": true}",
                "{\"event\": \"cart\", \"scope\": \"previous_session\", \"agg\": \"count\", \"op\": \"gte\", \"value\": 1}",
                "{\"attr\": \"session.landing_path\", \"op\": \"starts_with\", \"value\": \"/items/\"}",
                "{\"attr\": \"session.utm_term\", \"op\": \"eq\", \"value\": \"t1\"}",
                "{\"action\": \"banner-ab\", \"metric\": \"closed\", \"scope\": \"all\", \"agg\": \"count\", \"op\": \"gte\", \"value\": 1}",
                "{\"event\": \"view\", \"scope\": \"7d\", \"agg\": \"count\", \"op\": \"gte\", \"value\": 6}",
                "{\"action\": \"modal-1\", \"metric\": \"delivered\", \"scope\": \"all\", \"agg\": \"latest_at\", \"op\": \"within_last\", \"value\": \"PT10M\"}",
                "{\"not\": {\"segment\": \"carted\"}}",
                "{\"event\": \"sale_view\", \"scope\": \"session\", \"agg\": \"count\", \"op\": \"gte\", \"value\": 1}",
                "{\"attr\": \"session.device\", \"op\": \"eq\", \"value\": \"smartphone\"}",
                "{\"attr\": \"session.duration\", \"op\": \"gte\", \"value\": 120}",
                "{\"attr\": \"visitor.last_seen\", \"op\": \"exists\"}",
                "{\"event\": \"cart\", \"property\": \"in_cart_price\", \"agg\": \"max\", \"op\": \"gte\", \"value\": 5000}",
                // split: the device is kept, the duration evaluated every time
                "{\"all\": [{\"attr\": \"session.device\", \"op\": \"eq\", \"value\": \"pc\"}, {\"attr\": \"session.duration\", \"op\": \"gte\", \"value\": 60}]}"};
        String[] templates = {"call_button", "chat_invite", "html"};
        for (int i = 0; i < audiences.length; i++) {
            String template = templates[i % templates.length];
            String content = switch (template) {
                case "call_button" -> "{\"text\": \"お電話\", \"tel\": \"0120-000-000\"}";
                case "chat_invite" -> "{\"title\": \"チャット\", \"text\": \"どうぞ\"}";
                default -> "{\"html\": \"<p>" + i + "</p>\"}";
            };
            e.putCampaign(json("""
                    {"id": "input-%d", "name": "input %d", "status": "live", "priority": %d, "audience": %s,
                     "creative": {"template": "%s", "content": %s}, "frequency": {"per": "pageview"}}"""
                    .formatted(i, i, 5 + i % 7, audiences[i], template, content)));
        }
        // once a session (the default frequency), and thrice a day: held back until a session starts or the day ends
        e.putCampaign(json("""
                {"id": "once-a-session", "name": "once a session", "status": "live", "priority": 60,
                 "creative": {"template": "call_button", "content": {"text": "お電話ください", "tel": "0120-000-001"}}}"""));
        e.putCampaign(json("""
                {"id": "thrice-a-day", "name": "thrice a day", "status": "live", "priority": 60,
                 "creative": {"template": "chat_invite", "content": {"title": "チャット", "text": "どうぞ"}},
                 "frequency": {"per": "day", "max": 3}, "stop": {"after_closes": 1, "period": "day"}}"""));
        // a page rule on the title: not kept in the memo the URL's copies with other titles share
        e.putCampaign(json("""
                {"id": "titled", "name": "titled", "status": "live", "priority": 3,
                 "pages": {"attr": "page.title", "op": "eq", "value": "お知らせ"},
                 "creative": {"template": "notice_bar", "content": {"text": "お知らせ"}}, "frequency": {"per": "pageview"}}"""));
        return e;
    }

    private static ObjectNode json(String s) {
        try {
            return (ObjectNode) JSON.readTree(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(s, e);
        }
    }

    /** One step of a generated visit: a request and what the live engine answered. */
    record Step(TrackRequest request, TrackResult result, boolean identify) {}

    /** Generates and applies {@code steps} requests of a few visitors, checking per-step invariants as it goes. */
    private static List<Step> simulate(SiteEngine engine, StepClock clock, SplittableRandom r, int steps) {
        List<Step> out = new ArrayList<>();
        String[] visitors = {"v_aaaaaaaa", "v_bbbbbbbb", "v_cccccccc", "v_dddddddd"};
        Map<String, List<Action>> lastActions = new HashMap<>();
        int eventNo = 0;
        for (int i = 0; i < steps; i++) {
            String visitor = visitors[r.nextInt(visitors.length)];
            long gap = switch (r.nextInt(10)) {
                case 0 -> 31 * 60_000L + r.nextInt(3_600_000);
                case 1 -> 86_400_000L * (1 + r.nextInt(9));
                default -> 1_000 + r.nextInt(120_000);
            };
            clock.now += gap;
            String path = Cases.oneOf(r, PATHS);
            String url = "https://shop.example" + path + (r.nextInt(12) == 0 ? "?utm_source=google&utm_medium=cpc&utm_term=t" + r.nextInt(3) : "");
            String referrer = r.nextInt(5) == 0 ? "https://www.google.com/" : null;
            String ua = visitor.startsWith("v_a") || visitor.startsWith("v_c") ? PC : PHONE;
            ObjectNode props = JsonNodeFactory.instance.objectNode();
            String name;
            boolean decide = false;
            String user = null;
            boolean identify = false;
            int kind = r.nextInt(20);
            List<Action> last = lastActions.getOrDefault(visitor, List.of());
            if (kind < 10) {
                name = "view";
                decide = true;
                if (path.startsWith("/items/")) {
                    String id = path.substring(7);
                    props.put("item_id", id).put("name", "商品" + id).put("price", 1000 * Integer.parseInt(id)).put("url", url);
                }
            } else if (kind < 13) {
                name = "cart";
                props.put("in_cart_price", 3500 + 250 * r.nextInt(8));
            } else if (kind < 14) {
                name = "buy";
                props.put("total", 4000 + r.nextInt(3000));
            } else if (kind < 18 && !last.isEmpty()) {
                Action a = last.get(r.nextInt(last.size()));
                name = a.control() ? "_action_control" : Cases.oneOf(r, List.of("_action_shown", "_action_closed", "_action_clicked"));
                props.put("campaign", a.campaign()).put("variant", a.variant()).put("action", a.action());
            } else if (kind < 19) {
                name = "view";
                user = r.nextBoolean() ? "u_1" : "u_2";
                identify = true;
                decide = true;
            } else {
                name = "favorite";
                props.put("item_id", String.valueOf(1 + r.nextInt(3)));
            }
            Event event = new Event("e_" + (eventNo++), name, clock.now, props);
            // traits come with an identify, and now and then on their own (a rank that changes mid-session)
            ObjectNode traits = identify || r.nextInt(12) == 0
                    ? JsonNodeFactory.instance.objectNode().put("member_rank", r.nextBoolean() ? "gold" : "silver") : null;
            TrackRequest request = new TrackRequest(visitor, user, traits, new Page(url, r.nextInt(3) == 0 ? "お知らせ" : "page", referrer),
                    new ClientContext(ua, ua == PHONE ? Boolean.TRUE : null, "ja-JP", "Asia/Tokyo"), List.of(event), decide);

            Profile before = engine.profile(visitor);
            int visitsBefore = before == null ? 0 : before.visits();
            int serialBefore = before == null || before.browser(visitor) == null ? -1 : before.browser(visitor).serial();
            TrackResult result = engine.track(request);
            Profile after = engine.profile(visitor);
            VisitorState browser = after.browser(visitor);

            if (!identify) {
                int started = browser.serial() != serialBefore ? 1 : 0;
                assertThat(after.visits() - visitsBefore).as("visits grow by one exactly when a session starts (step %d)", i)
                        .isEqualTo(started);
            }
            for (EventCounter c : after.counters()) {
                double all = (double) after.aggregate(c.name(), null, Scope.ALL, Agg.COUNT, browser, 0);
                double session = (double) after.aggregate(c.name(), null, Scope.SESSION, Agg.COUNT, browser, 0);
                double previous = (double) after.aggregate(c.name(), null, Scope.PREVIOUS_SESSION, Agg.COUNT, browser, 0);
                assertThat(session).as("session count of %s never exceeds all-time", c.name()).isLessThanOrEqualTo(all);
                assertThat(previous).as("previous-session count of %s never exceeds all-time", c.name()).isLessThanOrEqualTo(all);
            }
            long modals = result.actions().stream().filter(a -> Set.of("popup", "coupon", "survey", "recommendation").contains(a.template())).count();
            assertThat(modals).as("modal actions in one page view").isLessThanOrEqualTo(1);
            assertThat(result.actions().stream().map(Action::template).distinct().count())
                    .as("one action per template").isEqualTo(result.actions().size());
            if (decide) lastActions.put(visitor, result.actions());
            assertThat(engine.decideQuietly(visitor, request.page(), false).actions())
                    .as("the hot path's decision delivers what the explained one does (step %d)", i)
                    .usingRecursiveFieldByFieldElementComparator()
                    .isEqualTo(engine.explain(visitor, request.page()).actions());
            out.add(new Step(request, result, identify));
        }
        return out;
    }

    @Test
    void perStepInvariantsHoldOverGeneratedVisits() {
        Cases.forEach(60, r -> {
            StepClock clock = new StepClock();
            simulate(engine(clock), clock, r, 150);
        });
    }

    @Test
    void replayingTheJournalFromACheckpointRebuildsTheSameProfiles() {
        Cases.forEach(60, r -> {
            StepClock clock = new StepClock();
            SiteEngine live = engine(clock);
            int checkpointAt = r.nextInt(120);
            simulate(live, clock, r, checkpointAt);
            List<byte[]> checkpoint = live.profiles().stream().map(live.codec()::encode).toList();
            List<Step> rest = simulate(live, clock, r, 120 - checkpointAt);

            SiteEngine rebuilt = engine(new StepClock());
            for (byte[] bytes : checkpoint) rebuilt.load(rebuilt.codec().decode(bytes));
            for (Step s : rest) {
                TrackRequest q = s.request();
                rebuilt.track(new TrackRequest(q.visitor(), q.user(), q.traits(), q.page(), q.context(), s.result().recorded(), false));
            }
            Map<String, byte[]> expected = snapshot(live);
            Map<String, byte[]> actual = snapshot(rebuilt);
            assertThat(actual.keySet()).isEqualTo(expected.keySet());
            for (String visitor : expected.keySet()) {
                assertThat(java.util.Arrays.equals(actual.get(visitor), expected.get(visitor)))
                        .as("profile of %s after replay equals the live one byte for byte: live %s, replayed %s", visitor,
                                describe(live.codec().decode(expected.get(visitor))), describe(rebuilt.codec().decode(actual.get(visitor))))
                        .isTrue();
            }
        });
    }

    private static String describe(Profile p) {
        StringBuilder sb = new StringBuilder("user=" + p.userId() + " visits=" + p.visits() + " browsers=" + p.visitorIds());
        for (EventCounter c : p.counters()) sb.append(' ').append(c.name()).append('=').append(p.aggregate(c.name(), null, Scope.ALL, Agg.COUNT, null, 0));
        return sb.toString();
    }

    /** Each visitor's profile, encoded; visitors of one person share one array. */
    private static Map<String, byte[]> snapshot(SiteEngine engine) {
        Map<String, byte[]> out = new HashMap<>();
        for (Profile p : engine.profiles()) {
            byte[] bytes = engine.codec().encode(p);
            for (String v : p.visitorIds()) out.put(v, bytes);
        }
        return out;
    }
}
