package dev.omotenashi.server.http;

import dev.omotenashi.server.audit.Audit;
import dev.omotenashi.server.console.ConsoleAuth;
import dev.omotenashi.server.site.LiveSite;
import dev.omotenashi.server.site.Sites;
import dev.omotenashi.server.store.AuditStore;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Credentials: the administrators' token ({@code OMOTENASHI_ADMIN_TOKEN}, or one generated at start-up),
 * site tokens (a bearer token that opens one site's admin routes and nothing else), and sites' write keys
 * (HTTP Basic, the Segment-compatible door). Tokens are compared in constant time and kept only as
 * SHA-256 hashes. Thread-safe.
 */
public final class Auth {
    /** Request attribute holding the site a write key opened. */
    public static final String SITE_ATTRIBUTE = "omotenashi.site";

    private final byte[] adminHash;
    private final Sites sites;
    private final Map<String, String> siteTokens = new ConcurrentHashMap<>(); // token hash (hex) → site id
    private volatile ConsoleAuth operators;

    public Auth(String adminToken, Sites sites) {
        this.adminHash = sha256(adminToken);
        this.sites = sites;
    }

    /** Registers a site token (its hash) for a site. */
    public void addSiteToken(String tokenHashHex, String site) {
        siteTokens.put(tokenHashHex, site);
    }

    public void removeSiteTokens(String site) {
        siteTokens.values().removeIf(site::equals);
    }

    /** Lets operators (console sessions, personal tokens) in, each as far as their role allows. */
    public void useOperators(ConsoleAuth operators) {
        this.operators = operators;
    }

    void check(Router.Route route, Context ctx) {
        Router.Access access = route.access();
        if (operators != null && access != Router.Access.PUBLIC && access != Router.Access.WRITE_KEY) {
            ConsoleAuth.Principal p = operators.authenticate(ctx);
            if (p != null) {
                operators.authorize(p, route, ctx);
                ctx.attribute(ConsoleAuth.PRINCIPAL, p);
                return;
            }
        }
        switch (access) {
            case PUBLIC -> { }
            case WRITE_KEY -> ctx.attribute(SITE_ATTRIBUTE, writeKeySite(ctx));
            case ADMIN -> {
                String token = bearer(ctx);
                if (!isAdmin(token)) throw ApiException.forbidden("this route needs an administrator's token");
                ctx.attribute(Audit.ACTOR, AuditStore.Actor.adminToken()); // who, for the history of changes
            }
            case OPERATOR -> {
                bearer(ctx);
                throw ApiException.forbidden("this route is for signed-in operators (a session or a personal token)");
            }
            case SITE -> {
                String token = bearer(ctx);
                if (isAdmin(token)) {
                    ctx.attribute(Audit.ACTOR, AuditStore.Actor.adminToken());
                    return;
                }
                String site = siteTokens.get(hex(sha256(token)));
                String wanted = ctx.pathParamMap().get("site");
                if (site == null) throw ApiException.unauthorized("unknown token");
                if (wanted == null || !MessageDigest.isEqual(site.getBytes(StandardCharsets.UTF_8), wanted.getBytes(StandardCharsets.UTF_8))) {
                    throw ApiException.forbidden("this token does not open site " + wanted);
                }
                ctx.attribute(Audit.ACTOR, AuditStore.Actor.siteToken(token));
            }
        }
    }

    private boolean isAdmin(String token) {
        return MessageDigest.isEqual(adminHash, sha256(token));
    }

    private static String bearer(Context ctx) {
        String h = ctx.header("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7) || h.length() <= 7) {
            throw ApiException.unauthorized("missing bearer token (Authorization: Bearer <token>)");
        }
        return h.substring(7).trim();
    }

    /**
     * The site of a Segment call: HTTP Basic with the write key as user name, or — as Segment's newer
     * libraries send it — a {@code writeKey} field in the body.
     */
    private LiveSite writeKeySite(Context ctx) {
        String h = ctx.header("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Basic ", 0, 6)) {
            String key = bodyWriteKey(ctx);
            if (key == null) throw ApiException.unauthorized("missing HTTP Basic credentials (the site's write key as user name)");
            LiveSite site = sites.byWriteKey(key);
            if (site == null) throw ApiException.unauthorized("unknown write key");
            return site;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.unauthorized("malformed HTTP Basic credentials");
        }
        int colon = decoded.indexOf(':');
        String key = colon < 0 ? decoded : decoded.substring(0, colon);
        LiveSite site = sites.byWriteKey(key);
        if (site == null) throw ApiException.unauthorized("unknown write key");
        return site;
    }

    private static final com.fasterxml.jackson.core.JsonFactory JSON = new com.fasterxml.jackson.core.JsonFactory();

    /** The top-level {@code writeKey} of a JSON body, read by streaming (the body is parsed again later). */
    private static String bodyWriteKey(Context ctx) {
        byte[] body = Bodies.bytes(ctx);
        if (body.length == 0 || body.length > 512 * 1024) return null;
        try (com.fasterxml.jackson.core.JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) return null;
            while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String field = p.currentName();
                com.fasterxml.jackson.core.JsonToken t = p.nextToken();
                if ("writeKey".equals(field) && t == com.fasterxml.jackson.core.JsonToken.VALUE_STRING) return p.getText();
                p.skipChildren();
            }
        } catch (java.io.IOException e) {
            return null;
        }
        return null;
    }

    public static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public static String hex(byte[] b) {
        return java.util.HexFormat.of().formatHex(b);
    }
}
