package dev.omotenashi.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omotenashi.engine.config.ConfigError;
import dev.omotenashi.engine.config.ValidationException;
import dev.omotenashi.server.MovableClock;
import dev.omotenashi.server.audit.Audit;
import dev.omotenashi.server.audit.Change;
import dev.omotenashi.server.store.Storage;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Operations: {@code /health} (the process answers), {@code /ready} (storage answers too),
 * {@code /metrics} (Prometheus), {@code /api/v1/openapi.json}, and with {@code --test-clock} the
 * endpoint that moves the clock.
 */
public final class OpsRoutes {
    private final Storage storage;
    private final Metrics metrics;
    private final ObjectMapper json;
    private final MovableClock testClock;
    private final Audit audit;

    /** @param audit records each move of the test clock */
    public OpsRoutes(Storage storage, Metrics metrics, ObjectMapper json, MovableClock testClock, Audit audit) {
        this.audit = audit;
        this.storage = storage;
        this.metrics = metrics;
        this.json = json;
        this.testClock = testClock;
    }

    public void register(Router r) {
        r.get("/health", Router.Access.PUBLIC, ctx -> ctx.json(json.createObjectNode().put("status", "ok")));
        r.get("/ready", Router.Access.PUBLIC, ctx -> {
            boolean ok = storage.healthy();
            ctx.status(ok ? 200 : 503).json(json.createObjectNode().put("status", ok ? "ready" : "storage unavailable"));
        });
        r.get("/metrics", Router.Access.PUBLIC, ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.scrape()));
        r.get("/api/v1/openapi.json", Router.Access.PUBLIC, ctx -> ctx.json(openApi(r)));
        if (testClock != null) {
            r.post("/api/v1/test-clock", Router.Access.ADMIN, ctx -> {
                JsonNode body = Bodies.json(ctx, json, 4096);
                JsonNode advance = body.get("advance");
                if (advance == null || !advance.isTextual()) {
                    throw new ValidationException(ConfigError.of("advance", "required", "expected an ISO-8601 duration such as PT1H"));
                }
                Duration by;
                try {
                    by = Duration.parse(advance.asText());
                } catch (DateTimeParseException e) {
                    by = null;
                }
                if (by == null || by.isNegative()) {
                    throw new ValidationException(ConfigError.of("advance", "invalid_format", "expected a positive ISO-8601 duration such as PT1H"));
                }
                Duration step = by;
                // the clock lives in memory: its entry is written first, and the clock moves once that committed
                audit.trail(ctx).record(Change.of("advance", Change.TEST_CLOCK, null, null)
                        .withDetail(json.createObjectNode().put("advance", step.toString())));
                testClock.advance(step);
                ctx.json(json.createObjectNode().put("now", java.time.Instant.ofEpochMilli(testClock.millis()).toString())
                        .put("offset", testClock.offset().toString()));
            });
        }
    }

    /** The OpenAPI document, generated from the routes as declared (so it cannot drift from them). */
    private ObjectNode openApi(Router r) {
        ObjectNode doc = json.createObjectNode();
        doc.put("openapi", "3.1.0");
        doc.putObject("info").put("title", "Omotenashi API").put("version", "1")
                .put("description", "Tracking doors and the admin API. See docs/api.md for bodies and examples.");
        ObjectNode schemes = doc.putObject("components").putObject("securitySchemes");
        schemes.putObject("bearer").put("type", "http").put("scheme", "bearer");
        schemes.putObject("writeKey").put("type", "http").put("scheme", "basic");
        schemes.putObject("session").put("type", "apiKey").put("in", "cookie").put("name", "omotenashi_session")
                .put("description", "the console's session; writes also need the X-CSRF-Token header (docs/console.md)");
        ObjectNode error = doc.withObjectProperty("components").putObject("schemas").putObject("Error");
        error.put("type", "object");
        error.putObject("properties").putObject("error").put("type", "object")
                .putObject("properties").<ObjectNode>set("code", json.createObjectNode().put("type", "string"))
                .<ObjectNode>set("message", json.createObjectNode().put("type", "string"))
                .set("path", json.createObjectNode().put("type", "string"));
        ObjectNode paths = doc.putObject("paths");
        for (Router.Route route : r.routes()) {
            ObjectNode op = paths.withObjectProperty(route.path()).putObject(route.method().name().toLowerCase(Locale.ROOT));
            op.put("operationId", route.method().name().toLowerCase(Locale.ROOT) + route.path().replaceAll("[^A-Za-z0-9]+", "_"));
            ArrayNode params = op.putArray("parameters");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(route.path());
            while (m.find()) {
                params.addObject().put("name", m.group(1)).put("in", "path").put("required", true)
                        .putObject("schema").put("type", "string");
            }
            route.query().forEach((name, description) -> params.addObject().put("name", name).put("in", "query")
                    .put("required", false).put("description", description).putObject("schema").put("type", "string"));
            switch (route.access()) {
                case ADMIN, SITE -> op.putArray("security").addObject().putArray("bearer");
                case OPERATOR -> {
                    ArrayNode security = op.putArray("security");
                    security.addObject().putArray("bearer");
                    security.addObject().putArray("session");
                }
                case WRITE_KEY -> op.putArray("security").addObject().putArray("writeKey");
                default -> { }
            }
            ObjectNode responses = op.putObject("responses");
            responses.putObject("200").put("description", "OK");
            responses.putObject("400").put("description", "invalid input: every problem with its JSON path")
                    .putObject("content").putObject("application/json").putObject("schema").put("$ref", "#/components/schemas/Error");
            if (route.access() != Router.Access.PUBLIC) {
                responses.putObject("401").put("description", "missing or unknown credentials");
                responses.putObject("403").put("description", "credentials of another site, or not an administrator");
            }
        }
        return doc;
    }
}
