package dev.omotenashi.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omotenashi.engine.event.TrackRequestParser;

/**
 * {@code POST /bench/noop} (only with {@code --bench-endpoints}): reads and validates a tracking request
 * exactly as {@code /v1/t} does, then answers without touching a site, the engine or storage. The load
 * benchmark measures it in the same run as {@code /v1/t}: the HTTP stack's ceiling on the machine.
 */
public final class BenchRoutes {
    private final ObjectMapper json;

    public BenchRoutes(ObjectMapper json) {
        this.json = json;
    }

    public void register(Router r) {
        r.post("/bench/noop", Router.Access.PUBLIC, ctx -> {
            TrackRequestParser.parse(Bodies.json(ctx, json, TrackRoutes.MAX_BODY), System.currentTimeMillis(),
                    () -> "v_benchvisitor", ctx.header("User-Agent"));
            ctx.contentType("application/json").result("{\"visitor\":\"v_benchvisitor\",\"actions\":[]}");
        });
    }
}
