package dev.omotenashi.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omotenashi.server.site.LiveSite;
import dev.omotenashi.server.store.CheckpointStore;
import dev.omotenashi.server.store.Storage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server over real HTTP, both doors and the admin API, run against every storage backend (a subclass
 * per backend gives {@link #storage}).
 */
public abstract class ServerContract {
    @TempDir
    Path data;
    protected TestServer server;
    protected JsonNode site;

    /** Opens the backend under test (a fresh, empty one). */
    protected abstract Storage storage(Path data);

    @BeforeEach
    void start() {
        server = TestServer.start(data, this::storage);
        site = server.createSite("site_alpha");
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    protected String key() {
        return site.get("key").asText();
    }

    protected String view(String visitor, String id, String path) {
        return """
                {"site": "%s", "visitor": "%s", "page": {"url": "https://shop.example%s", "title": "t"},
                 "context": {"mobile": false},
                 "events": [{"id": "%s", "name": "view"}], "decide": true}""".formatted(key(), visitor, path, id);
    }

    protected void putCampaign(String id, String json) {
        TestServer.Reply r = server.admin("PUT", "/api/v1/sites/site_alpha/campaigns/" + id, json);
        assertThat(r.status()).as(r.body()).isIn(200, 201);
    }

    static final String NUDGE = """
            {"id": "free-shipping-nudge", "name": "A little more for free shipping", "status": "live",
             "audience": {"event": "cart", "property": "in_cart_price", "agg": "latest", "op": "between", "value": [4000, 5000]},
             "pages": {"attr": "page.path", "op": "eq", "value": "/cart"},
             "creative": {"template": "notice_bar", "content": {"text": "Only {{ 5000 - event.cart.in_cart_price.latest }} yen more for free shipping!"}},
             "frequency": {"per": "pageview"}}""";

    @Test
    void theTagsDoorAnswersWithTheActionsOfTheNextEvent() {
        putCampaign("free-shipping-nudge", NUDGE);
        String body = """
                {"site": "%s", "visitor": "v_visitor01", "page": {"url": "https://shop.example/cart"},
                 "events": [{"id": "e_1", "name": "cart", "properties": {"in_cart_price": 4500}},
                            {"id": "e_2", "name": "view"}], "decide": true}""".formatted(key());
        TestServer.Reply r = server.track(body, "Origin", "https://shop.example");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("https://shop.example");
        JsonNode answer = r.json();
        assertThat(answer.get("visitor").asText()).isEqualTo("v_visitor01");
        assertThat(answer.get("session").asText()).startsWith("s_");
        assertThat(answer.get("actions")).hasSize(1);
        assertThat(answer.at("/actions/0/content/text").asText()).isEqualTo("Only 500 yen more for free shipping!");
        assertThat(answer.at("/actions/0/trigger/on").asText()).isEqualTo("load");
    }

    @Test
    void textPlainBodiesAreAcceptedForSendBeacon() {
        TestServer.Reply r = server.send("POST", "/v1/t", view("v_visitor01", "e_1", "/"), "Content-Type", "text/plain");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void aVisitorIdIsMintedWhenTheRequestHasNone() {
        TestServer.Reply r = server.track("""
                {"site": "%s", "page": {"url": "https://shop.example/"}, "events": [{"id": "e_1", "name": "view"}]}""".formatted(key()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("visitor").asText()).startsWith("v_");
    }

    @Test
    void aRepeatedEventIdIsAcknowledgedAndNotCountedTwice() {
        assertThat(server.track(view("v_visitor01", "e_same", "/")).status()).isEqualTo(200);
        TestServer.Reply again = server.track(view("v_visitor01", "e_same", "/"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("duplicates").asInt()).isEqualTo(1);
        JsonNode profile = server.admin("GET", "/api/v1/sites/site_alpha/profiles/v_visitor01", null).json();
        assertThat(profile.at("/events/view/count_all").asDouble()).isEqualTo(1.0);
    }

    /**
     * Only ids a client sent make a later event a retry: the ids of what the server wrote (a delivery, whose
     * id is the action's) are nobody's retry, so a client event that happens to carry one is counted.
     */
    @Test
    void onlyTheClientsOwnEventIdsMakeARetry() {
        putCampaign("free-shipping-nudge", NUDGE);
        TestServer.Reply first = server.track("""
                {"site": "%s", "visitor": "v_visitor01", "page": {"url": "https://shop.example/cart"},
                 "events": [{"id": "e_cart", "name": "cart", "properties": {"in_cart_price": 4500}}], "decide": true}""".formatted(key()));
        assertThat(first.json().get("actions")).as(first.body()).hasSize(1);
        String actionId = first.json().at("/actions/0/action").asText();
        TestServer.Reply odd = server.track(view("v_visitor01", actionId, "/"));
        assertThat(odd.status()).as(odd.body()).isEqualTo(200);
        assertThat(odd.json().path("duplicates").asInt()).as(odd.body()).isZero();
        JsonNode profile = server.admin("GET", "/api/v1/sites/site_alpha/profiles/v_visitor01", null).json();
        assertThat(profile.at("/events/view/count_all").asDouble()).isEqualTo(1.0);
        assertThat(server.track(view("v_visitor01", actionId, "/")).json().get("duplicates").asInt()).isEqualTo(1);
    }

    @Test
    void anUnknownSiteKeyIs401AndAForeignOriginIs403() {
        TestServer.Reply unknown = server.track(view("v_visitor01", "e_1", "/").replace(key(), "pk_nope"));
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.json().at("/error/path").asText()).isEqualTo("site");
        TestServer.Reply foreign = server.track(view("v_visitor01", "e_1", "/"), "Origin", "https://evil.example");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.json().at("/error/code").asText()).isEqualTo("origin_not_allowed");
    }

    @Test
    void anOriginIsCheckedAgainstTheDomainsOfTheMomentNotThoseItWasFirstCheckedAgainst() {
        assertThat(server.track(view("v_visitor01", "e_1", "/"), "Origin", "https://www.shop.example").status()).isEqualTo(200);
        assertThat(server.track(view("v_visitor01", "e_2", "/"), "Origin", "https://other.example").status()).isEqualTo(403);

        TestServer.Reply moved = server.admin("PATCH", "/api/v1/sites/site_alpha", "{\"domains\": [\"other.example\"]}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);

        TestServer.Reply old = server.track(view("v_visitor01", "e_3", "/"), "Origin", "https://www.shop.example");
        assertThat(old.status()).as("the origin allowed before the change").isEqualTo(403);
        assertThat(server.track(view("v_visitor01", "e_4", "/"), "Origin", "https://other.example").status())
                .as("the origin refused before the change").isEqualTo(200);
    }

    @Test
    void badInputIs400NamingTheFieldAndChangesNothing() {
        TestServer.Reply r = server.track("""
                {"site": "%s", "visitor": "v_visitor01", "events": [{"id": "e_1", "name": "view"}, {"id": "e_2", "name": 42}]}""".formatted(key()));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/error/path").asText()).isEqualTo("events[1].name");
        assertThat(server.admin("GET", "/api/v1/sites/site_alpha/profiles/v_visitor01", null).status()).isEqualTo(404);
        assertThat(server.track("{not json").status()).isEqualTo(400);
    }

    @Test
    void aRequestOverTheLimitIs413() {
        byte[] big = ("{\"site\": \"" + key() + "\", \"pad\": \"" + "x".repeat(600 * 1024) + "\"}").getBytes();
        TestServer.Reply r = server.sendBytes("POST", "/v1/t", big, "Content-Type", "application/json");
        assertThat(r.status()).isEqualTo(413);
    }

    @Test
    void aChunkedBodyWithoutContentLengthIsReadWhole() throws Exception {
        byte[] body = view("v_chunked01", "e_chunk_1", "/").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.base() + "/v1/t"))
                        .header("Content-Type", "application/json")
                        // an input-stream body is sent chunked: no Content-Length, the server reads to the end
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"visitor\":\"v_chunked01\"");
        assertThat(server.admin("GET", "/api/v1/sites/site_alpha/profiles/v_chunked01", null).status()).isEqualTo(200);
    }

    @Test
    void aBodyShorterThanItsContentLengthIs400AndStoresNothing() throws Exception {
        // a small body (read into an array of its declared length) and a large one (read as it arrives)
        for (int pad : new int[] {0, 40_000}) {
            String visitor = "v_short" + pad;
            String json = view(visitor, "e_short_" + pad, "/");
            json = json.substring(0, json.length() - 1) + ", \"pad\": \"" + "x".repeat(pad) + "\"}";
            byte[] body = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            java.net.URI u = java.net.URI.create(server.base());
            try (java.net.Socket socket = new java.net.Socket(u.getHost(), u.getPort())) {
                socket.setSoTimeout(10_000);
                java.io.OutputStream out = socket.getOutputStream();
                out.write(("POST /v1/t HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                        + (body.length + 40) + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                socket.shutdownOutput(); // the client promised 40 more bytes and stopped
                String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(answer).as("pad %d", pad).startsWith("HTTP/1.1 400");
            }
            assertThat(server.admin("GET", "/api/v1/sites/site_alpha/profiles/" + visitor, null).status()).isEqualTo(404);
        }
    }

    @Test
    void theSegmentDoorFeedsProfilesWithTheWriteKey() {
        String writeKey = site.get("write_key").asText();
        TestServer.Reply identify = server.segment("identify", writeKey, """
                {"userId": "u_42", "anonymousId": "anon-0001", "traits": {"member_rank": "gold"}, "messageId": "m_1"}""");
        assertThat(identify.status()).as(identify.body()).isEqualTo(200);
        assertThat(identify.json().get("success").asBoolean()).isTrue();
        TestServer.Reply batch = server.segment("batch", writeKey, """
                {"batch": [{"type": "page", "anonymousId": "anon-0001", "messageId": "m_2", "properties": {"url": "https://shop.example/items/1"}},
                           {"type": "track", "anonymousId": "anon-0001", "event": "cart", "messageId": "m_3", "properties": {"in_cart_price": 3000}}],
                 "context": {"userAgent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131 Safari/537.36"}}""");
        assertThat(batch.status()).as(batch.body()).isEqualTo(200);
        JsonNode person = server.admin("GET", "/api/v1/sites/site_alpha/users/u_42", null).json();
        assertThat(person.at("/traits/member_rank").asText()).isEqualTo("gold");
        assertThat(person.at("/events/view/count_all").asDouble()).isEqualTo(1.0);
        assertThat(person.at("/events/cart/count_all").asDouble()).isEqualTo(1.0);
        assertThat(server.segment("track", "wk_wrong", "{\"anonymousId\": \"a\", \"event\": \"x\"}").status()).isEqualTo(401);
        TestServer.Reply bad = server.segment("track", writeKey, "{\"anonymousId\": \"anon-0001\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/error/path").asText()).isEqualTo("event");
    }

    @Test
    void segmentTimestampsAreCorrectedForClockSkew() {
        String writeKey = site.get("write_key").asText();
        // the client's clock is 1 hour ahead: it sent at 11:00 an event of 10:59 by its clock
        server.segment("track", writeKey, """
                {"anonymousId": "anon-skew1", "event": "cart", "messageId": "m_skew",
                 "timestamp": "2030-01-01T10:59:00Z", "sentAt": "2030-01-01T11:00:00Z"}""");
        TestServer.Reply timeline = server.admin("GET", "/api/v1/sites/site_alpha/profiles/anon-skew1/events", null);
        long ts = java.time.Instant.parse(timeline.json().at("/events/0/ts").asText()).toEpochMilli();
        long now = server.app().clock().millis();
        assertThat(now - ts).isBetween(59_000L, 61_000L + 10_000L);
    }

    @Test
    void configurationIsValidatedWithEveryPathAndTakesEffectForTheNextEvent() {
        TestServer.Reply bad = server.admin("PUT", "/api/v1/sites/site_alpha/campaigns/x", """
                {"id": "x", "name": "x", "status": "live", "audience": {"attr": "visitor.visits", "op": "gt"},
                 "creative": {"template": "popup", "content": {"title": "hi"}}, "priority": "high"}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/error/errors")).extracting(e -> e.get("path").asText())
                .contains("audience.value", "priority");
        assertThat(server.admin("GET", "/api/v1/sites/site_alpha/campaigns/x", null).status()).isEqualTo(404);

        putCampaign("welcome", """
                {"id": "welcome", "name": "Welcome", "status": "live", "audience": {"attr": "visitor.visits", "op": "eq", "value": 1},
                 "creative": {"template": "popup", "content": {"title": "ようこそ"}}}""");
        JsonNode first = server.track(view("v_visitor02", "e_1", "/")).json();
        assertThat(first.at("/actions/0/campaign").asText()).isEqualTo("welcome");
        assertThat(server.admin("GET", "/api/v1/sites/site_alpha/campaigns", null).json().get("items")).hasSize(1);
        assertThat(server.admin("DELETE", "/api/v1/sites/site_alpha/campaigns/welcome", null).status()).isEqualTo(204);
        assertThat(server.track(view("v_visitor02", "e_2", "/")).json().get("actions")).isEmpty();
    }

    @Test
    void segmentCountsCoverEveryProfile() {
        server.admin("PUT", "/api/v1/sites/site_alpha/segments/carted", """
                {"id": "carted", "name": "Has a cart", "condition": {"event": "cart", "agg": "count", "op": "gte", "value": 1}}""");
        for (int i = 0; i < 3; i++) {
            server.track("""
                    {"site": "%s", "visitor": "v_counted%d", "events": [{"id": "e_c%d", "name": "cart"}]}""".formatted(key(), i, i));
        }
        server.track(view("v_notcarted", "e_v", "/"));
        JsonNode count = server.admin("GET", "/api/v1/sites/site_alpha/segments/carted/count", null).json();
        assertThat(count.get("count").asLong()).isEqualTo(3);
        JsonNode profile = server.admin("GET", "/api/v1/sites/site_alpha/profiles/v_counted0", null).json();
        assertThat(profile.get("segments")).extracting(JsonNode::asText).containsExactly("carted");
    }

    @Test
    void thePreviewSaysWhyEachCampaignWouldNotShow() {
        putCampaign("free-shipping-nudge", NUDGE);
        JsonNode preview = server.admin("POST", "/api/v1/sites/site_alpha/decide/preview", """
                {"profile": {"events": [{"name": "cart", "properties": {"in_cart_price": 3000}}]},
                 "page": {"url": "https://shop.example/cart"}}""").json();
        assertThat(preview.at("/campaigns/0/reason").asText()).isEqualTo("audience");
        JsonNode yes = server.admin("POST", "/api/v1/sites/site_alpha/decide/preview", """
                {"profile": {"events": [{"name": "cart", "properties": {"in_cart_price": 4200}}]},
                 "page": {"url": "https://shop.example/cart"}}""").json();
        assertThat(yes.at("/actions/0/content/text").asText()).isEqualTo("Only 800 yen more for free shipping!");
        JsonNode page = server.admin("POST", "/api/v1/sites/site_alpha/decide/preview", """
                {"profile": {"events": [{"name": "cart", "properties": {"in_cart_price": 4200}}]},
                 "page": {"url": "https://shop.example/"}}""").json();
        assertThat(page.at("/campaigns/0/reason").asText()).isEqualTo("page");
    }

    @Test
    void theTimelineListsEventsNewestFirstInPages() {
        for (int i = 0; i < 5; i++) server.track(view("v_visitor03", "e_t" + i, "/items/" + i));
        JsonNode first = server.admin("GET", "/api/v1/sites/site_alpha/profiles/v_visitor03/events?limit=2", null).json();
        assertThat(first.get("events")).extracting(e -> e.get("id").asText()).containsExactly("e_t4", "e_t3");
        long before = first.get("next_before").asLong();
        JsonNode second = server.admin("GET", "/api/v1/sites/site_alpha/profiles/v_visitor03/events?limit=2&before=" + before, null).json();
        assertThat(second.get("events")).extracting(e -> e.get("id").asText()).containsExactly("e_t2", "e_t1");
    }

    /**
     * The journal chains each browser's records (docs/storage.md): the chain's head lives in the profile, so it
     * has to survive a checkpoint, a restart and the browser joining a person; forgetting the person deletes
     * the chains of all their browsers, and nobody else's records.
     */
    @Test
    void theTimelineFollowsEachBrowserThroughRestartsAndIdentityAndForgettingDeletesExactlyThePersons() {
        server.track(view("v_chainA", "e_a1", "/items/1"));
        server.track(view("v_chainB", "e_b1", "/items/1"));
        server.track(view("v_chainA", "e_a2", "/items/2"));
        server.app().checkpointAll();
        server.track(view("v_chainA", "e_a3", "/items/3")); // only in the journal after the checkpoint
        server.track(view("v_chainB", "e_b2", "/items/2"));
        server.track(view("v_chainC", "e_c0", "/items/9")); // anonymous: joins the person below
        server.close();
        server = TestServer.start(data, d -> reopen(d));
        server.track("""
                {"site": "%s", "visitor": "v_chainA", "user": "u_chain", "page": {"url": "https://shop.example/"},
                 "events": [{"id": "e_a4", "name": "view"}]}""".formatted(key()));
        server.track("""
                {"site": "%s", "visitor": "v_chainC", "user": "u_chain", "page": {"url": "https://shop.example/"},
                 "events": [{"id": "e_c1", "name": "view"}]}""".formatted(key()));
        server.track(view("v_chainA", "e_a5", "/cart"));

        assertThat(timeline("v_chainA", "")).containsExactly("e_a5", "e_a4", "e_a3", "e_a2", "e_a1");
        assertThat(timeline("v_chainA", "?limit=2")).containsExactly("e_a5", "e_a4");
        assertThat(timeline("v_chainB", "")).containsExactly("e_b2", "e_b1");
        assertThat(timeline("v_chainC", "")).containsExactly("e_c1", "e_c0");

        TestServer.Reply forgot = server.admin("DELETE", "/api/v1/sites/site_alpha/users/u_chain", null);
        assertThat(forgot.status()).as(forgot.body()).isEqualTo(200);
        assertThat(forgot.json().get("journal_records").asInt()).isEqualTo(7);
        assertThat(timeline("v_chainA", "")).isEmpty();
        assertThat(timeline("v_chainC", "")).isEmpty();
        assertThat(timeline("v_chainB", "")).containsExactly("e_b2", "e_b1");

        // the same browser afterwards is a new anonymous visitor with a chain of its own
        server.track(view("v_chainA", "e_a6", "/"));
        assertThat(timeline("v_chainA", "")).containsExactly("e_a6");
        server.close(); // a graceful stop checkpoints: the heads come back from the checkpoint
        server = TestServer.start(data, d -> reopen(d));
        assertThat(timeline("v_chainA", "")).containsExactly("e_a6");
        assertThat(timeline("v_chainB", "")).containsExactly("e_b2", "e_b1");
        server.close();
        try (Storage stored = reopen(data)) { // without a checkpoint, the heads come back from the replay
            stored.checkpoints().delete("site_alpha");
        }
        server = TestServer.start(data, d -> reopen(d));
        assertThat(timeline("v_chainB", "")).containsExactly("e_b2", "e_b1");
        assertThat(timeline("v_chainA", "")).containsExactly("e_a6");
    }

    /** The seqs of a forgotten person's records are not handed out again, even when no checkpoint covers them. */
    @Test
    void aStartWithoutCheckpointAfterForgettingTheNewestRecordsGoesOnAfterThem() {
        server.track(view("v_stays01", "e_s1", "/"));
        for (String id : List.of("e_g1", "e_g2")) {
            TestServer.Reply r = server.track("""
                    {"site": "%s", "visitor": "v_goes01", "user": "u_goes", "page": {"url": "https://shop.example/"},
                     "events": [{"id": "%s", "name": "view"}]}""".formatted(key(), id));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        assertThat(server.admin("DELETE", "/api/v1/sites/site_alpha/users/u_goes", null).status()).isEqualTo(200);
        server.close();
        try (Storage stored = reopen(data)) { // as after the V4 migration, which drops the checkpoints
            stored.checkpoints().delete("site_alpha");
        }
        server = TestServer.start(data, d -> reopen(d));
        server.track(view("v_stays01", "e_s2", "/"));
        JsonNode page = server.admin("GET", "/api/v1/sites/site_alpha/profiles/v_stays01/events?limit=1", null).json();
        assertThat(page.get("next_before").asLong()).as("after the forgotten records' seqs 2 and 3").isEqualTo(4);
        assertThat(timeline("v_stays01", "")).containsExactly("e_s2", "e_s1");
    }

    private List<String> timeline(String visitor, String query) {
        TestServer.Reply r = server.admin("GET", "/api/v1/sites/site_alpha/profiles/" + visitor + "/events" + query, null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> ids = new java.util.ArrayList<>();
        r.json().get("events").forEach(e -> ids.add(e.get("id").asText()));
        return ids;
    }

    @Test
    void forgettingAPersonRemovesProfileAndEvents() {
        server.track("""
                {"site": "%s", "visitor": "v_forget01", "user": "u_forget", "events": [{"id": "e_f", "name": "view"}]}""".formatted(key()));
        assertThat(server.admin("DELETE", "/api/v1/sites/site_alpha/users/u_forget", null).status()).isEqualTo(200);
        assertThat(server.admin("GET", "/api/v1/sites/site_alpha/users/u_forget", null).status()).isEqualTo(404);
        assertThat(server.admin("GET", "/api/v1/sites/site_alpha/profiles/v_forget01/events", null).json().get("events")).isEmpty();
    }

    @Test
    void aRestartRebuildsProfilesFromCheckpointAndJournal() {
        putCampaign("free-shipping-nudge", NUDGE);
        for (int i = 0; i < 3; i++) server.track(view("v_restart1", "e_r" + i, "/"));
        server.app().checkpointAll();
        server.track(view("v_restart1", "e_r9", "/cart")); // after the checkpoint: only in the journal
        JsonNode before = server.admin("GET", "/api/v1/sites/site_alpha/profiles/v_restart1", null).json();
        server.close();
        server = TestServer.start(data, d -> reopen(d));
        JsonNode after = server.admin("GET", "/api/v1/sites/site_alpha/profiles/v_restart1", null).json();
        assertThat(after.at("/events/view/count_all").asDouble()).isEqualTo(4.0);
        assertThat(after.get("events")).isEqualTo(before.get("events"));
        assertThat(server.admin("GET", "/api/v1/sites/site_alpha/campaigns/free-shipping-nudge", null).status()).isEqualTo(200);
        // the retry of an event acknowledged before the restart is still recognised
        assertThat(server.track(view("v_restart1", "e_r9", "/cart")).json().get("duplicates").asInt()).isEqualTo(1);
    }

    /**
     * A checkpoint is encoded a slice at a time while requests go on; it must still hold each profile as it
     * was at the checkpoint's journal position, or the replay after it would count those requests twice.
     */
    @Test
    void aCheckpointTakenWhileRequestsArriveIsExactlyItsJournalPosition() {
        putCampaign("free-shipping-nudge", NUDGE);
        List<String> visitors = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            visitors.add("v_during" + i);
            server.track(view("v_during" + i, "e_d" + i, "/"));
        }
        int[] between = {0};
        LiveSite site = server.app().sites().byId("site_alpha");
        server.app().sites().checkpoint(site, 1, () -> { // a slice of one profile, then a request of another visitor
            int n = between[0]++;
            String visitor = n % 3 == 2 ? "v_newvisitor" + n : visitors.get((n * 5) % visitors.size());
            if (!visitors.contains(visitor)) visitors.add(visitor);
            TestServer.Reply r = server.track(view(visitor, "e_between" + n, "/cart"));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        });
        // fewer slices than profiles: the requests copied some of them first
        assertThat(between[0]).as("requests ran while the checkpoint was encoded").isBetween(6, 11);
        CheckpointStore.Checkpoint taken = server.app().storage().checkpoints().load("site_alpha").orElseThrow();
        Map<String, JsonNode> before = new java.util.LinkedHashMap<>();
        for (String v : visitors) before.put(v, server.admin("GET", "/api/v1/sites/site_alpha/profiles/" + v, null).json().get("events"));

        server.close(); // a graceful stop checkpoints again: put the one taken during the requests back
        try (Storage stored = reopen(data)) {
            stored.checkpoints().save("site_alpha", taken);
        }
        server = TestServer.start(data, d -> reopen(d));
        for (String v : visitors) {
            JsonNode after = server.admin("GET", "/api/v1/sites/site_alpha/profiles/" + v, null).json().get("events");
            assertThat(after).as(v).isEqualTo(before.get(v));
        }
        assertThat(before.get("v_during0").at("/view/count_all").asDouble()).as("changed after the checkpoint began").isGreaterThanOrEqualTo(2.0);
    }

    /**
     * Forgetting a person, or deleting the site, while a checkpoint is being encoded gives that checkpoint
     * up: saved, it would hold the person (or outlive the site) after their journal records are gone.
     */
    @Test
    void aPersonForgottenOrASiteDeletedDuringACheckpointIsNotInAnySavedCheckpoint() throws Exception {
        for (int i = 0; i < 6; i++) server.track(view("v_staying" + i, "e_s" + i, "/"));
        TestServer.Reply identified = server.track("""
                {"site": "%s", "visitor": "v_goes01", "user": "u_goes", "page": {"url": "https://shop.example/"},
                 "events": [{"id": "e_g1", "name": "view"}]}""".formatted(key()));
        assertThat(identified.status()).as(identified.body()).isEqualTo(200);
        LiveSite site = server.app().sites().byId("site_alpha");

        TestServer.Reply forgot = during(site, () -> server.admin("DELETE", "/api/v1/sites/site_alpha/users/u_goes", null));
        assertThat(forgot.status()).as(forgot.body()).isEqualTo(200);
        CheckpointStore.Checkpoint saved = server.app().storage().checkpoints().load("site_alpha").orElseThrow();
        assertThat(saved.profiles().keySet()).doesNotContain("u:u_goes").contains("v:v_staying0", "v:v_staying5");

        TestServer.Reply deleted = during(site, () -> server.admin("DELETE", "/api/v1/sites/site_alpha", null));
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(server.app().storage().checkpoints().load("site_alpha")).as("no checkpoint outlives its site").isEmpty();
    }

    /** Runs a request from another thread while a checkpoint of the site is being encoded, once it asked the checkpoint to stop. */
    private TestServer.Reply during(LiveSite site, java.util.function.Supplier<TestServer.Reply> request) throws Exception {
        java.util.concurrent.CompletableFuture<TestServer.Reply> reply = new java.util.concurrent.CompletableFuture<>();
        server.app().sites().checkpoint(site, 1, () -> {
            if (reply.isDone() || site.checkpointGivenUp()) return;
            java.util.concurrent.CompletableFuture.supplyAsync(request).whenComplete((r, e) -> {
                if (e != null) reply.completeExceptionally(e);
                else reply.complete(r);
            });
            long until = System.nanoTime() + 10_000_000_000L;
            while (!site.checkpointGivenUp() && !reply.isDone() && System.nanoTime() < until) Thread.onSpinWait();
            assertThat(site.checkpointGivenUp()).as("the request asked the checkpoint to stop").isTrue();
        });
        return reply.get(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Test
    void changingASitesSettingsKeepsItsProfilesAndConfiguration() {
        putCampaign("free-shipping-nudge", NUDGE);
        server.track(view("v_patched1", "e_p1", "/"));
        TestServer.Reply patched = server.admin("PATCH", "/api/v1/sites/site_alpha", """
                {"name": "Renamed shop", "session_timeout": 600}""");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("name").asText()).isEqualTo("Renamed shop");
        assertThat(patched.json().get("session_timeout").asLong()).isEqualTo(600);
        assertThat(server.admin("GET", "/api/v1/sites/site_alpha/profiles/v_patched1", null).status()).isEqualTo(200);
        assertThat(server.admin("GET", "/api/v1/sites/site_alpha/campaigns/free-shipping-nudge", null).status()).isEqualTo(200);
        TestServer.Reply bad = server.admin("PATCH", "/api/v1/sites/site_alpha", "{\"timezone\": \"Mars/Base\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/error/path").asText()).isEqualTo("timezone");
        assertThat(server.admin("GET", "/api/v1/sites/site_alpha", null).json().get("timezone").asText()).isEqualTo("Asia/Tokyo");
    }

    /** A sample's value in a Prometheus scrape (the line {@code name value}). */
    private static double metric(String scrape, String name) {
        return sample(scrape, name).orElseThrow(() -> new AssertionError(name + " is not in /metrics"));
    }

    private static java.util.OptionalDouble sample(String scrape, String name) {
        return scrape.lines().filter(l -> l.startsWith(name + " ")).mapToDouble(l -> Double.parseDouble(l.substring(name.length() + 1)))
                .findFirst();
    }

    /** A request series' count once it reached {@code atLeast}, or as it stands after 5 s (a missing series counts 0). */
    private double requestsCounted(String series, double atLeast) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        double count;
        do {
            count = sample(server.send("GET", "/metrics", null).body(), series).orElse(0);
        } while (count < atLeast && System.nanoTime() < deadline);
        return count;
    }

    /** Opens the same backend again after a restart (same data). */
    protected abstract Storage reopen(Path data);

    @Test
    void healthReadyMetricsAndTheOpenApiDocumentAnswer() {
        assertThat(server.send("GET", "/health", null).status()).isEqualTo(200);
        assertThat(server.send("GET", "/ready", null).json().get("status").asText()).isEqualTo("ready");
        server.track(view("v_visitor04", "e_m", "/"));
        System.gc(); // a meter whose source only the registry holds (weakly) would read 0 from here on
        String metrics = server.send("GET", "/metrics", null).body();
        assertThat(metrics).contains("omotenashi_events_total");
        double records = metric(metrics, "omotenashi_journal_records_total");
        assertThat(records).isGreaterThanOrEqualTo(1);
        assertThat(metric(metrics, "omotenashi_journal_commits_total")).isBetween(1.0, records);
        // each request's latency under its route pattern and status, one series per combination; the request
        // logger records it after the answer is sent, so the count is waited for
        String tracked = "omotenashi_http_requests_seconds_count{method=\"POST\",route=\"/v1/t\",status=\"200\"}";
        double before = requestsCounted(tracked, 1);
        server.track(view("v_visitor04", "e_m2", "/"));
        assertThat(requestsCounted(tracked, before + 1)).isEqualTo(before + 1);
        TestServer.Reply madeUp = server.send("BREW", "/v1/t", null);
        assertThat(madeUp.status()).isBetween(400, 499);
        assertThat(server.send("GET", "/metrics", null).body()).as("a made-up method is not a series of its own").doesNotContain("BREW");
        JsonNode doc = server.send("GET", "/api/v1/openapi.json", null).json();
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        assertThat(doc.at("/paths/~1v1~1t/post")).isNotNull();
        assertThat(doc.get("paths").has("/api/v1/sites/{site}/campaigns/{id}")).isTrue();
    }
}
