package dev.omotenashi.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omotenashi.engine.experiment.ArmStats;
import dev.omotenashi.engine.experiment.Assignment;
import dev.omotenashi.engine.experiment.FixedHorizonAnalysis;
import dev.omotenashi.engine.experiment.Horizon;
import dev.omotenashi.server.store.CheckpointStore;
import dev.omotenashi.server.store.Storage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Measurement through the HTTP API, on every backend: a hand-computed fixture of visitors, exposures and
 * goals gives exactly the expected campaign report, journey and event funnel, and overview; the counters
 * survive a restart (from the checkpoint, from the journal alone, and from an older checkpoint plus the
 * journal); bad parameters are refused naming the field.
 *
 * <p>The fixture (hours after midnight of day 0, Asia/Tokyo; campaign {@code exp}: variants a and b, 30%
 * control, goal {@code buy} within P2D, value {@code total}); visitors are picked so the engine's hash puts
 * them in the arm named:
 * <pre>
 *  h1   C1 view (control delivered), control fired      A2 buy 1000 (before any exposure: no goal)
 *  h2   A1 view, shown, clicked, the click retried      A2 view, shown       A3 view, shown, closed
 *  h3   A1 buy 3000 (goal a)   A2 buy 2000 (goal a)     C1 buy 4000 (goal control)
 *  h25  A1 buy 3500 (repeated: no goal)   A4 view (delivered, never shown), buy 100 (no goal)
 *       B1 view, shown, view, shown       B2 view, shown
 *       C2 view, control fired            C3 view (delivered, trigger never fired), buy 700 (no goal)
 *  h50  B1 buy 1500 (goal b: 25 h after exposure)
 *  h75  A3 buy 5000 (73 h after exposure: outside the window)   B3 view, shown, buy 800 (goal b)
 * </pre>
 */
public abstract class MeasurementContract {
    static final String SITE = "site_measure";
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final String CAMPAIGN = """
            {"id": "exp", "name": "Experiment", "status": "live",
             "variants": [{"id": "a", "creative": {"template": "banner", "content": {"text": "A"}}},
                          {"id": "b", "creative": {"template": "banner", "content": {"text": "B"}}}],
             "control": {"percent": 30}, "frequency": {"per": "pageview"},
             "goal": {"event": "buy", "window": "P2D", "value": "total"}}""";

    @TempDir
    Path data;
    protected TestServer server;
    private String key;
    private long day0;
    private LocalDate d0;
    private final Map<String, String> ids = new HashMap<>();
    private int next;

    protected abstract Storage storage(Path data);

    protected abstract Storage reopen(Path data);

    @BeforeEach
    void start() {
        server = TestServer.start(data, this::storage);
        key = server.admin("POST", "/api/v1/sites", """
                {"id": "%s", "name": "Measured shop", "domains": ["shop.example"], "timezone": "Asia/Tokyo"}""".formatted(SITE))
                .json().get("key").asText();
        assertThat(server.admin("PUT", "/api/v1/sites/" + SITE + "/campaigns/exp", CAMPAIGN).status()).isIn(200, 201);
        // day 0 starts at the next midnight in Tokyo
        d0 = Instant.ofEpochMilli(server.app().clock().millis()).atZone(TOKYO).toLocalDate().plusDays(1);
        day0 = d0.atStartOfDay(TOKYO).toInstant().toEpochMilli();
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
        server = null;
    }

    // ---- the fixture -----------------------------------------------------------------------------

    private void fixture() {
        firstHalf();
        secondHalf();
    }

    private void firstHalf() {
        at(1);
        controlFired("C1", view("C1", true));
        buy("A2", 1000);
        at(2);
        JsonNode a1 = view("A1", false);
        shown("A1", a1);
        report("A1", "_action_clicked", a1, "e_click_A1");
        assertThat(report("A1", "_action_clicked", a1, "e_click_A1").get("duplicates").asInt()).isEqualTo(1);
        shown("A2", view("A2", false));
        JsonNode a3 = view("A3", false);
        shown("A3", a3);
        report("A3", "_action_closed", a3, "e_close_A3");
        at(3);
        buy("A1", 3000);
        buy("A2", 2000);
        buy("C1", 4000);
    }

    private void secondHalf() {
        at(25);
        buy("A1", 3500);
        view("A4", false);
        buy("A4", 100);
        shown("B1", view("B1", false));
        shown("B1", view("B1", false));
        shown("B2", view("B2", false));
        controlFired("C2", view("C2", true));
        view("C3", true);
        buy("C3", 700);
        at(50);
        buy("B1", 1500);
        at(75);
        buy("A3", 5000);
        shown("B3", view("B3", false));
        buy("B3", 800);
    }

    /** Moves the server's clock to {@code hours} after the start of day 0. */
    private void at(int hours) {
        long target = day0 + hours * 3_600_000L;
        long now = server.app().clock().millis();
        assertThat(target).isGreaterThan(now);
        ((MovableClock) server.app().clock()).advance(Duration.ofMillis(target - now));
    }

    /** A visitor id for a fixture name (A* in variant a, B* in b, C* in control), stable per test. */
    private String visitor(String name) {
        return ids.computeIfAbsent(name, n -> {
            String arm = n.startsWith("C") ? "control" : n.startsWith("A") ? "a" : "b";
            while (true) {
                String id = "v_fixture" + String.format("%04d", next++);
                boolean control = Assignment.inControl(id, "exp", 30);
                int variant = Assignment.variant(id, "exp", List.of(1, 1));
                String got = control ? "control" : variant == 0 ? "a" : "b";
                if (got.equals(arm)) return id;
            }
        });
    }

    private JsonNode view(String name, boolean control) {
        TestServer.Reply r = server.track("""
                {"site": "%s", "visitor": "%s", "page": {"url": "https://shop.example/"},
                 "events": [{"id": "e_%s_%d", "name": "view"}], "decide": true}""".formatted(key, visitor(name), name, next++));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode action = r.json().get("actions").get(0);
        assertThat(action.get("campaign").asText()).isEqualTo("exp");
        assertThat(action.get("control").asBoolean()).isEqualTo(control);
        if (!control) assertThat(action.get("variant").asText()).isEqualTo(name.substring(0, 1).toLowerCase());
        return action;
    }

    private void shown(String name, JsonNode action) {
        report(name, "_action_shown", action, "e_shown_" + action.get("action").asText());
    }

    private void controlFired(String name, JsonNode action) {
        report(name, "_action_control", action, "e_control_" + action.get("action").asText());
    }

    private JsonNode report(String name, String event, JsonNode action, String id) {
        TestServer.Reply r = server.track("""
                {"site": "%s", "visitor": "%s", "page": {"url": "https://shop.example/"},
                 "events": [{"id": "%s", "name": "%s", "properties":
                   {"campaign": "exp", "variant": "%s", "action": "%s"}}], "decide": false}"""
                .formatted(key, visitor(name), id, event, action.get("variant").asText(), action.get("action").asText()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private void buy(String name, int total) {
        TestServer.Reply r = server.track("""
                {"site": "%s", "visitor": "%s", "page": {"url": "https://shop.example/thanks"},
                 "events": [{"id": "e_buy_%s_%d", "name": "buy", "properties": {"total": %d}}], "decide": false}"""
                .formatted(key, visitor(name), name, next++, total));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    // ---- reading ---------------------------------------------------------------------------------

    private String day(int n) {
        return d0.plusDays(n).toString();
    }

    private JsonNode report(int from, int to, String method) {
        TestServer.Reply r = server.admin("GET", "/api/v1/sites/" + SITE + "/campaigns/exp/report?from=" + day(from)
                + "&to=" + day(to) + "&method=" + method, null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private JsonNode journey(int from, int to) {
        TestServer.Reply r = server.admin("GET", "/api/v1/sites/" + SITE + "/funnels/journey?from=" + day(from) + "&to=" + day(to), null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private JsonNode funnel(int from, int to, String... steps) {
        TestServer.Reply r = server.admin("POST", "/api/v1/sites/" + SITE + "/funnels", """
                {"steps": %s, "from": "%s", "to": "%s"}""".formatted(TestServer.JSON.valueToTree(steps), day(from), day(to)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode arm(JsonNode report, String arm) {
        for (JsonNode a : report.get("arms")) if (a.get("arm").asText().equals(arm)) return a;
        throw new AssertionError("no arm " + arm + " in " + report);
    }

    /** exposed, deliveries, shows, clicks, closes, goal visitors, goal value */
    private static void assertArm(JsonNode a, long exposed, long deliveries, long shows, long clicks, long closes,
                                  long goalVisitors, double value) {
        assertThat(List.of(a.get("exposed").asLong(), a.get("deliveries").asLong(), a.get("shows").asLong(),
                a.get("clicks").asLong(), a.get("closes").asLong(), a.get("goal_visitors").asLong()))
                .as(a.toString()).containsExactly(exposed, deliveries, shows, clicks, closes, goalVisitors);
        assertThat(a.get("goal_value").asDouble()).as(a.toString()).isEqualTo(value);
    }

    private static List<Long> visitors(JsonNode funnel, String list) {
        List<Long> out = new ArrayList<>();
        for (JsonNode s : funnel.get(list)) out.add(s.get("visitors").asLong());
        return out;
    }

    // ---- tests -----------------------------------------------------------------------------------

    @Test
    void theReportCountsExactlyTheHandComputedFixture() {
        fixture();
        JsonNode r = report(0, 3, "fixed");
        assertThat(r.at("/arms/0/arm").asText()).isEqualTo("control");
        assertArm(arm(r, "control"), 2, 3, 2, 0, 0, 1, 4000);
        assertArm(arm(r, "a"), 3, 4, 3, 1, 1, 2, 5000);
        assertArm(arm(r, "b"), 3, 4, 4, 0, 0, 2, 2300);
        assertThat(arm(r, "a").get("goal_rate").asDouble()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(arm(r, "a").get("value_per_exposed").asDouble()).isCloseTo(5000.0 / 3, within(1e-9));
        assertThat(arm(r, "a").get("click_rate").asDouble()).isCloseTo(1.0 / 3, within(1e-12));

        JsonNode a = r.get("comparisons").get(0);
        assertThat(a.get("arm").asText()).isEqualTo("a");
        assertThat(a.at("/absolute_lift/estimate").asDouble()).isCloseTo(2.0 / 3 - 1.0 / 2, within(1e-12));
        assertThat(a.at("/relative_lift/estimate").asDouble()).isCloseTo((2.0 / 3) / (1.0 / 2) - 1, within(1e-12));
        double p = FixedHorizonAnalysis.of(Horizon.perArm(1)).compare(ArmStats.of("c", 2, 1), ArmStats.of("a", 3, 2)).pValue();
        assertThat(a.get("p_value").asDouble()).isCloseTo(p, within(1e-12));
        assertThat(a.get("verdict").asText()).isEqualTo("collecting"); // 100 exposed per arm at least
        assertThat(r.get("verdict").asText()).isEqualTo("collecting");
        assertThat(r.get("confidence").asDouble()).isCloseTo(1 - 0.05 / 2, within(1e-12)); // two variants: Bonferroni
        assertThat(report(0, 3, "sequential").get("comparisons").get(1).get("method").asText()).isEqualTo("sequential");
    }

    @Test
    void aFixedHorizonTestIsTakenOnceOnTheDayBothArmsReachedTheHorizon() {
        fixture();
        TestServer.Reply reply = server.admin("GET", "/api/v1/sites/" + SITE + "/campaigns/exp/report?from=" + day(0)
                + "&to=" + day(3) + "&method=fixed&horizon=2", null);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode b = null;
        for (JsonNode c : reply.json().get("comparisons")) if (c.get("arm").asText().equals("b")) b = c;
        assertThat(b).isNotNull();
        // b's second exposed visitor came on day 1 (control's too); B3 on day 3 is after the test was taken
        assertThat(b.get("decided_on").asText()).isEqualTo(day(1));
        assertThat(b.get("control_rate").asDouble()).isCloseTo(1.0 / 2, within(1e-12));
        assertThat(b.get("rate").asDouble()).as("B1 of B1, B2: not B3's later conversion").isCloseTo(1.0 / 2, within(1e-12));
        assertThat(arm(reply.json(), "b").get("goal_rate").asDouble()).as("the arm's own figures cover the range")
                .isCloseTo(2.0 / 3, within(1e-12));

        JsonNode early = server.admin("GET", "/api/v1/sites/" + SITE + "/campaigns/exp/report?from=" + day(0)
                + "&to=" + day(0) + "&method=fixed&horizon=2", null).json();
        assertThat(early.get("comparisons").get(0).get("decided_on").isNull()).as("not reached yet").isTrue();
    }

    @Test
    void theDailySeriesPutsExposuresAndConversionsOnTheExposureDayAndGoalsOnTheirOwnDay() {
        fixture();
        JsonNode daily = report(0, 3, "sequential").get("daily");
        assertThat(daily).hasSize(4);
        assertThat(daily.get(0).get("date").asText()).isEqualTo(day(0));
        JsonNode a0 = daily.get(0).get("arms").get(1), b1 = daily.get(1).get("arms").get(2), b2 = daily.get(2).get("arms").get(2);
        assertThat(a0.get("arm").asText()).isEqualTo("a");
        assertArm(a0, 3, 3, 3, 1, 1, 2, 5000);
        assertThat(a0.get("goals").asLong()).isEqualTo(2);
        assertArm(b1, 2, 3, 3, 0, 0, 1, 1500);
        assertThat(b1.get("goals").asLong()).isZero();
        assertArm(b2, 0, 0, 0, 0, 0, 0, 0);
        assertThat(b2.get("goals").asLong()).isEqualTo(1); // B1's conversion happened on day 2

        JsonNode day1 = report(1, 1, "fixed");
        assertArm(arm(day1, "control"), 1, 2, 1, 0, 0, 0, 0);
        assertArm(arm(day1, "a"), 0, 1, 0, 0, 0, 0, 0);
        assertArm(arm(day1, "b"), 2, 3, 3, 0, 0, 1, 1500);
    }

    @Test
    void theJourneyAndAnEventFunnelCountTheFixtureExactly() {
        fixture();
        JsonNode all = journey(0, 3);
        // attract: all 10 first seen; engage: shown an action (A1-A3, B1-B3; control saw nothing);
        // convert: first purchase after that (A1, A3, B1, B3; A2 bought first); retain: A1's second purchase
        assertThat(visitors(all, "phases")).containsExactly(10L, 6L, 4L, 1L);
        assertThat(all.at("/phases/0/by_source/direct").asLong()).isEqualTo(10);
        assertThat(all.at("/phases/1/drop_off").asLong()).isEqualTo(4);
        assertThat(visitors(journey(0, 0), "phases")).containsExactly(4L, 3L, 1L, 0L);
        assertThat(visitors(journey(1, 3), "phases")).containsExactly(6L, 3L, 2L, 0L);

        JsonNode f = funnel(0, 3, "view", "_action_shown", "buy");
        assertThat(visitors(f, "steps")).containsExactly(10L, 6L, 4L);
        assertThat(f.at("/steps/1/drop_off").asLong()).isEqualTo(4);
        assertThat(f.at("/steps/2/rate_from_first").asDouble()).isCloseTo(4.0 / 10, within(1e-12));
        assertThat(visitors(funnel(0, 0, "view", "_action_shown", "buy"), "steps")).containsExactly(4L, 3L, 1L);
    }

    @Test
    void theOverviewShowsTheLastMinutesAndTodaysGoals() {
        fixture();
        TestServer.Reply r = server.admin("GET", "/api/v1/sites/" + SITE + "/overview", null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode o = r.json();
        assertThat(o.get("active_visitors").asLong()).isEqualTo(2); // A3 and B3, at h75
        assertThat(o.get("events_last_hour").asLong()).isEqualTo(5); // A3 buy; B3 view, delivery, shown, buy
        assertThat(o.get("deliveries_last_hour").asLong()).isEqualTo(1);
        assertThat(o.get("goals_today").asLong()).isEqualTo(1);
        assertThat(o.get("minutes")).hasSize(60);
    }

    @Test
    void countersSurviveARestart() {
        fixture();
        JsonNode before = everything();
        restart();
        assertThat(everything()).isEqualTo(before);
    }

    @Test
    void countersAreRebuiltFromTheJournalAloneWhenThereIsNoCheckpoint() {
        fixture();
        JsonNode before = everything();
        server.close();
        try (Storage s = reopen(data)) {
            s.checkpoints().delete(SITE);
        }
        server = TestServer.start(data, this::reopen);
        assertThat(everything()).isEqualTo(before);
    }

    @Test
    void countersFromAnOlderCheckpointPlusTheJournalAfterItAreExact() {
        firstHalf();
        server.app().checkpointAll();
        CheckpointStore.Checkpoint half = server.app().storage().checkpoints().load(SITE).orElseThrow();
        secondHalf();
        JsonNode before = everything();
        server.close();
        try (Storage s = reopen(data)) {
            s.checkpoints().save(SITE, half); // as if the process died before its next checkpoint
        }
        server = TestServer.start(data, this::reopen);
        assertThat(everything()).isEqualTo(before);
        // and a click retried after the restart is still not counted twice
        assertThat(server.track("""
                {"site": "%s", "visitor": "%s", "page": {"url": "https://shop.example/"},
                 "events": [{"id": "e_click_A1", "name": "_action_clicked", "properties":
                   {"campaign": "exp", "variant": "a", "action": "a_x"}}], "decide": false}"""
                .formatted(key, visitor("A1"))).json().get("duplicates").asInt()).isEqualTo(1);
        assertThat(arm(report(0, 3, "fixed"), "a").get("clicks").asLong()).isEqualTo(1);
    }

    @Test
    void aCheckpointWrittenBeforeTheCountersExistedIsIgnoredAndTheJournalReplayed() {
        fixture();
        JsonNode before = everything();
        server.app().checkpointAll();
        CheckpointStore.Checkpoint cp = server.app().storage().checkpoints().load(SITE).orElseThrow();
        server.close();
        java.util.Map<String, byte[]> profilesOnly = new java.util.HashMap<>(cp.profiles());
        profilesOnly.remove("#measures");
        try (Storage s = reopen(data)) {
            s.checkpoints().save(SITE, new CheckpointStore.Checkpoint(cp.seq(), profilesOnly));
        }
        server = TestServer.start(data, this::reopen);
        assertThat(everything()).isEqualTo(before);
    }

    private JsonNode everything() {
        var o = TestServer.object();
        o.set("report", report(0, 3, "sequential"));
        o.set("fixed", report(0, 3, "fixed"));
        o.set("journey", journey(0, 3));
        o.set("funnel", funnel(0, 3, "view", "_action_shown", "buy"));
        return o;
    }

    private void restart() {
        server.close();
        server = TestServer.start(data, this::reopen);
    }

    @Test
    void badRangesAndMethodsAreRefusedNamingTheField() {
        String base = "/api/v1/sites/" + SITE + "/campaigns/exp/report";
        assertError(server.admin("GET", base + "?from=2026-13-01", null), 400, "from");
        assertError(server.admin("GET", base + "?to=yesterday", null), 400, "to");
        assertError(server.admin("GET", base + "?from=2026-11-10&to=2026-11-01", null), 400, "from");
        assertError(server.admin("GET", base + "?from=2020-01-01&to=2026-11-01", null), 400, "to");
        assertError(server.admin("GET", base + "?method=bayes", null), 400, "method");
        assertError(server.admin("GET", base + "?horizon=-3", null), 400, "horizon");
        assertError(server.admin("GET", "/api/v1/sites/" + SITE + "/campaigns/nope/report", null), 404, "id");
        assertError(server.admin("GET", "/api/v1/sites/site_nothere/campaigns/exp/report", null), 404, "site");
        assertError(server.admin("GET", "/api/v1/sites/" + SITE + "/funnels/journey?from=11/01/2026", null), 400, "from");
        assertError(server.admin("POST", "/api/v1/sites/" + SITE + "/funnels", "{\"steps\": [\"view\", 3]}"), 400, "steps[1]");
        assertError(server.admin("POST", "/api/v1/sites/" + SITE + "/funnels", "{\"steps\": [\"view\", \"cart\", \"view\"]}"), 400, "steps[2]");
        assertError(server.admin("POST", "/api/v1/sites/" + SITE + "/funnels", "{\"steps\": []}"), 400, "steps");
        assertError(server.admin("POST", "/api/v1/sites/" + SITE + "/funnels", "{\"steps\": [\"view\"], \"from\": 3}"), 400, "from");
        TestServer.Reply two = server.admin("GET", base + "?from=x&to=y", null);
        assertThat(two.json().at("/error/errors")).hasSize(2);
    }

    @Test
    void aReportWithoutDatesCoversTheDaysWithDataUpToToday() {
        at(1);
        shown("A1", view("A1", false));
        JsonNode r = server.admin("GET", "/api/v1/sites/" + SITE + "/campaigns/exp/report", null).json();
        assertThat(r.get("from").asText()).isEqualTo(day(0));
        assertThat(r.get("to").asText()).isEqualTo(day(0));
        assertArm(arm(r, "a"), 1, 1, 1, 0, 0, 0, 0);
    }

    @Test
    void aBanditCampaignIsHandedItsVariantsLiveCounts() {
        assertThat(server.admin("PUT", "/api/v1/sites/" + SITE + "/campaigns/exp",
                CAMPAIGN.replace("\"control\"", "\"allocation\": \"bandit\", \"control\"")).status()).isIn(200, 201);
        at(1);
        controlFired("C1", view("C1", true)); // control: held out by hash, as without a bandit
        TestServer.Reply r = server.admin("GET", "/api/v1/sites/" + SITE + "/campaigns/exp/report", null);
        assertThat(r.json().get("allocation").asText()).isEqualTo("bandit");
        assertThat(r.json().get("probability_best").size()).isEqualTo(2);
        server.app().publishBanditCounts();
        var bandits = server.app().sites().byId(SITE).engine().configuration().bandits();
        assertThat(bandits.of("exp", List.of("a", "b"))).containsExactly(ArmStats.empty("a"), ArmStats.empty("b"));
        String id = "v_bandit01";
        ids.put("bandit", id);
        TestServer.Reply v = server.track("""
                {"site": "%s", "visitor": "%s", "page": {"url": "https://shop.example/"},
                 "events": [{"id": "e_bandit", "name": "view"}], "decide": true}""".formatted(key, id));
        JsonNode action = v.json().get("actions").get(0);
        if (!action.get("control").asBoolean()) {
            report("bandit", "_action_shown", action, "e_bandit_shown");
            server.app().publishBanditCounts();
            String variant = action.get("variant").asText();
            assertThat(bandits.of("exp", List.of(variant)).getFirst().exposed()).isEqualTo(1);
        }
    }

    @Test
    void theOpenApiDocumentListsTheMeasurementRoutesWithTheirQueryParameters() {
        JsonNode doc = server.send("GET", "/api/v1/openapi.json", null).json();
        JsonNode report = doc.at("/paths/~1api~1v1~1sites~1{site}~1campaigns~1{id}~1report/get");
        assertThat(report.isMissingNode()).isFalse();
        List<String> params = new ArrayList<>();
        report.get("parameters").forEach(p -> params.add(p.get("name").asText()));
        assertThat(params).contains("site", "id", "from", "to", "method", "horizon");
        assertThat(doc.get("paths").has("/api/v1/sites/{site}/funnels/journey")).isTrue();
        assertThat(doc.get("paths").has("/api/v1/sites/{site}/funnels")).isTrue();
        assertThat(doc.get("paths").has("/api/v1/sites/{site}/overview")).isTrue();
    }

    private static void assertError(TestServer.Reply r, int status, String path) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.json().at("/error/path").asText()).as(r.body()).isEqualTo(path);
    }
}
