package dev.omotenashi.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omotenashi.engine.Action;
import dev.omotenashi.engine.TrackRequest;
import dev.omotenashi.engine.event.Ids;
import dev.omotenashi.engine.event.ParsedTrack;
import dev.omotenashi.engine.event.TrackRequestParser;
import dev.omotenashi.server.journal.GroupCommitter;
import dev.omotenashi.server.journal.JournalCodec;
import dev.omotenashi.server.journal.Streamed;
import dev.omotenashi.server.site.LiveSite;
import dev.omotenashi.server.site.Sites;
import io.javalin.http.Context;

import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * The tag's door, {@code POST /v1/t} (tracking-protocol.md §1): JSON or text/plain bodies, CORS for the
 * site's own origins only, visitor ids minted when missing, retries de-duplicated by event id, and an
 * answer only once the events are durable.
 */
public final class TrackRoutes {
    /** The protocol's request limit (Segment's). */
    public static final int MAX_BODY = 500 * 1024;

    private final Sites sites;
    private final GroupCommitter committer;
    private final JournalCodec codec;
    private final ObjectMapper json;
    private final Clock clock;
    private final Metrics metrics;
    private final RateLimiter perSite;
    private final RateLimiter perClient;

    public TrackRoutes(Sites sites, GroupCommitter committer, JournalCodec codec, ObjectMapper json, Clock clock, Metrics metrics,
                       RateLimiter perSite, RateLimiter perClient) {
        this.sites = sites;
        this.committer = committer;
        this.codec = codec;
        this.json = json;
        this.clock = clock;
        this.metrics = metrics;
        this.perSite = perSite;
        this.perClient = perClient;
    }

    public void register(Router r) {
        r.post("/v1/t", Router.Access.PUBLIC, this::track);
        r.options("/v1/t", Router.Access.PUBLIC, this::preflight);
    }

    void track(Context ctx) {
        long receivedAt = clock.millis();
        limit(perClient, "ip:" + ctx.ip(), ctx);
        JsonNode body = Bodies.json(ctx, json, MAX_BODY);
        ParsedTrack parsed = TrackRequestParser.parse(body, receivedAt, () -> Ids.visitor(receivedAt), ctx.header("User-Agent"));
        LiveSite site = sites.byKey(parsed.site());
        if (site == null) throw new ApiException(401, "unknown_site", "unknown site key", "site");
        limit(perSite, site.id(), ctx);
        String origin = ctx.header("Origin");
        if (origin != null) {
            if (!site.allowsOrigin(origin)) {
                throw new ApiException(403, "origin_not_allowed", "origin " + origin + " is not one of the site's domains");
            }
            ctx.header("Access-Control-Allow-Origin", origin);
            ctx.header("Vary", "Origin");
        }
        TrackRequest request = parsed.request();
        LiveSite.Tracked tracked = site.track(request, receivedAt, committer, codec);
        awaitDurable(committer, tracked);
        metrics.tracked(site.id(), request.events().size(), tracked.result().actions().size());

        ctx.contentType("application/json").result(answer(tracked));
    }

    /** The answer, streamed (no tree): {visitor, session, session_started_at, actions[, duplicates]}. */
    private byte[] answer(LiveSite.Tracked tracked) {
        return Streamed.bytes(json, g -> {
            g.writeStartObject();
            g.writeStringField("visitor", tracked.result().visitor());
            g.writeStringField("session", tracked.result().session());
            g.writeNumberField("session_started_at", tracked.result().sessionStartedAt());
            g.writeArrayFieldStart("actions");
            for (Action a : tracked.result().actions()) {
                g.writeStartObject();
                g.writeStringField("action", a.action());
                g.writeStringField("campaign", a.campaign());
                g.writeStringField("variant", a.variant());
                g.writeBooleanField("control", a.control());
                g.writeStringField("template", a.template());
                g.writeFieldName("content");
                g.writeTree(a.content());
                g.writeFieldName("trigger");
                g.writeTree(a.trigger());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (tracked.duplicates() > 0) g.writeNumberField("duplicates", tracked.duplicates());
            g.writeEndObject();
        });
    }

    /** 429 with Retry-After when the key has used its rate. */
    static void limit(RateLimiter limiter, String key, Context ctx) {
        long wait = limiter.acquire(key);
        if (wait > 0) {
            ctx.header("Retry-After", Long.toString(wait));
            throw new ApiException(429, "rate_limited", "too many requests; retry after " + wait + " s");
        }
    }

    /** Waits until the journal holds the request; 503 when it could not be made durable (the client retries). */
    static void awaitDurable(GroupCommitter committer, LiveSite.Tracked tracked) {
        try {
            committer.await(tracked.durable());
        } catch (ExecutionException | TimeoutException e) {
            throw new ApiException(503, "unavailable", "the events could not be stored; retry with the same event ids");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "unavailable", "interrupted; retry with the same event ids");
        }
    }

    /** Preflight: answered for origins that belong to some site; the POST itself checks the exact site. */
    void preflight(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null) {
            ctx.status(204);
            return;
        }
        for (LiveSite s : sites.all()) {
            if (s.allowsOrigin(origin)) {
                ctx.header("Access-Control-Allow-Origin", origin);
                ctx.header("Access-Control-Allow-Methods", "POST");
                ctx.header("Access-Control-Allow-Headers", "Content-Type");
                ctx.header("Access-Control-Max-Age", "86400");
                ctx.header("Vary", "Origin");
                ctx.status(204);
                return;
            }
        }
        throw new ApiException(403, "origin_not_allowed", "origin " + origin + " belongs to no site");
    }
}
