package dev.omotenashi.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omotenashi.engine.event.TrackRequestParser;
import dev.omotenashi.server.site.LiveSite;
import dev.omotenashi.server.site.Sites;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

/**
 * {@code POST /bench/noop} (only with {@code --bench-endpoints}): reads and validates a tracking request
 * exactly as {@code /v1/t} does, then answers without touching a site, the engine or storage. The load
 * benchmark measures it in the same run as {@code /v1/t}: the HTTP stack's ceiling on the machine.
 *
 * <p>{@code POST /bench/checkpoint} checkpoints every site now, as the server does every five minutes, and
 * answers when it is saved: the benchmark takes one in the middle of its latency phase, so the latency
 * it reports includes what a checkpoint costs the requests that arrive meanwhile. It runs on the server's
 * own checkpoint thread, as the periodic one does, not on the request's: a request's virtual thread would
 * hold one of the carriers the other requests run on for the whole encoding and every store write.
 */
public final class BenchRoutes {
    private final ObjectMapper json;
    private final Sites sites;
    private final ExecutorService checkpoints;

    /** @param checkpoints the thread the server's periodic checkpoints run on */
    public BenchRoutes(ObjectMapper json, Sites sites, ExecutorService checkpoints) {
        this.json = json;
        this.sites = sites;
        this.checkpoints = checkpoints;
    }

    public void register(Router r) {
        r.post("/bench/noop", Router.Access.PUBLIC, ctx -> {
            TrackRequestParser.parse(Bodies.json(ctx, json, TrackRoutes.MAX_BODY), System.currentTimeMillis(),
                    () -> "v_benchvisitor", ctx.header("User-Agent"));
            ctx.contentType("application/json").result("{\"visitor\":\"v_benchvisitor\",\"actions\":[]}");
        });
        r.post("/bench/checkpoint", Router.Access.PUBLIC, ctx -> {
            long started = System.nanoTime();
            Future<Integer> done;
            try {
                done = checkpoints.submit(() -> {
                    int n = 0;
                    for (LiveSite s : sites.all()) {
                        sites.checkpoint(s);
                        n++;
                    }
                    return n;
                });
            } catch (RejectedExecutionException e) {
                throw shuttingDown();
            }
            int n;
            try {
                n = done.get();
            } catch (CancellationException e) { // still queued when the server shut down
                throw shuttingDown();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failed) throw failed;
                throw new IllegalStateException(e.getCause());
            }
            ctx.json(json.createObjectNode().put("sites", n).put("ms", (System.nanoTime() - started) / 1_000_000));
        });
    }

    private static ApiException shuttingDown() {
        return new ApiException(503, "unavailable", "the server is shutting down; it checkpoints every site itself");
    }
}
