package dev.omotenashi.server;

import dev.omotenashi.server.http.Router;
import dev.omotenashi.server.store.sqlite.SqliteStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route that is not public refuses missing, wrong and another site's credentials. The routes come
 * from the router itself, so a new route cannot slip through untested.
 */
class RouteSecurityTest {
    @TempDir
    Path data;
    TestServer server;
    String tokenA;
    String tokenB;

    @BeforeEach
    void start() {
        server = TestServer.start(data, SqliteStorage::open);
        server.createSite("site_alpha");
        server.createSite("site_bravo");
        tokenA = server.admin("POST", "/api/v1/sites/site_alpha/tokens", "{}").json().get("token").asText();
        tokenB = server.admin("POST", "/api/v1/sites/site_bravo/tokens", "{}").json().get("token").asText();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private List<Router.Route> guarded() {
        return server.app().routes().stream().filter(r -> r.access() != Router.Access.PUBLIC).toList();
    }

    private static String path(Router.Route r) {
        return r.path().replace("{site}", "site_alpha").replaceAll("\\{[^}]+}", "x");
    }

    private TestServer.Reply call(Router.Route r, String... headers) {
        String body = switch (r.method()) {
            case POST, PUT, PATCH -> "{}";
            default -> null;
        };
        return server.send(r.method().name(), path(r), body, headers);
    }

    @Test
    void thereAreGuardedRoutesToCheck() {
        assertThat(guarded()).hasSizeGreaterThan(20);
    }

    @Test
    void everyGuardedRouteRefusesARequestWithoutCredentials() {
        for (Router.Route r : guarded()) {
            assertThat(call(r).status()).as("%s %s without credentials", r.method(), r.path()).isEqualTo(401);
        }
    }

    @Test
    void everyGuardedRouteRefusesWrongCredentials() {
        for (Router.Route r : guarded()) {
            TestServer.Reply reply = r.access() == Router.Access.WRITE_KEY
                    ? call(r, "Authorization", "Basic d2tfd3Jvbmc6")
                    : call(r, "Authorization", "Bearer not-a-token");
            assertThat(reply.status()).as("%s %s with a wrong credential", r.method(), r.path()).isIn(401, 403);
        }
    }

    @Test
    void anotherSitesTokenOpensNoRouteOfThisSite() {
        for (Router.Route r : guarded()) {
            if (r.access() == Router.Access.WRITE_KEY) continue;
            assertThat(call(r, "Authorization", "Bearer " + tokenB).status())
                    .as("%s %s with site B's token", r.method(), r.path()).isEqualTo(403);
        }
    }

    @Test
    void aSiteTokenOpensItsOwnSiteButNoAdministratorRoute() {
        for (Router.Route r : guarded()) {
            if (r.access() == Router.Access.ADMIN) {
                assertThat(call(r, "Authorization", "Bearer " + tokenA).status())
                        .as("%s %s is for administrators", r.method(), r.path()).isEqualTo(403);
            }
        }
        assertThat(server.send("GET", "/api/v1/sites/site_alpha", null, "Authorization", "Bearer " + tokenA).status()).isEqualTo(200);
        assertThat(server.send("GET", "/api/v1/sites/site_bravo/campaigns", null, "Authorization", "Bearer " + tokenA).status()).isEqualTo(403);
    }

    @Test
    void aWriteKeyOfOneSiteNeverWritesAnother() {
        String writeKeyB = server.admin("GET", "/api/v1/sites/site_bravo", null).json().get("write_key").asText();
        server.segment("track", writeKeyB, "{\"anonymousId\": \"anon-b-0001\", \"event\": \"cart\", \"messageId\": \"m1\"}");
        assertThat(server.admin("GET", "/api/v1/sites/site_alpha/profiles/anon-b-0001", null).status()).isEqualTo(404);
        assertThat(server.admin("GET", "/api/v1/sites/site_bravo/profiles/anon-b-0001", null).status()).isEqualTo(200);
    }
}
