package dev.omotenashi.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

import java.io.IOException;

/** Reading request bodies: size limit first, then strict JSON (invalid UTF-8 included) into a tree. */
public final class Bodies {
    private Bodies() {}

    /**
     * Bodies up to this declared length are read straight into an array of that length (a tag's request is
     * ~600 bytes). Larger ones grow with what actually arrives, from Javalin's 8 KB buffer, so a client that
     * declares a length and sends slowly or never cannot make the server hold much more per connection
     * than before.
     */
    static final int DIRECT_READ_MAX = 16 * 1024;
    private static final String READ = "omotenashi.body";

    /**
     * The raw body, read once per request and kept for later readers (the Segment door reads the write key
     * before the body is parsed). A body with a small Content-Length (a tag's request is ~600 bytes) is read
     * straight into an array of that length; others (chunked, or larger) go through Javalin's reader and the
     * server's hard cap ({@code maxRequestSize}).
     */
    public static byte[] bytes(Context ctx) {
        if (ctx.attribute(READ) instanceof byte[] read) return read;
        long declared = ctx.req().getContentLengthLong();
        byte[] body;
        if (declared >= 0 && declared <= DIRECT_READ_MAX) {
            body = new byte[(int) declared];
            try {
                int n = ctx.req().getInputStream().readNBytes(body, 0, body.length);
                if (n < body.length) throw new ApiException(400, "malformed_body", "the body ended before its Content-Length", "");
            } catch (IOException e) {
                throw new ApiException(400, "malformed_body", "the body could not be read", "");
            }
        } else {
            try {
                body = ctx.bodyAsBytes();
            } catch (HttpResponseException e) {
                throw e; // Javalin's own answer (413 past the server's hard cap)
            } catch (Exception e) { // the connection ended mid-body: Jetty's EofException, thrown through Kotlin
                throw new ApiException(400, "malformed_body", "the body could not be read", "");
            }
        }
        ctx.attribute(READ, body);
        return body;
    }

    /**
     * The body as a JSON tree, whatever the content type ({@code text/plain} carries JSON for sendBeacon).
     *
     * @throws ApiException 413 over {@code limit} bytes, 400 when not JSON or empty
     */
    public static JsonNode json(Context ctx, ObjectMapper json, int limit) {
        // The body is read (up to the server's hard cap, config.http.maxRequestSize) before a 413, so the
        // client that is still sending receives the answer instead of a reset connection.
        byte[] bytes = bytes(ctx);
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
