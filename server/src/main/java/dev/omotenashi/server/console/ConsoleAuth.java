package dev.omotenashi.server.console;

import dev.omotenashi.server.http.ApiException;
import dev.omotenashi.server.http.Auth;
import dev.omotenashi.server.http.Router;
import dev.omotenashi.server.store.OperatorStore;
import dev.omotenashi.server.store.OperatorStore.Operator;
import dev.omotenashi.server.store.OperatorStore.Session;
import dev.omotenashi.server.store.OperatorStore.Token;
import io.javalin.http.Context;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Operators' credentials and what each may do (docs/console.md): sign-in with Argon2id passwords and lock-out,
 * session cookies (HttpOnly, SameSite=Strict, Secure over https) whose id is new at every sign-in, a CSRF
 * token required on every cookie-authenticated write, personal API tokens ({@code op_…}), and the role each
 * route needs. {@link Auth} asks {@link #authenticate} first on every guarded route; when the caller is no
 * operator it falls back to the administrators' token and site tokens as before. Thread-safe.
 */
public final class ConsoleAuth {
    /** The session cookie's name. */
    public static final String COOKIE = "omotenashi_session";
    /** The header a cookie-authenticated write must carry, holding the session's CSRF token. */
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** Prefix of personal API tokens. */
    public static final String TOKEN_PREFIX = "op_";
    /** Request attribute holding the {@link Principal}. */
    public static final String PRINCIPAL = "omotenashi.operator";

    /** Failed sign-ins in a row that lock an account, and for how long. */
    public static final int MAX_FAILURES = 5;
    public static final Duration LOCK = Duration.ofMinutes(15);
    /**
     * Failed sign-ins from one client address within {@link #ADDRESS_WINDOW} after which that address is
     * refused (429 {@code rate_limited}) until the oldest of them leaves the window ({@link SignInLimit}).
     */
    public static final int ADDRESS_FAILURES = 20;
    public static final Duration ADDRESS_WINDOW = Duration.ofMinutes(10);
    /** How long a session lasts from sign-in (not sliding). */
    public static final Duration SESSION = Duration.ofHours(12);
    /** How long an invitation (the first administrator's link, a new operator's link) stays valid. */
    public static final Duration INVITE = Duration.ofDays(7);
    private static final long TOUCH_EVERY_MS = 60_000;

    /** A signed-in caller: by session (cookie) or by personal token. */
    public record Principal(Operator operator, Role role, Session session, Token token) {}

    private final OperatorStore store;
    private final Passwords passwords;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final SignInLimit addresses;

    public ConsoleAuth(OperatorStore store, Passwords passwords, Clock clock) {
        this.store = store;
        this.passwords = passwords;
        this.clock = clock;
        this.addresses = new SignInLimit(ADDRESS_FAILURES, ADDRESS_WINDOW, clock);
    }

    public OperatorStore store() {
        return store;
    }

    public Passwords passwords() {
        return passwords;
    }

    public Clock clock() {
        return clock;
    }

    // ---- who is calling --------------------------------------------------------------------------

    /**
     * The operator behind a request: a personal token in {@code Authorization: Bearer op_…}, or, when the
     * request has no Authorization header, the session cookie. Null when the request carries neither (the
     * caller may hold the administrators' token or a site token).
     *
     * @throws ApiException 401 for an unknown or revoked token, an unknown or expired session, or an
     *                      operator who no longer exists
     */
    public Principal authenticate(Context ctx) {
        String h = ctx.header("Authorization");
        if (h != null) {
            if (!h.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
            String token = h.substring(7).trim();
            if (!token.startsWith(TOKEN_PREFIX)) return null;
            Token t = store.tokenByHash(hash(token)).orElseThrow(() -> ApiException.unauthorized("unknown or revoked token"));
            Operator op = store.byId(t.operatorId()).orElseThrow(() -> ApiException.unauthorized("unknown or revoked token"));
            long now = clock.millis();
            if (t.lastUsedAt() == null || now - t.lastUsedAt() > TOUCH_EVERY_MS) store.touchToken(t.id(), now);
            return new Principal(op, Role.parse(op.role(), "role"), null, t);
        }
        String cookie = ctx.cookie(COOKIE);
        if (cookie == null || cookie.isEmpty()) return null;
        Session s = store.session(hash(cookie)).orElse(null);
        if (s == null || s.expiresAt() <= clock.millis()) {
            throw ApiException.unauthorized("your session has ended; sign in again");
        }
        Operator op = store.byId(s.operatorId()).orElseThrow(() -> ApiException.unauthorized("your session has ended; sign in again"));
        return new Principal(op, Role.parse(op.role(), "role"), s, null);
    }

    /**
     * Whether the principal may call the route: its role must include the route's ({@link #required}), and a
     * cookie-authenticated write must carry the session's CSRF token and, when the browser sent an Origin,
     * come from this server's own origin.
     *
     * @throws ApiException 403 otherwise
     */
    public void authorize(Principal p, Router.Route route, Context ctx) {
        if (p.session() != null && !safe(route.method())) {
            sameOrigin(ctx);
            String sent = ctx.header(CSRF_HEADER);
            if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), p.session().csrf().getBytes(StandardCharsets.UTF_8))) {
                throw new ApiException(403, "csrf", "missing or wrong " + CSRF_HEADER + " header (a cookie-authenticated write needs the session's CSRF token)");
            }
        }
        Role needed = required(route);
        if (!p.role().includes(needed)) {
            throw ApiException.forbidden("this needs the " + needed.json() + " role; you are " + p.role().json());
        }
    }

    /**
     * The role a route needs: reading anything but operators and the history of every site needs a viewer
     * (a site's own history included); writing a site's configuration (segments, event definitions,
     * campaigns) an editor; everything else an administrator (sites and their settings, site tokens,
     * operators, forgetting a person, the test clock, the history of all changes). Three POSTs are reads (the
     * decision preview, a funnel, an audience count); the caller's own session and tokens need any role.
     */
    public static Role required(Router.Route route) {
        String path = route.path();
        if (path.startsWith("/api/v1/operators")) return Role.ADMIN;
        if (path.startsWith("/api/v1/audit")) return Role.ADMIN; // every site's history and the operators'
        if (route.access() == Router.Access.OPERATOR) return Role.VIEWER;
        if (safe(route.method())) return Role.VIEWER;
        if (route.access() == Router.Access.SITE) {
            if (route.method() == Router.Method.POST && (path.endsWith("/decide/preview") || path.endsWith("/funnels")
                    || path.endsWith("/audience/count"))) return Role.VIEWER;
            if (path.equals("/api/v1/sites/{site}")) return Role.ADMIN;
            if (path.startsWith("/api/v1/sites/{site}/users/")) return Role.ADMIN;
            return Role.EDITOR;
        }
        return Role.ADMIN;
    }

    private static boolean safe(Router.Method m) {
        return m == Router.Method.GET || m == Router.Method.OPTIONS;
    }

    /** A browser's Origin, when sent, must be this server (the Host it was asked for). */
    public static void sameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null) return;
        String host = Optional.ofNullable(ctx.header("X-Forwarded-Host")).orElse(ctx.header("Host"));
        String authority;
        try {
            authority = "null".equals(origin) ? null : URI.create(origin).getRawAuthority();
        } catch (IllegalArgumentException e) {
            authority = null;
        }
        if (authority == null || host == null || !authority.equalsIgnoreCase(host.trim())) {
            throw new ApiException(403, "csrf", "cross-origin request refused (Origin " + origin + ")");
        }
    }

    // ---- signing in and out ----------------------------------------------------------------------

    /**
     * Checks a login and password; on success starts a new session (a fresh id: any session the request
     * carried is ended, so a planted id is never promoted) and sets its cookie.
     *
     * <p>The client address is the TCP peer's ({@code ctx.ip()}, as the tracking door's rate limit uses):
     * behind a reverse proxy that is the proxy, so its clients share one count (docs/console.md).
     *
     * @throws ApiException 401 for a wrong login or password (the same answer for both, in the same time);
     *                      429 {@code locked} while the account is locked after {@value #MAX_FAILURES}
     *                      failures in a row; 429 {@code rate_limited} with {@code Retry-After}, before any
     *                      password is looked at, while the client's address has {@value #ADDRESS_FAILURES}
     *                      failures within {@link #ADDRESS_WINDOW}
     */
    public Principal signIn(String login, String password, Context ctx) {
        String address = ctx.ip();
        long wait = addresses.retryAfterSeconds(address);
        if (wait > 0) {
            ctx.header("Retry-After", Long.toString(wait));
            throw new ApiException(429, "rate_limited", "too many failed sign-ins from your address; try again in "
                    + Math.max(1, (wait + 59) / 60) + " minute(s)");
        }
        try {
            Operator op = login == null ? null : store.byLogin(normalizeLogin(login)).orElse(null);
            if (op == null || op.passwordHash() == null) {
                passwords.verifyDecoy(password == null ? "" : password);
                throw ApiException.unauthorized("wrong login or password");
            }
            if (!checkPassword(op, password)) throw ApiException.unauthorized("wrong login or password");
            return startSession(op, ctx);
        } catch (ApiException e) {
            // a wrong password, an unknown login, a locked account: each is a failed try from this address
            if (e.status() == 401 || e.status() == 429) addresses.failure(address);
            throw e;
        }
    }

    /**
     * Checks an operator's password, with the lock-out: false (and one more failure counted) when wrong.
     *
     * @throws ApiException 429 {@code locked} while the account is locked
     */
    public boolean checkPassword(Operator op, String password) {
        long now = clock.millis();
        if (op.lockedUntil() > now) throw locked(op.lockedUntil() - now);
        if (!passwords.verify(password == null ? "" : password, op.passwordHash())) {
            // counted in the database, atomically: parallel guesses cannot all read the same count
            if (store.countFailure(op.id()) >= MAX_FAILURES) store.lock(op.id(), now + LOCK.toMillis());
            return false;
        }
        if (op.failedAttempts() != 0 || op.lockedUntil() != 0) store.clearFailures(op.id());
        return true;
    }

    private static ApiException locked(long remainingMs) {
        return new ApiException(429, "locked", "too many failed sign-ins; this account is locked for "
                + Math.max(1, (remainingMs + 59_999) / 60_000) + " more minute(s)");
    }

    /** Starts a session for an operator (after a password or an invitation) and sets the cookie. */
    public Principal startSession(Operator op, Context ctx) {
        String old = ctx.cookie(COOKIE);
        if (old != null && !old.isEmpty()) store.deleteSession(hash(old));
        long now = clock.millis();
        store.deleteExpiredSessions(now);
        String id = randomToken(32);
        Session s = new Session(hash(id), op.id(), randomToken(24), now, now + SESSION.toMillis());
        store.putSession(s);
        setCookie(ctx, id, SESSION.toSeconds());
        return new Principal(op, Role.parse(op.role(), "role"), s, null);
    }

    /** Ends the request's session and clears the cookie. */
    public void signOut(Context ctx) {
        String cookie = ctx.cookie(COOKIE);
        if (cookie != null && !cookie.isEmpty()) store.deleteSession(hash(cookie));
        setCookie(ctx, "", 0);
    }

    /**
     * The cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it), Path=/, and
     * Secure when the request came over https (directly or, behind a proxy, by X-Forwarded-Proto). Over
     * plain http (a trial on localhost) it is not Secure, or the browser would not keep it.
     */
    private static void setCookie(Context ctx, String value, long maxAgeSeconds) {
        boolean https = "https".equalsIgnoreCase(ctx.scheme())
                || "https".equalsIgnoreCase(Optional.ofNullable(ctx.header("X-Forwarded-Proto")).orElse("").trim());
        ctx.res().addHeader("Set-Cookie", COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds
                + "; HttpOnly; SameSite=Strict" + (https ? "; Secure" : ""));
    }

    // ---- secrets ---------------------------------------------------------------------------------

    public String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public static String hash(String secret) {
        return Auth.hex(Auth.sha256(secret));
    }

    /** Creates an invitation for an operator and returns its secret (shown once). */
    public String invite(String operatorId) {
        String secret = "oi_" + randomToken(24);
        store.putInvite(hash(secret), operatorId, clock.millis() + INVITE.toMillis());
        return secret;
    }

    /** Lower-cased, trimmed login. */
    public static String normalizeLogin(String login) {
        return login == null ? null : login.trim().toLowerCase(Locale.ROOT);
    }
}
