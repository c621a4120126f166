package dev.omotenashi.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omotenashi.server.store.Storage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The visitor search ({@code GET /api/v1/sites/{site}/profiles}) over real HTTP, on every backend: by visitor
 * id and its beginning, by user id (every browser of the person), by trait (text, number, boolean, nested),
 * newest seen first with a limit and {@code truncated}; bad parameters refused naming each; another site's
 * visitors never found and another site's token refused; a viewer may search.
 *
 * <p>The fixture, minutes before the server's clock: {@code v_alpha_pc1} (user {@code u_hanako}, gold,
 * height 162, {@code address.city} Kyoto) 50 and 10; {@code v_alpha_sp1} (the same user on a phone) 5;
 * {@code v_alpha_anon} (never identified) 30; on site B {@code v_bravo_one} (user {@code u_hanako} there
 * too, gold) 1.
 */
public abstract class VisitorSearchContract {
    static final String A = "site_search_a";
    static final String B = "site_search_b";
    static final String PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";
    static final String PC = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";

    @TempDir
    Path data;
    protected TestServer server;
    private String keyA;
    private String keyB;
    private long now;
    private int ids;

    protected abstract Storage storage(Path data);

    @BeforeEach
    void start() {
        server = TestServer.start(data, this::storage);
        keyA = server.createSite(A).get("key").asText();
        keyB = server.createSite(B).get("key").asText();
        now = server.app().clock().millis();
        view(keyA, "v_alpha_pc1", null, null, 50, PC);
        view(keyA, "v_alpha_pc1", "u_hanako", """
                {"member_rank": "gold", "height": 162, "newsletter": true, "address": {"city": "Kyoto"}}""", 10, PC);
        view(keyA, "v_alpha_anon", null, null, 30, PC);
        view(keyA, "v_alpha_sp1", "u_hanako", null, 5, PHONE);
        view(keyB, "v_bravo_one", "u_hanako", "{\"member_rank\": \"gold\"}", 1, PC);
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
        server = null;
    }

    private void view(String key, String visitor, String user, String traits, int minutesAgo, String userAgent) {
        String body = """
                {"site": "%s", "visitor": "%s"%s%s, "page": {"url": "https://shop.example/items/1"},
                 "events": [{"id": "e_%d", "name": "view", "ts": %d}]}""".formatted(key, visitor,
                user == null ? "" : ", \"user\": \"" + user + "\"", traits == null ? "" : ", \"traits\": " + traits,
                ++ids, now - minutesAgo * 60_000L);
        TestServer.Reply r = server.track(body, "Origin", "https://shop.example", "User-Agent", userAgent);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private TestServer.Reply search(String site, String query) {
        return server.admin("GET", "/api/v1/sites/" + site + "/profiles" + (query.isEmpty() ? "" : "?" + query), null);
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static List<String> visitors(TestServer.Reply r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.json().get("items").forEach(i -> out.add(i.get("visitor").asText()));
        return out;
    }

    @Test
    void withoutACriterionListsTheSitesVisitorsNewestSeenFirst() {
        TestServer.Reply r = search(A, "");
        assertThat(visitors(r)).containsExactly("v_alpha_sp1", "v_alpha_pc1", "v_alpha_anon");
        assertThat(r.json().get("truncated").asBoolean()).isFalse();
        assertThat(r.json().get("matched").asLong()).isEqualTo(3);
    }

    @Test
    void aVisitorIdFindsThatBrowserAndItsBeginningFindsEveryBrowserItStarts() {
        JsonNode item = search(A, "visitor=v_alpha_pc1").json().get("items").get(0);
        assertThat(item.get("visitor").asText()).isEqualTo("v_alpha_pc1");
        assertThat(item.get("user_id").asText()).isEqualTo("u_hanako");
        assertThat(item.get("member").asBoolean()).isTrue();
        assertThat(item.get("device").asText()).isEqualTo("pc");
        assertThat(item.get("browsers").asInt()).isEqualTo(2);
        assertThat(item.get("visits").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(item.get("last_seen").asText()).isEqualTo(java.time.Instant.ofEpochMilli(now - 10 * 60_000L).toString());
        assertThat(item.get("traits").get("member_rank").asText()).isEqualTo("gold");
        assertThat(visitors(search(A, "visitor=v_alpha_"))).containsExactly("v_alpha_sp1", "v_alpha_pc1", "v_alpha_anon");
        assertThat(visitors(search(A, "visitor=v_alpha_a"))).containsExactly("v_alpha_anon");
        assertThat(visitors(search(A, "visitor=v_nobody"))).isEmpty();
    }

    @Test
    void aUserIdFindsEveryBrowserOfThePersonWithTheirDevices() {
        TestServer.Reply r = search(A, "user_id=u_hanako");
        assertThat(visitors(r)).containsExactly("v_alpha_sp1", "v_alpha_pc1");
        assertThat(r.json().get("items").get(0).get("device").asText()).isEqualTo("smartphone");
        assertThat(r.json().get("items").get(1).get("device").asText()).isEqualTo("pc");
        assertThat(visitors(search(A, "user_id=u_nobody"))).isEmpty();
        assertThat(visitors(search(A, "user_id=u_hanako&visitor=v_alpha_p"))).containsExactly("v_alpha_pc1");
    }

    @Test
    void aTraitMatchesItsStoredValueAsText() {
        assertThat(visitors(search(A, "trait=" + q("member_rank:gold")))).containsExactly("v_alpha_sp1", "v_alpha_pc1");
        assertThat(visitors(search(A, "trait=" + q("member_rank:silver")))).isEmpty();
        assertThat(visitors(search(A, "trait=" + q("height:162")))).hasSize(2);
        assertThat(visitors(search(A, "trait=" + q("height:162.0")))).hasSize(2);
        assertThat(visitors(search(A, "trait=" + q("height:16")))).isEmpty();
        assertThat(visitors(search(A, "trait=" + q("newsletter:true")))).hasSize(2);
        assertThat(visitors(search(A, "trait=" + q("address.city:Kyoto")))).hasSize(2);
        // a value may hold a colon: only the first one separates the name
        assertThat(visitors(search(A, "trait=" + q("member_rank:gold:x")))).isEmpty();
        JsonNode traits = search(A, "trait=" + q("height:162")).json().get("items").get(0).get("traits");
        assertThat(traits.fieldNames().next()).as("the searched trait comes first").isEqualTo("height");
    }

    @Test
    void theLimitKeepsTheNewestAndSaysMoreMatched() {
        TestServer.Reply r = search(A, "limit=2");
        assertThat(visitors(r)).containsExactly("v_alpha_sp1", "v_alpha_pc1");
        assertThat(r.json().get("truncated").asBoolean()).isTrue();
        assertThat(r.json().get("matched").asLong()).isEqualTo(3);
        assertThat(search(A, "limit=3").json().get("truncated").asBoolean()).isFalse();
    }

    @Test
    void badParametersAreRefusedNamingEach() {
        assertError(search(A, "visitor="), "visitor");
        assertError(search(A, "visitor=" + q("v<script>")), "visitor");
        assertError(search(A, "visitor=" + "v".repeat(65)), "visitor");
        assertError(search(A, "user_id="), "user_id");
        assertError(search(A, "trait=member_rank"), "trait");
        assertError(search(A, "trait=" + q(":gold")), "trait");
        assertError(search(A, "limit=0"), "limit");
        assertError(search(A, "limit=201"), "limit");
        assertError(search(A, "limit=ten"), "limit");
        assertError(search(A, "userid=u_hanako"), "userid");
        assertError(search(A, "visitor=a&visitor=b"), "visitor");
        TestServer.Reply both = search(A, "limit=0&trait=x");
        assertThat(both.json().get("error").get("errors")).hasSize(2);
        assertThat(search("no_such_site", "").status()).isEqualTo(404);
    }

    private static void assertError(TestServer.Reply r, String path) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("error").get("path").asText()).isEqualTo(path);
    }

    @Test
    void sitesNeverSeeEachOthersVisitors() {
        assertThat(visitors(search(B, ""))).containsExactly("v_bravo_one");
        assertThat(visitors(search(B, "user_id=u_hanako"))).containsExactly("v_bravo_one");
        assertThat(visitors(search(A, "visitor=v_bravo"))).isEmpty();
        assertThat(visitors(search(B, "visitor=v_alpha"))).isEmpty();
        assertThat(visitors(search(B, "trait=" + q("height:162")))).isEmpty();
        String tokenB = server.admin("POST", "/api/v1/sites/" + B + "/tokens", "{}").json().get("token").asText();
        TestServer.Reply withB = server.send("GET", "/api/v1/sites/" + A + "/profiles", null, "Authorization", "Bearer " + tokenB);
        assertThat(withB.status()).isEqualTo(403);
        TestServer.Reply own = server.send("GET", "/api/v1/sites/" + B + "/profiles", null, "Authorization", "Bearer " + tokenB);
        assertThat(visitors(own)).containsExactly("v_bravo_one");
        assertThat(server.send("GET", "/api/v1/sites/" + A + "/profiles", null).status()).isEqualTo(401);
    }

    @Test
    void aViewerMaySearch() {
        TestServer.Reply created = server.admin("POST", "/api/v1/operators",
                "{\"login\": \"viewer1\", \"role\": \"viewer\", \"password\": \"viewer-password-1\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        TestServer.Reply signedIn = server.send("POST", "/api/v1/console/session",
                "{\"login\": \"viewer1\", \"password\": \"viewer-password-1\"}", "Content-Type", "application/json");
        String set = signedIn.header("Set-Cookie");
        String cookie = set.substring(0, set.indexOf(';'));
        TestServer.Reply r = server.send("GET", "/api/v1/sites/" + A + "/profiles?user_id=u_hanako", null, "Cookie", cookie);
        assertThat(visitors(r)).containsExactly("v_alpha_sp1", "v_alpha_pc1");
    }

    @Test
    void theOpenApiDocumentDescribesTheSearch() {
        JsonNode op = server.send("GET", "/api/v1/openapi.json", null).json().get("paths").get("/api/v1/sites/{site}/profiles").get("get");
        List<String> names = new ArrayList<>();
        op.get("parameters").forEach(p -> names.add(p.get("name").asText()));
        assertThat(names).containsExactly("site", "visitor", "user_id", "trait", "limit");
    }
}
