package dev.omotenashi.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omotenashi.engine.ClientContext;
import dev.omotenashi.engine.Page;
import dev.omotenashi.engine.TrackRequest;
import dev.omotenashi.engine.config.ConfigError;
import dev.omotenashi.engine.config.Errors;
import dev.omotenashi.engine.config.ValidationException;
import dev.omotenashi.engine.event.Event;
import dev.omotenashi.engine.event.Ids;
import dev.omotenashi.server.journal.GroupCommitter;
import dev.omotenashi.server.journal.JournalCodec;
import dev.omotenashi.server.site.LiveSite;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The Segment-compatible door (tracking-protocol.md §2): {@code /v1/track|identify|page|screen|alias|batch}
 * as Segment's HTTP Tracking API defines them, authenticated with the site's write key, so any unmodified
 * Segment or RudderStack library can feed profiles. A {@code page} or {@code screen} call becomes a
 * {@code view}; {@code identify} and {@code alias} link the user and are journaled as an {@code identify}
 * event; timestamps are corrected for the client's clock skew as Segment does; a batch-level
 * {@code context} is merged into every item. These calls never return actions.
 */
public final class SegmentRoutes {
    private static final int MAX_BODY = 500 * 1024;
    private static final int MAX_MESSAGE = 32 * 1024;
    private static final int MAX_BATCH = 2_500;

    private final GroupCommitter committer;
    private final JournalCodec codec;
    private final ObjectMapper json;
    private final Clock clock;
    private final Metrics metrics;
    private final RateLimiter perSite;

    public SegmentRoutes(GroupCommitter committer, JournalCodec codec, ObjectMapper json, Clock clock, Metrics metrics,
                         RateLimiter perSite) {
        this.committer = committer;
        this.codec = codec;
        this.json = json;
        this.clock = clock;
        this.metrics = metrics;
        this.perSite = perSite;
    }

    public void register(Router r) {
        for (String type : List.of("track", "identify", "page", "screen", "alias", "group")) {
            r.post("/v1/" + type, Router.Access.WRITE_KEY, ctx -> single(ctx, type));
        }
        r.post("/v1/batch", Router.Access.WRITE_KEY, this::batch);
        r.post("/v1/import", Router.Access.WRITE_KEY, this::batch);
    }

    private void single(Context ctx, String type) {
        long receivedAt = clock.millis();
        JsonNode body = Bodies.json(ctx, json, MAX_BODY);
        Errors errors = new Errors();
        TrackRequest req = message(body, type, "", null, receivedAt, errors);
        errors.throwIfAny();
        apply(ctx, List.of(req), receivedAt);
    }

    private void batch(Context ctx) {
        long receivedAt = clock.millis();
        JsonNode body = Bodies.json(ctx, json, MAX_BODY);
        Errors errors = new Errors();
        JsonNode items = body.get("batch");
        if (items == null || !items.isArray()) {
            throw new ValidationException(ConfigError.of("batch", "required", "expected an array of messages"));
        }
        if (items.size() > MAX_BATCH) throw new ValidationException(ConfigError.of("batch", "too_many", "at most " + MAX_BATCH + " messages"));
        JsonNode context = body.get("context");
        List<TrackRequest> requests = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String path = Errors.index("batch", i);
            JsonNode item = items.get(i);
            String type = item.path("type").asText(null);
            if (type == null || !List.of("track", "identify", "page", "screen", "alias", "group").contains(type)) {
                errors.add(Errors.field(path, "type"), "invalid_value", "expected track, identify, page, screen, alias or group");
                continue;
            }
            TrackRequest r = message(item, type, path, context, receivedAt, errors);
            if (r != null) requests.add(r);
        }
        errors.throwIfAny();
        apply(ctx, requests, receivedAt);
    }

    /** Applies every message (all valid: nothing is applied when one is not), then waits until all are durable. */
    private void apply(Context ctx, List<TrackRequest> requests, long receivedAt) {
        LiveSite site = ctx.attribute(Auth.SITE_ATTRIBUTE);
        TrackRoutes.limit(perSite, site.id(), ctx);
        List<LiveSite.Tracked> tracked = new ArrayList<>(requests.size());
        for (TrackRequest r : requests) {
            if (r.events().isEmpty() && r.user() == null) continue; // a group call: nothing to keep yet
            tracked.add(site.track(r, receivedAt, committer, codec));
        }
        int events = 0;
        for (LiveSite.Tracked t : tracked) {
            TrackRoutes.awaitDurable(committer, t);
            events += t.result().recorded().size();
        }
        metrics.tracked(site.id(), events, 0);
        ctx.contentType("application/json").result("{\"success\":true}");
    }

    /** One Segment message as an engine request; null (with errors added) when it does not validate. */
    private TrackRequest message(JsonNode m, String type, String path, JsonNode batchContext, long receivedAt, Errors errors) {
        if (!m.isObject()) {
            errors.add(path, "invalid_type", "expected a JSON object");
            return null;
        }
        int errorsBefore = errors.size();
        if (m.toString().getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE) {
            errors.add(path, "too_large", "a message may be at most " + MAX_MESSAGE + " bytes");
            return null;
        }
        ObjectNode context = merged(batchContext, m.get("context"));
        String userId = optionalString(m, "userId", path, errors);
        String anonymousId = optionalString(m, "anonymousId", path, errors);
        if ("alias".equals(type)) {
            anonymousId = optionalString(m, "previousId", path, errors);
            if (anonymousId == null) errors.add(Errors.field(path, "previousId"), "required", "alias needs previousId");
            if (userId == null) errors.add(Errors.field(path, "userId"), "required", "alias needs userId");
        } else if (userId == null && anonymousId == null) {
            errors.add(Errors.field(path, "anonymousId"), "required", "a message needs anonymousId or userId");
        }
        String messageId = optionalString(m, "messageId", path, errors);
        long ts = timestamp(m, path, receivedAt, errors);
        JsonNode props = m.get("properties");
        if (props != null && !props.isNull() && !props.isObject()) errors.add(Errors.field(path, "properties"), "invalid_type", "expected an object");
        JsonNode traits = m.has("traits") ? m.get("traits") : context.get("traits");
        if (traits != null && !traits.isNull() && !traits.isObject()) errors.add(Errors.field(path, "traits"), "invalid_type", "expected an object");
        String name = switch (type) {
            case "track" -> optionalString(m, "event", path, errors);
            case "page", "screen" -> "view";
            case "identify", "alias" -> "identify";
            default -> null;
        };
        if ("track".equals(type)) {
            if (name == null || name.isBlank()) errors.add(Errors.field(path, "event"), "required", "track needs an event name");
            else if (name.length() > 128) errors.add(Errors.field(path, "event"), "too_long", "at most 128 characters");
            else if (name.startsWith("_") || name.indexOf('~') >= 0) errors.add(Errors.field(path, "event"), "reserved_name", "names starting with _ or holding ~ are reserved");
        }
        if (errors.size() > errorsBefore) return null;

        ObjectNode properties = props instanceof ObjectNode o ? o.deepCopy() : json.createObjectNode();
        if ("page".equals(type) || "screen".equals(type)) {
            if (m.hasNonNull("name")) properties.put("name", m.get("name").asText());
        }
        String id = messageId != null && !messageId.isBlank() ? messageId : Ids.next(Ids.EVENT, receivedAt);
        List<Event> events = name == null ? List.of() : List.of(new Event(id, name, ts, properties));
        JsonNode page = context.path("page");
        String url = text(page, "url");
        if (url == null && "page".equals(type)) url = text(properties, "url");
        String referrer = text(page, "referrer");
        String title = text(page, "title");
        String ua = text(context, "userAgent");
        return new TrackRequest(visitorId(anonymousId, userId), userId,
                traits instanceof ObjectNode t && !"track".equals(type) ? t : null,
                new Page(url, title, referrer), new ClientContext(ua, null, text(context, "locale"), text(context, "timezone")),
                events, false);
    }

    /**
     * Segment ids are free-form; ours are URL-safe and 8–64 characters. A conforming anonymousId is used as
     * is; any other is mapped to a stable hash, so the same id always lands on the same visitor.
     */
    static String visitorId(String anonymousId, String userId) {
        String source = anonymousId != null ? anonymousId : "user:" + userId;
        if (anonymousId != null && Ids.isValidVisitorId(anonymousId)) return anonymousId;
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
            return "sg_" + HexFormat.of().formatHex(h, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Segment's skew correction: {@code timestamp = receivedAt − (sentAt − timestamp)}, never in the future. */
    private static long timestamp(JsonNode m, String path, long receivedAt, Errors errors) {
        Long ts = time(m, "timestamp", path, errors);
        if (ts == null) ts = time(m, "originalTimestamp", path, errors);
        Long sentAt = time(m, "sentAt", path, errors);
        if (ts == null) return receivedAt;
        if (sentAt != null) ts = receivedAt - (sentAt - ts);
        return Math.min(ts, receivedAt);
    }

    private static Long time(JsonNode m, String field, String path, Errors errors) {
        JsonNode n = m.get(field);
        if (n == null || n.isNull()) return null;
        if (n.isNumber()) return n.asLong();
        if (!n.isTextual()) {
            errors.add(Errors.field(path, field), "invalid_type", "expected an ISO-8601 time");
            return null;
        }
        try {
            return OffsetDateTime.parse(n.asText()).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            errors.add(Errors.field(path, field), "invalid_format", "expected an ISO-8601 time with offset");
            return null;
        }
    }

    private static String optionalString(JsonNode m, String field, String path, Errors errors) {
        JsonNode n = m.get(field);
        if (n == null || n.isNull()) return null;
        if (n.isNumber()) return n.asText(); // Segment libraries accept numeric ids
        if (!n.isTextual()) {
            errors.add(Errors.field(path, field), "invalid_type", "expected a string");
            return null;
        }
        String s = n.asText();
        if (s.length() > 256) {
            errors.add(Errors.field(path, field), "too_long", "at most 256 characters");
            return null;
        }
        return s.isEmpty() ? null : s;
    }

    private ObjectNode merged(JsonNode batch, JsonNode own) {
        ObjectNode out = json.createObjectNode();
        if (batch instanceof ObjectNode b) out.setAll(b);
        if (own instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                out.set(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }
}
