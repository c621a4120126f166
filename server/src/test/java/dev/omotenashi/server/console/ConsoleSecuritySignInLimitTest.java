package dev.omotenashi.server.console;

import dev.omotenashi.server.MovableClock;
import dev.omotenashi.server.TestServer;
import dev.omotenashi.server.store.sqlite.SqliteStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in limit per client address, beside the per-account lock-out (docs/console.md): after
 * {@value ConsoleAuth#ADDRESS_FAILURES} failed sign-ins from one address within ten minutes, that address is
 * refused with 429 {@code rate_limited} and {@code Retry-After}, without any password being looked at, until
 * the oldest failure leaves the window. Successful sign-ins do not count.
 */
class ConsoleSecuritySignInLimitTest {
    static final String PASSWORD = "correct horse battery";

    @TempDir
    Path data;
    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(data, SqliteStorage::open);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String createOperator(String login) {
        TestServer.Reply r = server.admin("POST", "/api/v1/operators",
                "{\"login\": \"%s\", \"role\": \"viewer\", \"password\": \"%s\"}".formatted(login, PASSWORD));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private TestServer.Reply signIn(String login, String password) {
        return server.send("POST", "/api/v1/console/session", "{\"login\": \"%s\", \"password\": \"%s\"}".formatted(login, password),
                "Content-Type", "application/json");
    }

    /** Failed sign-ins spread over unknown logins, so no account's own lock-out is what stops them. */
    private void fail(int times) {
        for (int i = 0; i < times; i++) assertThat(signIn("nobody" + i, "guess " + i).status()).isEqualTo(401);
    }

    @Test
    void twentyFailuresFromOneAddressCloseItWithRetryAfterWithoutLookingAtThePassword() {
        String id = createOperator("hanako");
        fail(ConsoleAuth.ADDRESS_FAILURES);
        TestServer.Reply refused = signIn("hanako", PASSWORD);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().at("/error/code").asText()).isEqualTo("rate_limited");
        assertThat(refused.header("Set-Cookie")).isNull();
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(ConsoleAuth.ADDRESS_WINDOW.toSeconds() - 60, ConsoleAuth.ADDRESS_WINDOW.toSeconds());
        // a wrong password is not even checked: the account's own failures do not move
        assertThat(signIn("hanako", "a wrong guess").status()).isEqualTo(429);
        assertThat(server.app().storage().operators().byId(id).orElseThrow().failedAttempts()).isZero();
    }

    @Test
    void theAddressOpensAgainWhenTheOldestFailureLeavesTheWindow() {
        createOperator("hanako");
        fail(1);
        server.admin("POST", "/api/v1/test-clock", "{\"advance\": \"PT5M\"}");
        fail(ConsoleAuth.ADDRESS_FAILURES - 1);
        assertThat(signIn("hanako", PASSWORD).status()).isEqualTo(429);
        server.admin("POST", "/api/v1/test-clock", "{\"advance\": \"PT4M\"}");
        TestServer.Reply still = signIn("hanako", PASSWORD);
        assertThat(still.status()).isEqualTo(429);
        assertThat(Long.parseLong(still.header("Retry-After"))).isBetween(1L, 60L);
        server.admin("POST", "/api/v1/test-clock", "{\"advance\": \"PT1M1S\"}");
        // the first failure left the window: one more try, which succeeds
        assertThat(signIn("hanako", PASSWORD).status()).isEqualTo(200);
        // the other nineteen are still in it: one more failure closes the address again
        fail(1);
        assertThat(signIn("hanako", PASSWORD).status()).isEqualTo(429);
    }

    @Test
    void successfulSignInsDoNotCount() {
        createOperator("hanako");
        for (int i = 0; i < 2 * ConsoleAuth.ADDRESS_FAILURES; i++) assertThat(signIn("hanako", PASSWORD).status()).isEqualTo(200);
        fail(ConsoleAuth.ADDRESS_FAILURES - 1);
        assertThat(signIn("hanako", PASSWORD).status()).isEqualTo(200);
        fail(1);
        assertThat(signIn("hanako", PASSWORD).status()).isEqualTo(429);
    }

    @Test
    void aLockedAccountsRefusalsCountAsFailuresToo() {
        createOperator("hanako");
        for (int i = 0; i < ConsoleAuth.MAX_FAILURES; i++) assertThat(signIn("hanako", "wrong " + i).status()).isEqualTo(401);
        for (int i = ConsoleAuth.MAX_FAILURES; i < ConsoleAuth.ADDRESS_FAILURES; i++) {
            TestServer.Reply r = signIn("hanako", "wrong " + i);
            assertThat(r.status()).isEqualTo(429);
            assertThat(r.json().at("/error/code").asText()).isEqualTo("locked");
        }
        assertThat(signIn("hanako", PASSWORD).json().at("/error/code").asText()).isEqualTo("rate_limited");
    }

    // ---- the count itself ----------------------------------------------------------------------

    @Test
    void anIpv6AddressCountsByItsSlash64AndIpv4ByItself() {
        assertThat(SignInLimit.key("2001:db8:1:2::1")).isEqualTo(SignInLimit.key("2001:db8:1:2:ffff:ffff:ffff:ffff"));
        assertThat(SignInLimit.key("[2001:db8:1:2::1]")).isEqualTo(SignInLimit.key("2001:db8:1:2::7"));
        assertThat(SignInLimit.key("2001:db8:1:2::1")).isNotEqualTo(SignInLimit.key("2001:db8:1:3::1"));
        assertThat(SignInLimit.key("192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(SignInLimit.key("192.0.2.1")).isNotEqualTo(SignInLimit.key("192.0.2.2"));
    }

    @Test
    void eachAddressHasItsOwnCount() {
        MovableClock clock = new MovableClock(Clock.systemUTC());
        SignInLimit limit = new SignInLimit(3, Duration.ofMinutes(10), clock);
        for (int i = 0; i < 3; i++) limit.failure("192.0.2.1");
        assertThat(limit.retryAfterSeconds("192.0.2.1")).isEqualTo(600);
        assertThat(limit.retryAfterSeconds("192.0.2.2")).isZero();
        clock.advance(Duration.ofMinutes(10));
        assertThat(limit.retryAfterSeconds("192.0.2.1")).isZero();
    }
}
