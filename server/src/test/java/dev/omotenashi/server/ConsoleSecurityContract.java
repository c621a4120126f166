package dev.omotenashi.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omotenashi.server.console.ConsoleAuth;
import dev.omotenashi.server.console.Role;
import dev.omotenashi.server.http.Router;
import dev.omotenashi.server.store.Storage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's security rules over real HTTP, on every storage backend (docs/console.md): hardened session
 * cookies, a new session id at every sign-in, CSRF on cookie-authenticated writes, lock-out, the role every
 * route needs, and revoking personal tokens.
 */
public abstract class ConsoleSecurityContract {
    static final String PASSWORD = "correct horse battery";

    @TempDir
    Path data;
    protected TestServer server;

    protected abstract Storage storage(Path data);

    @BeforeEach
    void start() {
        server = TestServer.start(data, this::storage);
        server.createSite("site_alpha");
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
        server = null;
    }

    /** A signed-in browser: its cookie and CSRF token. */
    record Browser(String cookie, String csrf) {
        String[] headers(String... more) {
            String[] h = new String[more.length + 4];
            h[0] = "Cookie";
            h[1] = ConsoleAuth.COOKIE + "=" + cookie;
            h[2] = "Content-Type";
            h[3] = "application/json";
            System.arraycopy(more, 0, h, 4, more.length);
            return h;
        }
    }

    JsonNode createOperator(String login, String role) {
        TestServer.Reply r = server.admin("POST", "/api/v1/operators",
                "{\"login\": \"%s\", \"role\": \"%s\", \"password\": \"%s\"}".formatted(login, role, PASSWORD));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    TestServer.Reply signInReply(String login, String password, String... headers) {
        String[] h = new String[headers.length + 2];
        h[0] = "Content-Type";
        h[1] = "application/json";
        System.arraycopy(headers, 0, h, 2, headers.length);
        return server.send("POST", "/api/v1/console/session",
                "{\"login\": \"%s\", \"password\": \"%s\"}".formatted(login, password), h);
    }

    Browser signIn(String login, String... headers) {
        TestServer.Reply r = signInReply(login, PASSWORD, headers);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return new Browser(cookieValue(r), r.json().get("csrf").asText());
    }

    static String cookieValue(TestServer.Reply r) {
        String set = r.header("Set-Cookie");
        assertThat(set).startsWith(ConsoleAuth.COOKIE + "=");
        return set.substring(ConsoleAuth.COOKIE.length() + 1, set.indexOf(';'));
    }

    String personalToken(String login) {
        Browser b = signIn(login);
        TestServer.Reply r = server.send("POST", "/api/v1/me/tokens", "{\"name\": \"ci\"}", b.headers("X-CSRF-Token", b.csrf()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("token").asText();
    }

    static final String CAMPAIGN = """
            {"name": "Hello", "status": "paused", "audience": {"attr": "visitor.visits", "op": "gte", "value": 1},
             "creative": {"template": "notice_bar", "content": {"text": "Hello"}}}""";

    // ---- cookies and sessions ---------------------------------------------------------------------

    @Test
    void theSessionCookieIsHttpOnlyStrictAndSecureOverHttps() {
        createOperator("hanako", "viewer");
        String plain = signInReply("hanako", PASSWORD).header("Set-Cookie");
        assertThat(plain).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/").doesNotContain("Secure");
        String https = signInReply("hanako", PASSWORD, "X-Forwarded-Proto", "https").header("Set-Cookie");
        assertThat(https).contains("HttpOnly").contains("SameSite=Strict").contains("Secure");
    }

    @Test
    void aWrongPasswordAndAnUnknownLoginGetTheSameAnswer() {
        createOperator("hanako", "viewer");
        TestServer.Reply wrong = signInReply("hanako", "not the password");
        TestServer.Reply unknown = signInReply("nobody", "not the password");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.json().at("/error/message")).isEqualTo(unknown.json().at("/error/message"));
        assertThat(wrong.header("Set-Cookie")).isNull();
    }

    @Test
    void signingInIssuesANewSessionIdAndEndsTheOneTheBrowserHad() {
        createOperator("hanako", "editor");
        Browser first = signIn("hanako");
        // signing in again from a browser that holds a session: a new id, and the old one is dead
        Browser second = signIn("hanako", "Cookie", ConsoleAuth.COOKIE + "=" + first.cookie());
        assertThat(second.cookie()).isNotEqualTo(first.cookie());
        assertThat(second.csrf()).isNotEqualTo(first.csrf());
        assertThat(server.send("GET", "/api/v1/console/session", null, first.headers()).status()).isEqualTo(401);
        assertThat(server.send("GET", "/api/v1/console/session", null, second.headers()).status()).isEqualTo(200);
        // an id an attacker planted is never promoted to a session
        String planted = "attacker-chosen-session-id";
        Browser victim = signIn("hanako", "Cookie", ConsoleAuth.COOKIE + "=" + planted);
        assertThat(victim.cookie()).isNotEqualTo(planted);
        assertThat(server.send("GET", "/api/v1/console/session", null, "Cookie", ConsoleAuth.COOKIE + "=" + planted).status()).isEqualTo(401);
    }

    @Test
    void signingOutEndsTheSession() {
        createOperator("hanako", "viewer");
        Browser b = signIn("hanako");
        TestServer.Reply out = server.send("DELETE", "/api/v1/console/session", null, b.headers("X-CSRF-Token", b.csrf()));
        assertThat(out.status()).isEqualTo(204);
        assertThat(out.header("Set-Cookie")).contains("Max-Age=0");
        assertThat(server.send("GET", "/api/v1/sites", null, b.headers()).status()).isEqualTo(401);
    }

    @Test
    void aSessionEndsAfterTwelveHours() {
        createOperator("hanako", "viewer");
        Browser b = signIn("hanako");
        assertThat(server.send("GET", "/api/v1/sites", null, b.headers()).status()).isEqualTo(200);
        server.admin("POST", "/api/v1/test-clock", "{\"advance\": \"PT12H1M\"}");
        assertThat(server.send("GET", "/api/v1/sites", null, b.headers()).status()).isEqualTo(401);
    }

    // ---- CSRF ----------------------------------------------------------------------------------

    @Test
    void aCookieAuthenticatedWriteNeedsTheSessionsCsrfToken() {
        createOperator("hanako", "editor");
        Browser b = signIn("hanako");
        String path = "/api/v1/sites/site_alpha/campaigns/hello";
        TestServer.Reply none = server.send("PUT", path, CAMPAIGN, b.headers());
        assertThat(none.status()).isEqualTo(403);
        assertThat(none.json().at("/error/code").asText()).isEqualTo("csrf");
        assertThat(server.send("PUT", path, CAMPAIGN, b.headers("X-CSRF-Token", "guessed")).status()).isEqualTo(403);
        Browser other = signIn("hanako"); // another session's token does not open this one
        assertThat(server.send("PUT", path, CAMPAIGN, b.headers("X-CSRF-Token", other.csrf())).status()).isIn(401, 403);
        Browser fresh = signIn("hanako");
        assertThat(server.send("PUT", path, CAMPAIGN, fresh.headers("X-CSRF-Token", fresh.csrf())).status()).isEqualTo(201);
        // reads need no token
        assertThat(server.send("GET", path, null, fresh.headers()).status()).isEqualTo(200);
        assertThat(server.admin("GET", path, null).json().get("name").asText()).isEqualTo("Hello");
    }

    @Test
    void aWriteFromAnotherOriginIsRefusedEvenWithTheToken() {
        createOperator("hanako", "editor");
        Browser b = signIn("hanako");
        TestServer.Reply r = server.send("PUT", "/api/v1/sites/site_alpha/campaigns/hello", CAMPAIGN,
                b.headers("X-CSRF-Token", b.csrf(), "Origin", "https://evil.example"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().at("/error/code").asText()).isEqualTo("csrf");
        // and signing in from another origin too (login CSRF)
        assertThat(signInReply("hanako", PASSWORD, "Origin", "https://evil.example").status()).isEqualTo(403);
        // the console's own origin is fine
        TestServer.Reply same = server.send("PUT", "/api/v1/sites/site_alpha/campaigns/hello", CAMPAIGN,
                b.headers("X-CSRF-Token", b.csrf(), "Origin", server.base()));
        assertThat(same.status()).as(same.body()).isEqualTo(201);
    }

    @Test
    void aPersonalTokenNeedsNoCsrfTokenAndACookieIsIgnoredBesideIt() {
        createOperator("hanako", "editor");
        String token = personalToken("hanako");
        TestServer.Reply r = server.send("PUT", "/api/v1/sites/site_alpha/campaigns/hello", CAMPAIGN,
                "Authorization", "Bearer " + token, "Content-Type", "application/json");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    // ---- lock-out -------------------------------------------------------------------------------

    @Test
    void fiveFailuresInARowLockTheAccountForFifteenMinutes() {
        createOperator("hanako", "viewer");
        for (int i = 0; i < ConsoleAuth.MAX_FAILURES; i++) {
            assertThat(signInReply("hanako", "wrong password " + i).status()).isEqualTo(401);
        }
        TestServer.Reply locked = signInReply("hanako", PASSWORD);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.json().at("/error/code").asText()).isEqualTo("locked");
        assertThat(locked.header("Set-Cookie")).isNull();
        server.admin("POST", "/api/v1/test-clock", "{\"advance\": \"PT14M\"}");
        assertThat(signInReply("hanako", PASSWORD).status()).isEqualTo(429);
        server.admin("POST", "/api/v1/test-clock", "{\"advance\": \"PT2M\"}");
        assertThat(signInReply("hanako", PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void parallelGuessesAreEachCountedAndLockTheAccount() throws Exception {
        createOperator("hanako", "viewer");
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        List<java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<String>>> guesses = new ArrayList<>();
        for (int i = 0; i < 3 * ConsoleAuth.MAX_FAILURES; i++) {
            guesses.add(client.sendAsync(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.base() + "/api/v1/console/session"))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"login\": \"hanako\", \"password\": \"guess " + i + "\"}"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString()));
        }
        for (var g : guesses) assertThat(g.get().statusCode()).isIn(401, 429);
        assertThat(signInReply("hanako", PASSWORD).status()).as("locked after parallel guesses").isEqualTo(429);
    }

    @Test
    void aSuccessfulSignInResetsTheFailureCount() {
        createOperator("hanako", "viewer");
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < ConsoleAuth.MAX_FAILURES - 1; i++) signInReply("hanako", "wrong");
            assertThat(signInReply("hanako", PASSWORD).status()).isEqualTo(200);
        }
    }

    @Test
    void anAdministratorCanUnlockAnAccount() {
        JsonNode op = createOperator("hanako", "viewer");
        for (int i = 0; i < ConsoleAuth.MAX_FAILURES; i++) signInReply("hanako", "wrong");
        assertThat(signInReply("hanako", PASSWORD).status()).isEqualTo(429);
        assertThat(server.admin("PATCH", "/api/v1/operators/" + op.get("id").asText(), "{\"unlock\": true}").status()).isEqualTo(200);
        assertThat(signInReply("hanako", PASSWORD).status()).isEqualTo(200);
    }

    // ---- roles -----------------------------------------------------------------------------------

    /**
     * The role an operator needs on each guarded route, written out here (docs/console.md, "Roles on every route")
     * rather than read from {@link ConsoleAuth#required}, so that a wrong rule there fails; the routes themselves
     * come from the router, so a new route without an entry here fails too.
     */
    static final Map<String, Role> ROLES = Map.ofEntries(
            // the operator's own session, password and personal tokens: any role
            entry("GET /api/v1/console/session", Role.VIEWER),
            entry("DELETE /api/v1/console/session", Role.VIEWER),
            entry("PUT /api/v1/me/password", Role.VIEWER),
            entry("GET /api/v1/me/tokens", Role.VIEWER),
            entry("POST /api/v1/me/tokens", Role.VIEWER),
            entry("DELETE /api/v1/me/tokens/{id}", Role.VIEWER),
            // operators: administrators only, reads included
            entry("GET /api/v1/operators", Role.ADMIN),
            entry("POST /api/v1/operators", Role.ADMIN),
            entry("PATCH /api/v1/operators/{id}", Role.ADMIN),
            entry("DELETE /api/v1/operators/{id}", Role.ADMIN),
            entry("POST /api/v1/operators/{id}/invite", Role.ADMIN),
            // the history of every change: administrators only; a site's own history is a read like any other
            entry("GET /api/v1/audit", Role.ADMIN),
            entry("GET /api/v1/sites/{site}/audit", Role.VIEWER),
            // templates, sites and their settings, site tokens
            entry("GET /api/v1/templates", Role.VIEWER),
            entry("GET /api/v1/sites", Role.VIEWER),
            entry("POST /api/v1/sites", Role.ADMIN),
            entry("GET /api/v1/sites/{site}", Role.VIEWER),
            entry("PATCH /api/v1/sites/{site}", Role.ADMIN),
            entry("DELETE /api/v1/sites/{site}", Role.ADMIN),
            entry("POST /api/v1/sites/{site}/tokens", Role.ADMIN),
            // a site's configuration: editors write
            entry("GET /api/v1/sites/{site}/segments", Role.VIEWER),
            entry("GET /api/v1/sites/{site}/segments/{id}", Role.VIEWER),
            entry("PUT /api/v1/sites/{site}/segments/{id}", Role.EDITOR),
            entry("DELETE /api/v1/sites/{site}/segments/{id}", Role.EDITOR),
            entry("GET /api/v1/sites/{site}/segments/{id}/count", Role.VIEWER),
            entry("GET /api/v1/sites/{site}/event-definitions", Role.VIEWER),
            entry("GET /api/v1/sites/{site}/event-definitions/{id}", Role.VIEWER),
            entry("PUT /api/v1/sites/{site}/event-definitions/{id}", Role.EDITOR),
            entry("DELETE /api/v1/sites/{site}/event-definitions/{id}", Role.EDITOR),
            entry("GET /api/v1/sites/{site}/campaigns", Role.VIEWER),
            entry("GET /api/v1/sites/{site}/campaigns/{id}", Role.VIEWER),
            entry("PUT /api/v1/sites/{site}/campaigns/{id}", Role.EDITOR),
            entry("DELETE /api/v1/sites/{site}/campaigns/{id}", Role.EDITOR),
            // visitors: reads, and forgetting a person (administrators)
            entry("GET /api/v1/sites/{site}/profiles", Role.VIEWER),
            entry("GET /api/v1/sites/{site}/profiles/{visitor}", Role.VIEWER),
            entry("GET /api/v1/sites/{site}/profiles/{visitor}/events", Role.VIEWER),
            entry("GET /api/v1/sites/{site}/users/{user}", Role.VIEWER),
            entry("DELETE /api/v1/sites/{site}/users/{user}", Role.ADMIN),
            // the three POSTs that only read
            entry("POST /api/v1/sites/{site}/decide/preview", Role.VIEWER),
            entry("POST /api/v1/sites/{site}/funnels", Role.VIEWER),
            entry("POST /api/v1/sites/{site}/audience/count", Role.VIEWER),
            // reports
            entry("GET /api/v1/sites/{site}/campaigns/{id}/report", Role.VIEWER),
            entry("GET /api/v1/sites/{site}/funnels/journey", Role.VIEWER),
            entry("GET /api/v1/sites/{site}/overview", Role.VIEWER),
            // the test clock (only with --test-clock, as in these tests)
            entry("POST /api/v1/test-clock", Role.ADMIN));

    private static String key(Router.Route r) {
        return r.method() + " " + r.path();
    }

    /** The pinned role of a route; fails for a route without one. */
    private static Role pinned(Router.Route r) {
        Role role = ROLES.get(key(r));
        assertThat(role).as("%s has no role in ConsoleSecurityContract.ROLES: add it (docs/console.md)", key(r)).isNotNull();
        return role;
    }

    /** Every guarded route (but the write-key door), the site's deletion last. */
    private List<Router.Route> operatorRoutes() {
        List<Router.Route> routes = new ArrayList<>(server.app().routes().stream()
                .filter(r -> r.access() != Router.Access.PUBLIC && r.access() != Router.Access.WRITE_KEY).toList());
        routes.sort(Comparator.comparing(r -> r.method() == Router.Method.DELETE && r.path().equals("/api/v1/sites/{site}")));
        return routes;
    }

    private TestServer.Reply call(Router.Route r, String... headers) {
        String path = r.path().replace("{site}", "site_alpha").replaceAll("\\{[^}]+}", "x");
        String body = switch (r.method()) {
            case POST, PUT, PATCH -> "{}";
            default -> null;
        };
        return server.send(r.method().name(), path, body, headers);
    }

    @Test
    void everyGuardedRouteHasAPinnedRoleAndConsoleAuthRequiresIt() {
        List<Router.Route> routes = operatorRoutes();
        TreeSet<String> unpinned = new TreeSet<>();
        TreeSet<String> wrong = new TreeSet<>();
        for (Router.Route r : routes) {
            Role expected = ROLES.get(key(r));
            if (expected == null) unpinned.add(key(r));
            else if (ConsoleAuth.required(r) != expected) wrong.add(key(r) + ": ConsoleAuth says " + ConsoleAuth.required(r) + ", the table " + expected);
        }
        assertThat(unpinned).as("guarded routes without a role in ROLES (a new route needs one)").isEmpty();
        assertThat(wrong).as("routes whose rule in ConsoleAuth.required differs from the pinned table").isEmpty();
        TreeSet<String> stale = new TreeSet<>(ROLES.keySet());
        routes.forEach(r -> stale.remove(key(r)));
        assertThat(stale).as("entries of ROLES that are no route of the router").isEmpty();
    }

    @Test
    void theTableHasEachRoleAndTheRulesDocsConsoleMdNames() {
        // viewers: every GET but the operators and the history of every change
        ROLES.forEach((route, role) -> {
            if (route.startsWith("GET ") && !route.startsWith("GET /api/v1/operators") && !route.equals("GET /api/v1/audit")) {
                assertThat(role).as(route).isEqualTo(Role.VIEWER);
            }
        });
        assertThat(ROLES.values()).contains(Role.VIEWER, Role.EDITOR, Role.ADMIN);
        assertThat(ROLES.entrySet().stream().filter(e -> e.getValue() == Role.EDITOR).map(Map.Entry::getKey))
                .allMatch(k -> k.startsWith("PUT /api/v1/sites/{site}/") || k.startsWith("DELETE /api/v1/sites/{site}/"));
    }

    @Test
    void everyRouteAnswersEachRoleAsItsPinnedRoleSays() {
        createOperator("viewer1", "viewer");
        createOperator("editor1", "editor");
        createOperator("admin1", "admin");
        int refused = 0, allowed = 0;
        for (String[] who : new String[][]{{"viewer1", "viewer"}, {"editor1", "editor"}, {"admin1", "admin"}}) {
            String token = personalToken(who[0]);
            Role role = Role.parse(who[1], "role");
            for (Router.Route r : operatorRoutes()) {
                Role needed = pinned(r);
                TestServer.Reply reply = call(r, "Authorization", "Bearer " + token, "Content-Type", "application/json");
                if (role.includes(needed)) {
                    assertThat(reply.status()).as("%s may %s %s: %s", who[1], r.method(), r.path(), reply.body()).isNotIn(401, 403);
                    allowed++;
                } else {
                    assertThat(reply.status()).as("%s may not %s %s", who[1], r.method(), r.path()).isEqualTo(403);
                    refused++;
                }
            }
        }
        assertThat(refused).isGreaterThan(20);
        assertThat(allowed).isGreaterThan(60);
    }

    @Test
    void aViewerSessionCannotEditEvenWithTheCsrfToken() {
        createOperator("viewer1", "viewer");
        Browser b = signIn("viewer1");
        TestServer.Reply r = server.send("PUT", "/api/v1/sites/site_alpha/campaigns/hello", CAMPAIGN, b.headers("X-CSRF-Token", b.csrf()));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().at("/error/code").asText()).isEqualTo("forbidden");
        assertThat(server.send("GET", "/api/v1/sites/site_alpha/campaigns", null, b.headers()).status()).isEqualTo(200);
    }

    @Test
    void aRoleChangeTakesEffectOnTheNextRequest() {
        JsonNode op = createOperator("hanako", "editor");
        Browser b = signIn("hanako");
        server.admin("PATCH", "/api/v1/operators/" + op.get("id").asText(), "{\"role\": \"viewer\"}");
        assertThat(server.send("PUT", "/api/v1/sites/site_alpha/campaigns/hello", CAMPAIGN, b.headers("X-CSRF-Token", b.csrf())).status())
                .isEqualTo(403);
    }

    @Test
    void aDeletedOperatorsSessionsAndTokensStopWorking() {
        JsonNode op = createOperator("hanako", "editor");
        String token = personalToken("hanako");
        Browser b = signIn("hanako");
        assertThat(server.admin("DELETE", "/api/v1/operators/" + op.get("id").asText(), null).status()).isEqualTo(204);
        assertThat(server.send("GET", "/api/v1/sites", null, b.headers()).status()).isEqualTo(401);
        assertThat(server.send("GET", "/api/v1/sites", null, "Authorization", "Bearer " + token).status()).isEqualTo(401);
    }

    @Test
    void theLastAdministratorCannotBeDemotedOrRemoved() {
        JsonNode admin = createOperator("boss", "admin");
        String id = admin.get("id").asText();
        TestServer.Reply demote = server.admin("PATCH", "/api/v1/operators/" + id, "{\"role\": \"editor\"}");
        assertThat(demote.status()).isEqualTo(409);
        assertThat(demote.json().at("/error/path").asText()).isEqualTo("role");
        assertThat(server.admin("DELETE", "/api/v1/operators/" + id, null).status()).isEqualTo(409);
        createOperator("boss2", "admin");
        assertThat(server.admin("PATCH", "/api/v1/operators/" + id, "{\"role\": \"editor\"}").status()).isEqualTo(200);
    }

    @Test
    void changingOnesPasswordNeedsTheCurrentOneAndEndsTheOtherSessions() {
        createOperator("hanako", "viewer");
        Browser here = signIn("hanako");
        Browser elsewhere = signIn("hanako");
        String newPassword = "a brand new passphrase";
        TestServer.Reply wrong = server.send("PUT", "/api/v1/me/password",
                "{\"current_password\": \"not it\", \"new_password\": \"%s\"}".formatted(newPassword), here.headers("X-CSRF-Token", here.csrf()));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().at("/error/path").asText()).isEqualTo("current_password");
        TestServer.Reply ok = server.send("PUT", "/api/v1/me/password",
                "{\"current_password\": \"%s\", \"new_password\": \"%s\"}".formatted(PASSWORD, newPassword), here.headers("X-CSRF-Token", here.csrf()));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        Browser renewed = new Browser(cookieValue(ok), ok.json().get("csrf").asText());
        assertThat(renewed.cookie()).isNotEqualTo(here.cookie());
        assertThat(server.send("GET", "/api/v1/console/session", null, here.headers()).status()).isEqualTo(401);
        assertThat(server.send("GET", "/api/v1/console/session", null, elsewhere.headers()).status()).isEqualTo(401);
        assertThat(server.send("GET", "/api/v1/console/session", null, renewed.headers()).status()).isEqualTo(200);
        assertThat(signInReply("hanako", PASSWORD).status()).isEqualTo(401);
        assertThat(signInReply("hanako", newPassword).status()).isEqualTo(200);
    }

    @Test
    void wrongCurrentPasswordsCountTowardsTheLockOut() {
        createOperator("hanako", "viewer");
        Browser b = signIn("hanako");
        for (int i = 0; i < ConsoleAuth.MAX_FAILURES; i++) {
            server.send("PUT", "/api/v1/me/password", "{\"current_password\": \"guess %d\", \"new_password\": \"whatever it is now\"}".formatted(i),
                    b.headers("X-CSRF-Token", b.csrf()));
        }
        assertThat(signInReply("hanako", PASSWORD).status()).isEqualTo(429);
    }

    // ---- personal tokens -------------------------------------------------------------------------

    @Test
    void aRevokedTokenOpensNothing() {
        createOperator("hanako", "viewer");
        createOperator("taro", "admin");
        Browser b = signIn("hanako");
        TestServer.Reply created = server.send("POST", "/api/v1/me/tokens", "{\"name\": \"BI export\"}", b.headers("X-CSRF-Token", b.csrf()));
        String token = created.json().get("token").asText();
        String id = created.json().get("id").asText();
        assertThat(token).startsWith("op_");
        assertThat(server.send("GET", "/api/v1/sites", null, "Authorization", "Bearer " + token).status()).isEqualTo(200);
        JsonNode list = server.send("GET", "/api/v1/me/tokens", null, b.headers()).json().get("tokens");
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("name").asText()).isEqualTo("BI export");
        assertThat(list.get(0).has("token")).isFalse();
        assertThat(list.get(0).get("last_used_at").isNull()).isFalse();
        // another operator cannot revoke it, not even an administrator through their own tokens
        Browser taro = signIn("taro");
        assertThat(server.send("DELETE", "/api/v1/me/tokens/" + id, null, taro.headers("X-CSRF-Token", taro.csrf())).status()).isEqualTo(404);
        assertThat(server.send("DELETE", "/api/v1/me/tokens/" + id, null, b.headers("X-CSRF-Token", b.csrf())).status()).isEqualTo(204);
        assertThat(server.send("GET", "/api/v1/sites", null, "Authorization", "Bearer " + token).status()).isEqualTo(401);
        assertThat(server.send("GET", "/api/v1/me/tokens", null, b.headers()).json().get("tokens")).isEmpty();
    }

    // ---- invitations -----------------------------------------------------------------------------

    @Test
    void anInvitationSetsThePasswordOnceAndSignsIn() {
        TestServer.Reply created = server.admin("POST", "/api/v1/operators", "{\"login\": \"Hanako@Shop.example\", \"role\": \"editor\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("login").asText()).isEqualTo("hanako@shop.example");
        assertThat(created.json().get("active").asBoolean()).isFalse();
        String invite = created.json().get("invite").asText();
        assertThat(signInReply("hanako@shop.example", "anything at all").status()).isEqualTo(401);
        TestServer.Reply tooShort = server.send("POST", "/api/v1/console/invites/accept",
                "{\"invite\": \"%s\", \"password\": \"short\"}".formatted(invite), "Content-Type", "application/json");
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.json().at("/error/path").asText()).isEqualTo("password");
        TestServer.Reply accepted = server.send("POST", "/api/v1/console/invites/accept",
                "{\"invite\": \"%s\", \"password\": \"%s\"}".formatted(invite, PASSWORD), "Content-Type", "application/json");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().at("/operator/role").asText()).isEqualTo("editor");
        assertThat(cookieValue(accepted)).isNotEmpty();
        TestServer.Reply again = server.send("POST", "/api/v1/console/invites/accept",
                "{\"invite\": \"%s\", \"password\": \"another password\"}".formatted(invite), "Content-Type", "application/json");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().at("/error/code").asText()).isEqualTo("invite_invalid");
        assertThat(signInReply("hanako@shop.example", PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void theFirstAdministratorIsCreatedOnceWithAOneTimeLink() {
        var store = server.app().storage().operators();
        String invite = dev.omotenashi.server.console.FirstAdministrator.invite(store, server.app().clock()).orElseThrow();
        String second = dev.omotenashi.server.console.FirstAdministrator.invite(store, server.app().clock()).orElseThrow();
        assertThat(store.count()).isEqualTo(1);
        // the newer link replaced the older one
        assertThat(server.send("POST", "/api/v1/console/invites/accept",
                "{\"invite\": \"%s\", \"password\": \"%s\"}".formatted(invite, PASSWORD), "Content-Type", "application/json").status()).isEqualTo(400);
        TestServer.Reply ok = server.send("POST", "/api/v1/console/invites/accept",
                "{\"invite\": \"%s\", \"password\": \"%s\"}".formatted(second, PASSWORD), "Content-Type", "application/json");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().at("/operator/role").asText()).isEqualTo("admin");
        assertThat(dev.omotenashi.server.console.FirstAdministrator.invite(store, server.app().clock())).isEmpty();
    }

    @Test
    void passwordsAreStoredAsArgon2idHashes() {
        JsonNode op = createOperator("hanako", "viewer");
        String stored = server.app().storage().operators().byId(op.get("id").asText()).orElseThrow().passwordHash();
        assertThat(stored).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain(PASSWORD);
        assertThat(op.has("password")).isFalse();
    }
}
