package dev.omotenashi.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omotenashi.server.console.ConsoleAuth;
import dev.omotenashi.server.store.Storage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/sites/{site}/audience/count} over real HTTP, run against every storage backend: an
 * unsaved audience is counted as a saved segment is, validated as one is, and opened to whoever may read
 * the site (a viewer too), never to another site's token.
 */
public abstract class AudienceCountContract {
    private static final String PATH = "/api/v1/sites/site_alpha/audience/count";
    private static final String PASSWORD = "a long enough password";

    @TempDir
    Path data;
    protected TestServer server;
    private String key;

    protected abstract Storage storage(Path data);

    @BeforeEach
    void start() {
        server = TestServer.start(data, this::storage);
        key = server.createSite("site_alpha").get("key").asText();
        server.createSite("site_bravo");
        // three visitors: two put something in the cart (4,500 and 900 yen), one only looked
        track("v_visitor01", "e_1", "view", "{}");
        track("v_visitor02", "e_2", "cart", "{\"in_cart_price\": 4500}");
        track("v_visitor03", "e_3", "cart", "{\"in_cart_price\": 900}");
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    private void track(String visitor, String id, String event, String props) {
        TestServer.Reply r = server.track("""
                {"site": "%s", "visitor": "%s", "page": {"url": "https://shop.example/"},
                 "events": [{"id": "%s", "name": "%s", "properties": %s}]}""".formatted(key, visitor, id, event, props));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private TestServer.Reply count(String condition) {
        return server.admin("POST", PATH, "{\"condition\": " + condition + "}");
    }

    private static List<String> paths(TestServer.Reply r) {
        List<String> out = new ArrayList<>();
        r.json().at("/error/errors").forEach(e -> out.add(e.get("path").asText()));
        return out;
    }

    @Test
    void countsTheProfilesThatMatchNowAndHowManyThereAre() {
        TestServer.Reply carted = count("{\"event\": \"cart\", \"agg\": \"count\", \"op\": \"gte\", \"value\": 1}");
        assertThat(carted.status()).as(carted.body()).isEqualTo(200);
        assertThat(carted.json().get("count").asLong()).isEqualTo(2);
        assertThat(carted.json().get("profiles").asLong()).isEqualTo(3);
        assertThat(carted.json().get("not_kept")).isEmpty();
        assertThat(count("{\"not\": {\"event\": \"cart\", \"agg\": \"count\", \"op\": \"gte\", \"value\": 1}}").json().get("count").asLong()).isEqualTo(1);
        assertThat(count("{\"all\": []}").json().get("count").asLong()).isEqualTo(3);
        assertThat(count("{\"any\": []}").json().get("count").asLong()).isEqualTo(0);
    }

    @Test
    void givesWhatTheSavedSegmentCountGivesForTheSameCondition() {
        String condition = "{\"event\": \"cart\", \"property\": \"in_cart_price\", \"agg\": \"latest\", \"op\": \"gte\", \"value\": 1000}";
        assertThat(server.admin("PUT", "/api/v1/sites/site_alpha/segments/big-cart",
                "{\"name\": \"Big cart\", \"condition\": " + condition + "}").status()).isEqualTo(201);
        track("v_visitor04", "e_4", "cart", "{\"in_cart_price\": 5200}");
        long saved = server.admin("GET", "/api/v1/sites/site_alpha/segments/big-cart/count", null).json().get("count").asLong();
        TestServer.Reply adHoc = count(condition);
        assertThat(adHoc.json().get("count").asLong()).isEqualTo(saved).isEqualTo(1);
        assertThat(adHoc.json().get("not_kept")).isEmpty();
        assertThat(count("{\"segment\": \"big-cart\"}").json().get("count").asLong()).isEqualTo(1);
    }

    @Test
    void saysWhatProfilesDoNotKeepYet() {
        TestServer.Reply r = count("{\"event\": \"cart\", \"property\": \"in_cart_price\", \"agg\": \"max\", \"op\": \"gte\", \"value\": 1}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("not_kept").get(0).asText()).isEqualTo("cart.in_cart_price");
    }

    @Test
    void anInvalidConditionIsRefusedWithEveryProblemsPath() {
        TestServer.Reply r = count("""
                {"all": [{"attr": "visitor.visits", "op": "gte", "value": "many"},
                         {"event": "", "agg": "count", "op": "gte", "value": 1},
                         {"attr": "session.device", "op": "eq", "value": "fridge"}]}""");
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(paths(r)).contains("condition.all[0].value", "condition.all[1].event", "condition.all[2].value");
    }

    @Test
    void anUnknownSegmentOrCampaignIsRefusedNamingItsPath() {
        TestServer.Reply r = count("{\"any\": [{\"segment\": \"nope\"}, {\"action\": \"ghost\", \"metric\": \"shown\", \"op\": \"gte\", \"value\": 1}]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(paths(r)).containsExactlyInAnyOrder("condition.any[0].segment", "condition.any[1].action");
        assertThat(r.json().at("/error/errors/0/code").asText()).isEqualTo("unknown_reference");
    }

    @Test
    void theBodyMustHoldAConditionAndNothingElse() {
        TestServer.Reply missing = server.admin("POST", PATH, "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(paths(missing)).containsExactly("condition");
        TestServer.Reply extra = server.admin("POST", PATH, "{\"condition\": {\"all\": []}, \"conditon\": 1}");
        assertThat(extra.status()).isEqualTo(400);
        assertThat(paths(extra)).containsExactly("conditon");
        assertThat(server.admin("POST", PATH, "[1]").status()).isEqualTo(400);
        assertThat(server.admin("POST", PATH, "{not json").json().at("/error/code").asText()).isEqualTo("malformed_json");
    }

    @Test
    void countingStoresNothing() {
        count("{\"segment\": \"nope\"}");
        count("{\"attr\": \"visitor.visits\", \"op\": \"gte\", \"value\": 1}");
        assertThat(server.admin("GET", "/api/v1/sites/site_alpha/segments", null).json().get("items")).isEmpty();
    }

    @Test
    void theOpenApiDocumentDescribesIt() {
        JsonNode op = server.send("GET", "/api/v1/openapi.json", null).json().at("/paths/~1api~1v1~1sites~1{site}~1audience~1count/post");
        assertThat(op.isObject()).isTrue();
        assertThat(op.at("/parameters/0/name").asText()).isEqualTo("site");
        assertThat(op.at("/responses/400").isMissingNode()).isFalse();
    }

    @Test
    void anUnknownSiteIsNotFound() {
        assertThat(server.admin("POST", "/api/v1/sites/site_nowhere/audience/count", "{\"condition\": {\"all\": []}}").status()).isEqualTo(404);
    }

    @Test
    void aSiteTokenCountsItsOwnSiteOnly() {
        String alpha = server.admin("POST", "/api/v1/sites/site_alpha/tokens", "{}").json().get("token").asText();
        String bravo = server.admin("POST", "/api/v1/sites/site_bravo/tokens", "{}").json().get("token").asText();
        String body = "{\"condition\": {\"all\": []}}";
        assertThat(server.send("POST", PATH, body, "Authorization", "Bearer " + alpha, "Content-Type", "application/json").status()).isEqualTo(200);
        assertThat(server.send("POST", PATH, body, "Authorization", "Bearer " + bravo, "Content-Type", "application/json").status()).isEqualTo(403);
        assertThat(server.send("POST", PATH, body, "Content-Type", "application/json").status()).isEqualTo(401);
    }

    @Test
    void aViewerMayCountButNotSave() {
        assertThat(server.admin("POST", "/api/v1/operators",
                "{\"login\": \"miki\", \"role\": \"viewer\", \"password\": \"%s\"}".formatted(PASSWORD)).status()).isEqualTo(201);
        TestServer.Reply in = server.send("POST", "/api/v1/console/session",
                "{\"login\": \"miki\", \"password\": \"%s\"}".formatted(PASSWORD), "Content-Type", "application/json");
        assertThat(in.status()).as(in.body()).isEqualTo(200);
        String set = in.header("Set-Cookie");
        String cookie = set.substring(0, set.indexOf(';'));
        String csrf = in.json().get("csrf").asText();
        String[] browser = {"Cookie", cookie, "Content-Type", "application/json", ConsoleAuth.CSRF_HEADER, csrf};
        TestServer.Reply counted = server.send("POST", PATH, "{\"condition\": {\"segment\": \"nope\"}}", browser);
        assertThat(counted.status()).as("a viewer is told what is wrong, not refused").isEqualTo(400);
        JsonNode ok = server.send("POST", PATH, "{\"condition\": {\"all\": []}}", browser).json();
        assertThat(ok.get("count").asLong()).isEqualTo(3);
        assertThat(server.send("PUT", "/api/v1/sites/site_alpha/segments/all", "{\"name\": \"All\", \"condition\": {\"all\": []}}", browser).status())
                .isEqualTo(403);
        String[] noCsrf = {"Cookie", cookie, "Content-Type", "application/json"};
        assertThat(server.send("POST", PATH, "{\"condition\": {\"all\": []}}", noCsrf).status()).as("a cookie write needs its CSRF token").isEqualTo(403);
    }
}
