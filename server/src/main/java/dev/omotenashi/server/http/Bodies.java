package dev.omotenashi.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

import java.io.IOException;

/** Reading request bodies: size limit first, then strict JSON (invalid UTF-8 included) into a tree. */
public final class Bodies {
    private Bodies() {}

    /**
     * The body as a JSON tree, whatever the content type ({@code text/plain} carries JSON for sendBeacon).
     *
     * @throws ApiException 413 over {@code limit} bytes, 400 when not JSON or empty
     */
    public static JsonNode json(Context ctx, ObjectMapper json, int limit) {
        // The body is read (up to the server's hard cap, config.http.maxRequestSize) before a 413, so the
        // client that is still sending receives the answer instead of a reset connection.
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > limit) throw new ApiException(413, "too_large", "the request is larger than " + limit + " bytes", "");
        if (bytes.length == 0) throw ApiException.badRequest("", "the body is empty; expected a JSON object");
        try {
            JsonNode node = json.readTree(bytes);
            if (node == null || node.isMissingNode()) throw ApiException.badRequest("", "expected a JSON object");
            return node;
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "malformed_json", "the body is not valid JSON: " + e.getOriginalMessage(), "");
        } catch (IOException e) {
            throw new ApiException(400, "malformed_json", "the body could not be read", "");
        }
    }
}
