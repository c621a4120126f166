package dev.omotenashi.server.http;

import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The demo shop at {@code /demo/} ({@code omotenashi demo} only): static files packaged in the
 * {@code demo} module under {@code dev/omotenashi/demo/}. Every page path answers the one page shell,
 * {@code shop.html}, whose script renders the page for its path; the shell carries the demo site's public
 * tag key, substituted for {@value #KEY_PLACEHOLDER} when it is served, so the pages never hold a key
 * that another installation would not have (site keys are random per installation).
 *
 * <p>Public: the shop is a public web site, and it reads nothing but its own packaged files. Paths with
 * {@code ..}, backslashes or characters outside a small safe set are refused, so no request can reach
 * another resource of the class path.
 */
public final class DemoRoutes {
    /** Where the shop is served; the demo site's campaigns are written for paths under it. */
    public static final String BASE = "/demo";
    static final String KEY_PLACEHOLDER = "__OMOTENASHI_SITE_KEY__";
    private static final String ROOT = "dev/omotenashi/demo/";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._/-]{0,200}");
    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json");

    private final Supplier<String> siteKey;
    private final String shell;

    /** @param siteKey the demo site's public key now, or null when the demo site is gone */
    public DemoRoutes(Supplier<String> siteKey) {
        this.siteKey = siteKey;
        byte[] page = read("shop.html");
        if (page == null) throw new IllegalStateException("the demo shop is not on the class path (" + ROOT + "shop.html)");
        this.shell = new String(page, StandardCharsets.UTF_8);
    }

    public void register(Router r) {
        // Javalin matches /demo and /demo/ alike; the top page wants the slash so relative URLs resolve
        r.get(BASE, Router.Access.PUBLIC, ctx -> {
            if (ctx.path().endsWith("/")) page(ctx);
            else ctx.redirect(BASE + "/");
        });
        r.get(BASE + "/<path>", Router.Access.PUBLIC, this::file);
    }

    private void file(Context ctx) {
        String path = ctx.pathParam("path");
        if (!SAFE.matcher(path).matches() || path.contains("..") || path.contains("//")) {
            throw ApiException.notFound("no such page");
        }
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        if (dot <= slash) {
            page(ctx); // a page of the shop: the shell renders it
            return;
        }
        String type = TYPES.get(path.substring(dot + 1));
        byte[] body = type == null || !(path.startsWith("assets/") || path.startsWith("img/")) ? null : read(path);
        if (body == null) throw ApiException.notFound("no such file");
        ctx.header("Cache-Control", "no-cache"); // a few small files; a rebuilt shop shows at once
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType(type).result(body);
    }

    private void page(Context ctx) {
        String key = siteKey.get();
        if (key == null) throw ApiException.notFound("the demo site is not installed");
        if (!KEY.matcher(key).matches()) throw new IllegalStateException("unexpected site key format"); // goes into a script
        ctx.header("Cache-Control", "no-cache");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType("text/html; charset=utf-8").result(shell.replace(KEY_PLACEHOLDER, key));
    }

    private static byte[] read(String path) {
        try (InputStream in = DemoRoutes.class.getClassLoader().getResourceAsStream(ROOT + path)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
