package dev.omotenashi.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omotenashi.engine.event.TrackRequestParser;
import dev.omotenashi.server.site.LiveSite;
import dev.omotenashi.server.site.Sites;

/**
 * {@code POST /bench/noop} (only with {@code --bench-endpoints}): reads and validates a tracking request
 * exactly as {@code /v1/t} does, then answers without touching a site, the engine or storage. The load
 * benchmark measures it in the same run as {@code /v1/t}: the HTTP stack's ceiling on the machine.
 *
 * <p>{@code POST /bench/checkpoint} checkpoints every site now, as the server does every five minutes, and
 * answers when it is saved: the benchmark takes one in the middle of its latency phase, so the latency
 * it reports includes what a checkpoint costs the requests that arrive meanwhile.
 */
public final class BenchRoutes {
    private final ObjectMapper json;
    private final Sites sites;

    public BenchRoutes(ObjectMapper json, Sites sites) {
        this.json = json;
        this.sites = sites;
    }

    public void register(Router r) {
        r.post("/bench/noop", Router.Access.PUBLIC, ctx -> {
            TrackRequestParser.parse(Bodies.json(ctx, json, TrackRoutes.MAX_BODY), System.currentTimeMillis(),
                    () -> "v_benchvisitor", ctx.header("User-Agent"));
            ctx.contentType("application/json").result("{\"visitor\":\"v_benchvisitor\",\"actions\":[]}");
        });
        r.post("/bench/checkpoint", Router.Access.PUBLIC, ctx -> {
            long started = System.nanoTime();
            int n = 0;
            for (LiveSite s : sites.all()) {
                sites.checkpoint(s);
                n++;
            }
            ctx.json(json.createObjectNode().put("sites", n).put("ms", (System.nanoTime() - started) / 1_000_000));
        });
    }
}
