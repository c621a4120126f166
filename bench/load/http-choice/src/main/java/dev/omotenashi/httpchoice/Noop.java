package dev.omotenashi.httpchoice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omotenashi.engine.event.TrackRequestParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The work of the product's POST /bench/noop (server BenchRoutes), shared by every stack here. */
final class Noop {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ANSWER = "{\"visitor\":\"v_benchvisitor\",\"actions\":[]}";
    static final byte[] ANSWER_BYTES = ANSWER.getBytes(StandardCharsets.UTF_8);
    static final int MAX_BODY = 500 * 1024;

    private Noop() {}

    /** Parses and validates the tracking request; false when it is not valid (the stacks answer 400). */
    static boolean handle(byte[] body, String userAgent) {
        if (body.length == 0 || body.length > MAX_BODY) return false;
        try {
            JsonNode node = JSON.readTree(body);
            TrackRequestParser.parse(node, System.currentTimeMillis(), () -> "v_benchvisitor", userAgent);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static int port(String[] args) {
        return args.length > 0 ? Integer.parseInt(args[0]) : 8080;
    }
}
