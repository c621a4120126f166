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
 * The history of who changed what, over real HTTP, on every storage backend (docs/console.md, "History of
 * changes"): every successful change through the admin API is recorded with who made it and the object
 * before and after; a failed request leaves nothing; the entry and the change commit together; sites never
 * see each other's history; no secret and no forgotten person's id is ever in it.
 */
public abstract class AuditContract {
    static final String PASSWORD = "correct horse battery";

    @TempDir
    Path data;
    protected TestServer server;

    /** Opens the backend under test (a fresh, empty one). */
    protected abstract Storage storage(Path data);

    /** Runs SQL on this test's database from outside the server (to break the audit table on purpose). */
    protected abstract void sql(String statement) throws Exception;

    @BeforeEach
    void start() {
        server = TestServer.start(data, this::storage);
        server.createSite("site_alpha");
        server.createSite("site_bravo");
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
        server = null;
    }

    static final String CAMPAIGN = """
            {"name": "Hello", "status": "paused", "audience": {"attr": "visitor.visits", "op": "gte", "value": 1},
             "creative": {"template": "notice_bar", "content": {"text": "Hello"}}}""";

    private static String campaign(String status) {
        return CAMPAIGN.replace("\"paused\"", "\"" + status + "\"");
    }

    // ---- helpers -----------------------------------------------------------------------------------

    String createOperator(String login, String role) {
        TestServer.Reply r = server.admin("POST", "/api/v1/operators",
                "{\"login\": \"%s\", \"role\": \"%s\", \"password\": \"%s\"}".formatted(login, role, PASSWORD));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    /** A signed-in browser's headers for a write: its cookie, its CSRF token, JSON. */
    String[] session(String login) {
        TestServer.Reply r = server.send("POST", "/api/v1/console/session",
                "{\"login\": \"%s\", \"password\": \"%s\"}".formatted(login, PASSWORD), "Content-Type", "application/json");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String set = r.header("Set-Cookie");
        String cookie = set.substring(0, set.indexOf(';'));
        return new String[]{"Cookie", cookie, "X-CSRF-Token", r.json().get("csrf").asText(), "Content-Type", "application/json"};
    }

    String personalToken(String login, String name) {
        TestServer.Reply r = server.send("POST", "/api/v1/me/tokens", "{\"name\": \"%s\"}".formatted(name), session(login));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("token").asText();
    }

    String siteToken(String site) {
        return server.admin("POST", "/api/v1/sites/" + site + "/tokens", "{}").json().get("token").asText();
    }

    TestServer.Reply as(String token, String method, String path, String body) {
        return server.send(method, path, body, "Authorization", "Bearer " + token, "Content-Type", "application/json");
    }

    JsonNode history(String query) {
        TestServer.Reply r = server.admin("GET", "/api/v1/sites/site_alpha/audit" + query, null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    JsonNode all(String query) {
        TestServer.Reply r = server.admin("GET", "/api/v1/audit" + query, null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static List<String> actions(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("entries").forEach(e -> out.add(e.get("kind").asText() + ":" + e.get("action").asText()));
        return out;
    }

    // ---- who changed what ----------------------------------------------------------------------

    @Test
    void aCampaignsCreationStatusChangeAndDeletionAppearNewestFirstWithWhoMadeThem() {
        String hanakoId = createOperator("hanako", "editor");
        String[] hanako = session("hanako");
        createOperator("taro", "editor");
        String token = personalToken("taro", "release pipeline");
        String path = "/api/v1/sites/site_alpha/campaigns/hello";

        assertThat(server.admin("PUT", path, CAMPAIGN).status()).isEqualTo(201);
        TestServer.Reply live = server.send("PUT", path, campaign("live"), hanako);
        assertThat(live.status()).as(live.body()).isEqualTo(200);
        assertThat(as(token, "DELETE", path, null).status()).isEqualTo(204);

        JsonNode entries = history("?kind=campaigns&id=hello").get("entries");
        assertThat(entries).hasSize(3);
        JsonNode deleted = entries.get(0), status = entries.get(1), created = entries.get(2);
        assertThat(deleted.get("id").asLong()).isGreaterThan(status.get("id").asLong());
        assertThat(status.get("id").asLong()).isGreaterThan(created.get("id").asLong());

        assertThat(created.get("action").asText()).isEqualTo("create");
        assertThat(created.at("/actor/type").asText()).isEqualTo("admin_token");
        assertThat(created.get("before").isNull()).isTrue();
        assertThat(created.at("/after/status").asText()).isEqualTo("paused");
        assertThat(created.at("/after/id").asText()).isEqualTo("hello");
        assertThat(created.get("site").asText()).isEqualTo("site_alpha");
        assertThat(created.get("object").asText()).isEqualTo("hello");

        assertThat(status.get("action").asText()).isEqualTo("status");
        assertThat(status.at("/actor/type").asText()).isEqualTo("operator");
        assertThat(status.at("/actor/operator").asText()).isEqualTo(hanakoId);
        assertThat(status.at("/actor/login").asText()).isEqualTo("hanako");
        assertThat(status.at("/detail/status/from").asText()).isEqualTo("paused");
        assertThat(status.at("/detail/status/to").asText()).isEqualTo("live");
        assertThat(status.at("/before/status").asText()).isEqualTo("paused");
        assertThat(status.at("/after/status").asText()).isEqualTo("live");

        assertThat(deleted.get("action").asText()).isEqualTo("delete");
        assertThat(deleted.at("/actor/type").asText()).isEqualTo("personal_token");
        assertThat(deleted.at("/actor/login").asText()).isEqualTo("taro");
        assertThat(deleted.at("/actor/token_name").asText()).isEqualTo("release pipeline");
        assertThat(deleted.at("/actor/token").asText()).startsWith("tok_");
        assertThat(deleted.at("/before/status").asText()).isEqualTo("live");
        assertThat(deleted.get("after").isNull()).isTrue();
        assertThat(entries.toString()).doesNotContain(token);
    }

    @Test
    void aReplacementThatChangesMoreThanTheStatusIsAnUpdateThatStillNamesTheStatusChange() {
        server.admin("PUT", "/api/v1/sites/site_alpha/campaigns/hello", campaign("live"));
        server.admin("PUT", "/api/v1/sites/site_alpha/campaigns/hello", campaign("paused").replace("\"Hello\"}", "\"Bye\"}"));
        server.admin("PUT", "/api/v1/sites/site_alpha/campaigns/hello", campaign("paused").replace("\"name\": \"Hello\"", "\"name\": \"Hi\""));
        JsonNode entries = history("?kind=campaigns&id=hello").get("entries");
        assertThat(actions(history("?kind=campaigns&id=hello"))).containsExactly("campaigns:update", "campaigns:update", "campaigns:create");
        assertThat(entries.at("/1/detail/status/from").asText()).isEqualTo("live");
        assertThat(entries.at("/1/detail/status/to").asText()).isEqualTo("paused");
        assertThat(entries.at("/0/detail").isNull()).isTrue();
    }

    @Test
    void aSiteTokensChangeIsKnownByTheTokensLastFourCharacters() {
        String token = siteToken("site_alpha");
        TestServer.Reply put = as(token, "PUT", "/api/v1/sites/site_alpha/segments/vip",
                "{\"name\": \"Regulars\", \"condition\": {\"attr\": \"visitor.visits\", \"op\": \"gte\", \"value\": 3}}");
        assertThat(put.status()).as(put.body()).isEqualTo(201);
        JsonNode entries = history("").get("entries");
        JsonNode segment = entries.get(0);
        assertThat(segment.get("kind").asText()).isEqualTo("segments");
        assertThat(segment.at("/actor/type").asText()).isEqualTo("site_token");
        assertThat(segment.at("/actor/token").asText()).isEqualTo("…" + token.substring(token.length() - 4));
        JsonNode created = entries.get(1);
        assertThat(created.get("kind").asText() + ":" + created.get("action").asText()).isEqualTo("tokens:create");
        assertThat(created.get("object").asText()).isEqualTo("…" + token.substring(token.length() - 4));
        assertThat(entries.toString()).doesNotContain(token);
        // and the token reads its own site's history
        assertThat(as(token, "GET", "/api/v1/sites/site_alpha/audit", null).status()).isEqualTo(200);
    }

    // ---- failures leave nothing ----------------------------------------------------------------

    @Test
    void aRejectedRequestLeavesNoEntry() {
        createOperator("viewer1", "viewer");
        int before = all("?limit=200").get("entries").size();
        String path = "/api/v1/sites/site_alpha/campaigns/hello";
        TestServer.Reply bad = server.admin("PUT", path, "{\"name\": \"Hello\", \"status\": \"sometimes\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(server.send("PUT", path, CAMPAIGN, session("viewer1")).status()).isEqualTo(403);
        assertThat(server.admin("DELETE", "/api/v1/sites/site_alpha/segments/nothing", null).status()).isEqualTo(404);
        assertThat(server.admin("PATCH", "/api/v1/sites/site_alpha", "{\"timezone\": \"Mars/Base\"}").status()).isEqualTo(400);
        assertThat(server.admin("POST", "/api/v1/operators", "{\"login\": \"viewer1\", \"role\": \"viewer\"}").status()).isEqualTo(409);
        assertThat(server.admin("POST", "/api/v1/test-clock", "{\"advance\": \"-PT1H\"}").status()).isEqualTo(400);
        assertThat(server.admin("DELETE", "/api/v1/sites/site_alpha/users/nobody", null).status()).isEqualTo(404);
        assertThat(all("?limit=200").get("entries").size()).isEqualTo(before);
        assertThat(history("?kind=campaigns").get("entries")).isEmpty();
    }

    @Test
    void whenItsEntryCannotBeWrittenTheChangeIsNotMadeAnywhere() throws Exception {
        sql("ALTER TABLE audit_log RENAME TO audit_log_away");
        try {
            TestServer.Reply r = server.admin("PUT", "/api/v1/sites/site_alpha/campaigns/hello", campaign("live"));
            assertThat(r.status()).isEqualTo(500);
            TestServer.Reply site = server.admin("POST", "/api/v1/sites",
                    "{\"id\": \"site_charlie\", \"name\": \"C\", \"domains\": [\"c.example\"]}");
            assertThat(site.status()).isEqualTo(500);
        } finally {
            sql("ALTER TABLE audit_log_away RENAME TO audit_log");
        }
        // neither in the database nor in the live engine
        assertThat(server.admin("GET", "/api/v1/sites/site_alpha/campaigns/hello", null).status()).isEqualTo(404);
        assertThat(server.app().storage().sites().object("site_alpha", "campaign", "hello")).isEmpty();
        assertThat(server.app().sites().byId("site_alpha").engine().configuration().current().campaign("hello")).isNull();
        assertThat(server.admin("GET", "/api/v1/sites/site_charlie", null).status()).isEqualTo(404);
        assertThat(server.app().storage().sites().site("site_charlie")).isEmpty();
        // and it works again once the entry can be written
        assertThat(server.admin("PUT", "/api/v1/sites/site_alpha/campaigns/hello", campaign("live")).status()).isEqualTo(201);
        assertThat(actions(history("?kind=campaigns&id=hello"))).containsExactly("campaigns:create");
    }

    // ---- sites never see each other ------------------------------------------------------------

    @Test
    void aSitesHistoryNeverShowsAnotherSite() {
        server.admin("PUT", "/api/v1/sites/site_alpha/campaigns/hello", CAMPAIGN);
        server.admin("PUT", "/api/v1/sites/site_bravo/campaigns/hello", CAMPAIGN);
        server.admin("PUT", "/api/v1/sites/site_bravo/campaigns/secret-plan", CAMPAIGN);
        server.admin("PATCH", "/api/v1/sites/site_bravo", "{\"name\": \"Bravo renamed\"}");
        JsonNode alpha = history("?limit=200");
        alpha.get("entries").forEach(e -> assertThat(e.get("site").asText()).isEqualTo("site_alpha"));
        assertThat(alpha.toString()).doesNotContain("site_bravo").doesNotContain("secret-plan").doesNotContain("Bravo renamed");
        assertThat(actions(alpha)).containsExactly("campaigns:create", "sites:create");

        String alphaToken = siteToken("site_alpha");
        assertThat(as(alphaToken, "GET", "/api/v1/sites/site_bravo/audit", null).status()).isEqualTo(403);
        assertThat(as(alphaToken, "GET", "/api/v1/audit", null).status()).isEqualTo(403);
        // the administrators' history holds both, and filters by site
        assertThat(all("?limit=200").toString()).contains("site_alpha").contains("site_bravo");
        all("?site=site_bravo").get("entries").forEach(e -> assertThat(e.get("site").asText()).isEqualTo("site_bravo"));
    }

    @Test
    void onlyAdministratorsReadTheHistoryOfEverything() {
        createOperator("viewer1", "viewer");
        createOperator("boss", "admin");
        String viewer = personalToken("viewer1", "read");
        assertThat(as(viewer, "GET", "/api/v1/sites/site_alpha/audit", null).status()).isEqualTo(200);
        assertThat(as(viewer, "GET", "/api/v1/audit", null).status()).isEqualTo(403);
        assertThat(as(personalToken("boss", "admin things"), "GET", "/api/v1/audit", null).status()).isEqualTo(200);
    }

    // ---- what else is recorded -----------------------------------------------------------------

    @Test
    void aSitesCreationSettingsAndDeletionAreRecordedAndOutliveTheSite() {
        TestServer.Reply patched = server.admin("PATCH", "/api/v1/sites/site_alpha", "{\"name\": \"Alpha shop\", \"timezone\": \"UTC\"}");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        JsonNode update = history("?kind=sites").get("entries").get(0);
        assertThat(update.get("action").asText()).isEqualTo("update");
        assertThat(update.at("/before/name").asText()).isEqualTo("Test shop");
        assertThat(update.at("/after/name").asText()).isEqualTo("Alpha shop");
        assertThat(update.at("/before/timezone").asText()).isEqualTo("Asia/Tokyo");
        assertThat(update.at("/after/timezone").asText()).isEqualTo("UTC");
        assertThat(update.at("/after/domains/0").asText()).isEqualTo("shop.example");

        assertThat(server.admin("DELETE", "/api/v1/sites/site_alpha", null).status()).isEqualTo(204);
        assertThat(server.admin("GET", "/api/v1/sites/site_alpha/audit", null).status()).isEqualTo(404);
        JsonNode kept = all("?site=site_alpha");
        assertThat(actions(kept)).containsExactly("sites:delete", "sites:update", "sites:create");
        assertThat(kept.at("/entries/0/before/name").asText()).isEqualTo("Alpha shop");
    }

    @Test
    void operatorsChangesAreInTheHistoryOfEverythingOnly() {
        String id = createOperator("hanako", "editor");
        for (int i = 0; i < ConsoleAuth.MAX_FAILURES; i++) {
            server.send("POST", "/api/v1/console/session", "{\"login\": \"hanako\", \"password\": \"wrong %d\"}".formatted(i),
                    "Content-Type", "application/json");
        }
        assertThat(server.admin("PATCH", "/api/v1/operators/" + id, "{\"role\": \"admin\"}").status()).isEqualTo(200);
        assertThat(server.admin("PATCH", "/api/v1/operators/" + id, "{\"unlock\": true}").status()).isEqualTo(200);
        // a bad password changes no role either
        assertThat(server.admin("PATCH", "/api/v1/operators/" + id, "{\"role\": \"viewer\", \"password\": \"short\"}").status()).isEqualTo(400);
        assertThat(server.admin("GET", "/api/v1/operators", null).json().at("/operators/0/role").asText()).isEqualTo("admin");
        TestServer.Reply invited = server.admin("POST", "/api/v1/operators", "{\"login\": \"jiro\", \"role\": \"viewer\"}");
        String jiro = invited.json().get("id").asText();
        assertThat(server.admin("POST", "/api/v1/operators/" + jiro + "/invite", null).status()).isEqualTo(201);
        assertThat(server.admin("DELETE", "/api/v1/operators/" + jiro, null).status()).isEqualTo(204);

        JsonNode ops = all("?kind=operators");
        assertThat(actions(ops)).containsExactly("operators:delete", "operators:invite", "operators:create",
                "operators:unlock", "operators:role", "operators:create");
        JsonNode entries = ops.get("entries");
        assertThat(entries.at("/4/detail/role/from").asText()).isEqualTo("editor");
        assertThat(entries.at("/4/detail/role/to").asText()).isEqualTo("admin");
        assertThat(entries.at("/3/before/locked").asBoolean()).isTrue();
        assertThat(entries.at("/3/after/locked").asBoolean()).isFalse();
        assertThat(entries.at("/2/detail/invited").asBoolean()).isTrue();
        assertThat(entries.at("/2/site").isNull()).isTrue();
        assertThat(history("?limit=200").toString()).doesNotContain("hanako").doesNotContain("jiro");
        // a filter by object
        assertThat(actions(all("?kind=operators&id=" + id))).containsExactly("operators:unlock", "operators:role", "operators:create");
    }

    @Test
    void anOperatorsOwnChangesAreRecordedTooTheirInvitationTheirPasswordAndTheirTokens() {
        TestServer.Reply invited = server.admin("POST", "/api/v1/operators", "{\"login\": \"jiro\", \"role\": \"viewer\"}");
        String id = invited.json().get("id").asText();
        TestServer.Reply accepted = server.send("POST", "/api/v1/console/invites/accept",
                "{\"invite\": \"%s\", \"password\": \"%s\", \"name\": \"Jiro\"}".formatted(invited.json().get("invite").asText(), PASSWORD),
                "Content-Type", "application/json");
        assertThat(accepted.status()).isEqualTo(200);
        String[] jiro = session("jiro");
        TestServer.Reply changed = server.send("PUT", "/api/v1/me/password",
                "{\"current_password\": \"%s\", \"new_password\": \"another long passphrase\"}".formatted(PASSWORD), jiro);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);

        JsonNode entries = all("?kind=operators&id=" + id).get("entries");
        assertThat(actions(all("?kind=operators&id=" + id))).containsExactly("operators:password", "operators:accept_invite", "operators:create");
        assertThat(entries.at("/1/actor/type").asText()).isEqualTo("operator");
        assertThat(entries.at("/1/actor/login").asText()).isEqualTo("jiro");
        assertThat(entries.at("/1/actor/name").asText()).isEqualTo("Jiro");
        assertThat(entries.at("/1/after/name").asText()).isEqualTo("Jiro");
        assertThat(entries.at("/1/after/active").asBoolean()).isTrue();
        assertThat(entries.at("/0/actor/login").asText()).isEqualTo("jiro");
    }

    @Test
    void theTestClockIsRecorded() {
        assertThat(server.admin("POST", "/api/v1/test-clock", "{\"advance\": \"PT1H\"}").status()).isEqualTo(200);
        JsonNode clock = all("?kind=test-clock").get("entries").get(0);
        assertThat(clock.get("action").asText()).isEqualTo("advance");
        assertThat(clock.at("/detail/advance").asText()).isEqualTo("PT1H");
        assertThat(clock.get("site").isNull()).isTrue();
    }

    @Test
    void forgettingAPersonRecordsThatSomeoneWasForgottenButNeverWho() {
        String key = server.admin("GET", "/api/v1/sites/site_alpha", null).json().get("key").asText();
        TestServer.Reply tracked = server.track("""
                {"site": "%s", "visitor": "v_forgetme01", "user": "user-secret-42", "traits": {"email": "hanako@example.com"},
                 "events": [{"id": "e_1", "name": "view"}, {"id": "e_2", "name": "cart"}]}""".formatted(key));
        assertThat(tracked.status()).as(tracked.body()).isEqualTo(200);
        TestServer.Reply forgot = server.admin("DELETE", "/api/v1/sites/site_alpha/users/user-secret-42", null);
        assertThat(forgot.status()).as(forgot.body()).isEqualTo(200);

        JsonNode page = history("?kind=users");
        JsonNode entry = page.at("/entries/0");
        assertThat(entry.get("action").asText()).isEqualTo("forget");
        assertThat(entry.get("object").isNull()).isTrue();
        assertThat(entry.at("/detail/visitors").asInt()).isEqualTo(1);
        assertThat(entry.at("/detail/journal_records").asInt()).isEqualTo(1);
        String everything = all("?limit=200").toString();
        assertThat(everything).doesNotContain("user-secret-42").doesNotContain("v_forgetme01").doesNotContain("hanako@example.com");
    }

    @Test
    void noSecretIsEverInTheHistory() {
        String siteToken = siteToken("site_alpha");
        String writeKey = server.admin("GET", "/api/v1/sites/site_alpha", null).json().get("write_key").asText();
        String id = createOperator("hanako", "admin");
        String personal = personalToken("hanako", "ci");
        TestServer.Reply invited = server.admin("POST", "/api/v1/operators", "{\"login\": \"jiro\", \"role\": \"viewer\"}");
        String invite = invited.json().get("invite").asText();
        String reinvite = server.admin("POST", "/api/v1/operators/" + invited.json().get("id").asText() + "/invite", null)
                .json().get("invite").asText();
        server.admin("PATCH", "/api/v1/operators/" + id, "{\"password\": \"the second password\"}");
        String hash = server.app().storage().operators().byId(id).orElseThrow().passwordHash();
        as(personal, "PUT", "/api/v1/sites/site_alpha/campaigns/hello", CAMPAIGN);

        String everything = all("?limit=200").toString();
        assertThat(all("?limit=200").get("entries").size()).isGreaterThanOrEqualTo(8);
        for (String secret : List.of(siteToken, writeKey, personal, invite, reinvite, PASSWORD, "the second password", hash)) {
            assertThat(everything).doesNotContain(secret);
        }
        assertThat(everything).doesNotContain("$argon2id").doesNotContain("oi_").doesNotContain("op_").doesNotContain("wk_");
    }

    // ---- the API -------------------------------------------------------------------------------

    @Test
    void pagesFollowTheCursorAndBadParametersAreNamed() {
        for (int i = 0; i < 5; i++) server.admin("PUT", "/api/v1/sites/site_alpha/campaigns/c" + i, CAMPAIGN);
        JsonNode first = history("?kind=campaigns&limit=2");
        assertThat(first.get("entries")).hasSize(2);
        assertThat(first.at("/entries/0/object").asText()).isEqualTo("c4");
        JsonNode second = history("?kind=campaigns&limit=2&before=" + first.get("next_before").asLong());
        assertThat(second.at("/entries/0/object").asText()).isEqualTo("c2");
        JsonNode third = history("?kind=campaigns&limit=2&before=" + second.get("next_before").asLong());
        assertThat(third.get("entries")).hasSize(1);
        assertThat(third.get("next_before").isNull()).isTrue();

        for (String[] bad : new String[][]{{"kind=widgets", "kind"}, {"id=hello", "id"}, {"limit=0", "limit"},
                {"limit=201", "limit"}, {"limit=ten", "limit"}, {"before=-3", "before"}, {"before=x", "before"}}) {
            TestServer.Reply r = server.admin("GET", "/api/v1/sites/site_alpha/audit?" + bad[0], null);
            assertThat(r.status()).as(bad[0]).isEqualTo(400);
            assertThat(r.json().at("/error/path").asText()).as(bad[0]).isEqualTo(bad[1]);
        }
        assertThat(server.admin("GET", "/api/v1/sites/site_nowhere/audit", null).status()).isEqualTo(404);
    }

    @Test
    void theOpenApiDocumentDescribesBothHistories() {
        JsonNode doc = server.send("GET", "/api/v1/openapi.json", null).json();
        assertThat(doc.at("/paths/~1api~1v1~1sites~1{site}~1audit/get/parameters").toString()).contains("kind").contains("before");
        assertThat(doc.at("/paths/~1api~1v1~1audit/get/parameters").toString()).contains("site").contains("limit");
    }
}
