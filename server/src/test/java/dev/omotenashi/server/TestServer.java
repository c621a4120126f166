package dev.omotenashi.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omotenashi.server.store.Storage;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.function.Function;

/**
 * A real server on a free port with a real HTTP client: the one harness the HTTP tests share
 * (STYLE.md 11). Started on the storage a test gives (SQLite in a temp folder, or PostgreSQL).
 */
public final class TestServer implements AutoCloseable {
    public static final String ADMIN = "test-admin-token";
    public static final ObjectMapper JSON = new ObjectMapper();

    private final App app;
    private final HttpClient client = HttpClient.newHttpClient();

    private TestServer(App app) {
        this.app = app;
    }

    /** A server on storage opened by {@code storage} (called once), with the test clock on. */
    public static TestServer start(Path data, Function<Path, Storage> storage) {
        return start(data, storage, App.RateLimits.DEFAULT);
    }

    /** A server with the given rate limits (0: none). */
    public static TestServer start(Path data, Function<Path, Storage> storage, App.RateLimits limits) {
        App.Options o = new App.Options(0, data, null, ADMIN, true, limits);
        return new TestServer(App.start(o, storage.apply(data)));
    }

    /** A server started with the given options (the demo shop, say) on storage opened by {@code storage}. */
    public static TestServer start(App.Options o, Function<Path, Storage> storage) {
        return new TestServer(App.start(o, storage.apply(o.data())));
    }

    public App app() {
        return app;
    }

    public String base() {
        return "http://localhost:" + app.port();
    }

    /** One HTTP exchange. */
    public record Reply(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    public Reply send(String method, String path, String body, String... headers) {
        return exchange(method, path, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8), headers);
    }

    public Reply sendBytes(String method, String path, byte[] body, String... headers) {
        return exchange(method, path, HttpRequest.BodyPublishers.ofByteArray(body), headers);
    }

    private Reply exchange(String method, String path, HttpRequest.BodyPublisher body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).method(method, body);
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** An admin API call with the administrators' token. */
    public Reply admin(String method, String path, String body) {
        return send(method, path, body, "Authorization", "Bearer " + ADMIN, "Content-Type", "application/json");
    }

    /** Creates a site for shop.example and returns its JSON (id, key, write_key …). */
    public JsonNode createSite(String id) {
        Reply r = admin("POST", "/api/v1/sites", """
                {"id": "%s", "name": "Test shop", "domains": ["shop.example"], "timezone": "Asia/Tokyo"}""".formatted(id));
        if (r.status() != 201) throw new AssertionError("site creation failed: " + r.status() + " " + r.body());
        return r.json();
    }

    /** The tag's door. */
    public Reply track(String body, String... headers) {
        String[] h = new String[headers.length + 2];
        h[0] = "Content-Type";
        h[1] = "application/json";
        System.arraycopy(headers, 0, h, 2, headers.length);
        return send("POST", "/v1/t", body, h);
    }

    /** The Segment door with a write key. */
    public Reply segment(String type, String writeKey, String body) {
        String basic = Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
        return send("POST", "/v1/" + type, body, "Authorization", "Basic " + basic, "Content-Type", "application/json");
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    @Override
    public void close() {
        app.close();
    }
}
