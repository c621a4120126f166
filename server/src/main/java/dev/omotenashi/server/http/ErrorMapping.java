package dev.omotenashi.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omotenashi.engine.config.ConfigError;
import dev.omotenashi.engine.config.ValidationException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become HTTP answers (STYLE.md: errors are typed and mapped once at the
 * edge). Validation problems are 400 with every error and its JSON path; {@link ApiException} carries its
 * own status; anything else is a bug: logged with its cause and answered 500 without details.
 */
public final class ErrorMapping {
    private static final Logger log = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {}

    public static void install(RoutesConfig routes, ObjectMapper json) {
        routes.exception(ValidationException.class, (e, ctx) -> validation(ctx, json, e));
        routes.exception(ApiException.class, (e, ctx) -> write(ctx, json, e.status(), e.code(), e.getMessage(), e.path()));
        routes.exception(HttpResponseException.class, (e, ctx) ->
                write(ctx, json, e.getStatus(), e.getStatus() == 413 ? "too_large" : "http_" + e.getStatus(), e.getMessage(), null));
        routes.exception(Exception.class, (e, ctx) -> {
            log.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
            write(ctx, json, 500, "internal", "internal error", null);
        });
        routes.error(404, "*", ctx -> {
            if (ctx.result() == null) write(ctx, json, 404, "not_found", "no such resource", null);
        });
        routes.error(405, "*", ctx -> {
            if (ctx.result() == null) write(ctx, json, 405, "method_not_allowed", "method not allowed", null);
        });
    }

    static void validation(Context ctx, ObjectMapper json, ValidationException e) {
        ObjectNode body = json.createObjectNode();
        ObjectNode error = body.putObject("error");
        ConfigError first = e.errors().getFirst();
        error.put("code", first.code());
        error.put("message", e.errors().size() == 1 ? first.message() : e.errors().size() + " problems: " + first);
        error.put("path", first.path());
        ArrayNode all = error.putArray("errors");
        for (ConfigError ce : e.errors()) {
            all.addObject().put("path", ce.path()).put("code", ce.code()).put("message", ce.message());
        }
        ctx.status(400).contentType("application/json").result(body.toString());
    }

    static void write(Context ctx, ObjectMapper json, int status, String code, String message, String path) {
        ObjectNode body = json.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("code", code);
        error.put("message", message == null ? code : message);
        if (path != null) error.put("path", path);
        ctx.status(status).contentType("application/json").result(body.toString());
    }
}
