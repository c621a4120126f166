package dev.omotenashi.server.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omotenashi.server.http.ApiException;
import dev.omotenashi.server.http.Router;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The console's single-page app at {@code /console/} (docs/console.md): the files the {@code console} module
 * builds into {@code dev/omotenashi/console/} (listed in its {@code manifest.json}), read once at start-up.
 * Built assets carry a content hash in their names and are cached for a year; {@code index.html} is
 * revalidated every time and answers every client-side route (a path without a file extension). Public: the
 * files hold no data; every API call behind them checks its caller. A strict Content-Security-Policy allows
 * only this origin's scripts and styles, and no framing.
 */
public final class ConsoleRoutes {
    static final String DIR = "/dev/omotenashi/console/";
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

    private record Asset(byte[] bytes, String type) {}

    private final Map<String, Asset> files = new HashMap<>();

    public ConsoleRoutes(ObjectMapper json) {
        byte[] manifest = read("manifest.json");
        if (manifest == null) return; // the console is not in this build
        try {
            for (JsonNode name : json.readTree(manifest).path("files")) {
                byte[] b = read(name.asText());
                if (b != null) files.put(name.asText(), new Asset(b, type(name.asText())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable console manifest", e);
        }
    }

    public void register(Router r) {
        // Javalin ignores a trailing slash: this is /console and /console/ alike (no redirect, which would loop)
        r.get("/console", Router.Access.PUBLIC, ctx -> serve(ctx, "index.html"));
        r.get("/console/<path>", Router.Access.PUBLIC, ctx -> serve(ctx, ctx.pathParam("path")));
    }

    private void serve(Context ctx, String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        boolean clientRoute = !last.contains(".");
        String name = clientRoute ? "index.html" : path;
        Asset a = files.get(name);
        if (a == null) {
            if (files.isEmpty()) throw new ApiException(404, "not_built", "the console is not in this build; build the console module (docs/console.md)");
            throw ApiException.notFound("no console file " + path);
        }
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        if (name.equals("index.html")) {
            ctx.header("Cache-Control", "no-cache");
            ctx.header("Content-Security-Policy", CSP);
            ctx.header("X-Frame-Options", "DENY");
        } else {
            ctx.header("Cache-Control", name.matches(".*-[A-Z0-9]{8}\\.[a-z]+") ? "public, max-age=31536000, immutable" : "public, max-age=300");
        }
        ctx.contentType(a.type()).result(a.bytes());
    }

    private static String type(String name) {
        if (name.endsWith(".html")) return "text/html; charset=utf-8";
        if (name.endsWith(".js")) return "application/javascript; charset=utf-8";
        if (name.endsWith(".css")) return "text/css; charset=utf-8";
        if (name.endsWith(".svg")) return "image/svg+xml";
        if (name.endsWith(".json")) return "application/json";
        if (name.endsWith(".png")) return "image/png";
        return "application/octet-stream";
    }

    private static byte[] read(String name) {
        try (InputStream in = ConsoleRoutes.class.getResourceAsStream(DIR + name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read console file " + name, e);
        }
    }
}
