package dev.omotenashi.engine.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omotenashi.engine.ClientContext;
import dev.omotenashi.engine.Page;
import dev.omotenashi.engine.TrackRequest;
import dev.omotenashi.engine.config.Errors;
import dev.omotenashi.engine.config.ValidationException;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads the body of the tag's door, {@code POST /v1/t} (tracking-protocol.md §1), into a {@link ParsedTrack},
 * enforcing every limit of the protocol. Either the whole request is valid, or nothing is taken from it: a
 * {@link ValidationException} lists every problem found (up to {@link #MAX_ERRORS}), each with the JSON path of
 * the offending value ({@code events[2].name}) and one of these codes:
 *
 * <table>
 *   <caption>error codes</caption>
 *   <tr><th>code</th><th>meaning</th></tr>
 *   <tr><td>{@code required}</td><td>a required field is missing or null</td></tr>
 *   <tr><td>{@code invalid_type}</td><td>wrong JSON type (a number where a string was expected ...)</td></tr>
 *   <tr><td>{@code too_short}</td><td>an empty string (or an id shorter than its minimum)</td></tr>
 *   <tr><td>{@code too_long}</td><td>a string longer than its maximum (counted in code points)</td></tr>
 *   <tr><td>{@code too_few}</td><td>an empty {@code events} list</td></tr>
 *   <tr><td>{@code too_many}</td><td>more than {@link #MAX_EVENTS} events</td></tr>
 *   <tr><td>{@code too_large}</td><td>properties or traits over {@link #MAX_PROPERTIES_BYTES}; at path ""
 *       the whole request over {@link #MAX_REQUEST_BYTES} (the HTTP layer answers that one with 413)</td></tr>
 *   <tr><td>{@code too_deep}</td><td>objects and arrays nested deeper than {@link #MAX_DEPTH}</td></tr>
 *   <tr><td>{@code out_of_range}</td><td>a time before 2000 or not finite, a negative size, a non-finite
 *       number</td></tr>
 *   <tr><td>{@code invalid_format}</td><td>a malformed id, time, name, or a string holding a lone surrogate
 *       (what invalid UTF-8 decodes to)</td></tr>
 *   <tr><td>{@code reserved_name}</td><td>an event name starting with {@code _} that clients may not send</td></tr>
 * </table>
 *
 * <p>Forward compatibility: fields this version does not know, at the top level, in {@code page},
 * {@code context} and in events, are ignored, so a newer tag keeps working against an older server.
 *
 * <p>Ownership: the returned request shares the {@code traits} and {@code properties} objects of {@code body}
 * rather than copying them; the caller must not change {@code body} afterwards.
 *
 * <p>Stateless and thread-safe.
 */
public final class TrackRequestParser {
    private TrackRequestParser() {}

    public static final int MAX_EVENTS = 100;
    /** Segment's limit for a batch; the HTTP layer should also refuse to read more than this (413). */
    public static final int MAX_REQUEST_BYTES = 500 * 1024;
    /** Segment's limit for one event; applied to an event's {@code properties} and to {@code traits}. */
    public static final int MAX_PROPERTIES_BYTES = 32 * 1024;
    /** Nesting allowed inside {@code properties} and {@code traits}: the object itself is level 1. */
    public static final int MAX_DEPTH = 8;
    public static final int MAX_NAME_LENGTH = 128;
    public static final int MAX_EVENT_ID_LENGTH = 128;
    public static final int MAX_USER_LENGTH = 256;
    public static final int MAX_SITE_LENGTH = 128;
    public static final int MAX_URL_LENGTH = 4096;
    public static final int MAX_TITLE_LENGTH = 1024;
    /** For {@code context.lang} and {@code context.tz}. */
    public static final int MAX_CONTEXT_STRING_LENGTH = 64;
    /** 2000-01-01T00:00:00Z: an earlier time is a bug on the client (often seconds sent as milliseconds). */
    public static final long MIN_TIMESTAMP = 946_684_800_000L;
    /** Problems reported at most; past this, validation stops and reports what it found. */
    public static final int MAX_ERRORS = 100;

    /** The events whose name starts with {@code _} that a client may send. */
    public static final Set<String> CLIENT_RESERVED_EVENTS = Set.of(
            "_action_shown", "_action_clicked", "_action_closed", "_action_control", "_form_submitted");
    /** Properties every action event (the reserved events above) must carry, as non-empty strings. */
    public static final List<String> ACTION_PROPERTIES = List.of("campaign", "variant", "action");

    public static final String REQUIRED = "required";
    public static final String INVALID_TYPE = "invalid_type";
    public static final String TOO_SHORT = "too_short";
    public static final String TOO_LONG = "too_long";
    public static final String TOO_FEW = "too_few";
    public static final String TOO_MANY = "too_many";
    public static final String TOO_LARGE = "too_large";
    public static final String TOO_DEEP = "too_deep";
    public static final String OUT_OF_RANGE = "out_of_range";
    public static final String INVALID_FORMAT = "invalid_format";
    public static final String RESERVED_NAME = "reserved_name";

    /**
     * Validates and converts one request body.
     *
     * @param body        the parsed JSON body
     * @param now         the server's clock, epoch ms: the time of events without {@code ts}, and the latest
     *                    time an event may have (later ones are clamped to it)
     * @param mintVisitor makes a visitor id when the body has none; called at most once, and only when the
     *                    request is valid
     * @param userAgent   the request's User-Agent header, may be null
     * @throws ValidationException  listing the problems, when the body breaks any rule; nothing is minted then
     * @throws NullPointerException when {@code mintVisitor} is null
     */
    public static ParsedTrack parse(JsonNode body, long now, Supplier<String> mintVisitor, String userAgent) {
        Objects.requireNonNull(mintVisitor, "mintVisitor");
        Errors errors = new Errors();
        if (body == null || !body.isObject()) {
            throw error("", INVALID_TYPE, "expected a JSON object");
        }
        if (JsonSize.of(body, MAX_REQUEST_BYTES) > MAX_REQUEST_BYTES) {
            // Stop here: validating a huge body item by item is the work the limit is there to avoid.
            throw error("", TOO_LARGE, "the request must be at most " + MAX_REQUEST_BYTES + " bytes");
        }
        Reader r = new Reader(errors);
        try {
            String site = r.string(body, "site", "site", 1, MAX_SITE_LENGTH, true);
            String visitor = r.visitor(body.get("visitor"));
            String user = r.string(body, "user", "user", 1, MAX_USER_LENGTH, false);
            ObjectNode traits = r.traits(body.get("traits"));
            Page page = r.page(body.get("page"));
            ClientContext context = r.context(body.get("context"), userAgent);
            long skew = r.skew(body.get("sent_at"), now);
            List<Event> events = r.events(body.get("events"), now, skew);
            boolean decide = r.decide(body.get("decide"));
            errors.throwIfAny();

            boolean minted = visitor == null;
            if (minted) {
                visitor = mintVisitor.get();
                if (visitor == null) throw new IllegalStateException("mintVisitor returned null");
            }
            return new ParsedTrack(site, new TrackRequest(visitor, user, traits, page, context, events, decide),
                    minted);
        } catch (TooManyErrors e) {
            errors.throwIfAny();
            throw new AssertionError("unreachable: errors were collected");
        }
    }

    private static ValidationException error(String path, String code, String message) {
        Errors e = new Errors();
        e.add(path, code, message);
        return new ValidationException(e.list());
    }

    /** Thrown inside the walk once {@link #MAX_ERRORS} problems are known, to stop early. */
    private static final class TooManyErrors extends RuntimeException {
        TooManyErrors() {
            super(null, null, false, false);
        }
    }

    /** One walk over one body: the collected errors. Not thread-safe; one per call. */
    private static final class Reader {
        private final Errors errors;

        Reader(Errors errors) {
            this.errors = errors;
        }

        void add(String path, String code, String message) {
            errors.add(path, code, message);
            if (errors.size() >= MAX_ERRORS) throw new TooManyErrors();
        }

        // ---- top level ------------------------------------------------------------------------------

        String visitor(JsonNode node) {
            if (node == null || node.isNull()) return null;
            if (!node.isTextual()) {
                add("visitor", INVALID_TYPE, "expected a string");
                return null;
            }
            String v = node.textValue();
            if (!Ids.isValidVisitorId(v)) {
                add("visitor", INVALID_FORMAT, "expected " + Ids.VISITOR_MIN_LENGTH + "–" + Ids.VISITOR_MAX_LENGTH
                        + " characters of A-Z a-z 0-9 _ -");
            }
            return v;
        }

        ObjectNode traits(JsonNode node) {
            if (node == null || node.isNull()) return null;
            if (!node.isObject()) {
                add("traits", INVALID_TYPE, "expected an object");
                return null;
            }
            tree((ObjectNode) node, "traits");
            return (ObjectNode) node;
        }

        Page page(JsonNode node) {
            if (node == null || node.isNull()) return null;
            if (!node.isObject()) {
                add("page", INVALID_TYPE, "expected an object");
                return null;
            }
            String url = string(node, "url", "page.url", 0, MAX_URL_LENGTH, false);
            String title = string(node, "title", "page.title", 0, MAX_TITLE_LENGTH, false);
            String referrer = string(node, "referrer", "page.referrer", 0, MAX_URL_LENGTH, false);
            return new Page(url, title, referrer);
        }

        ClientContext context(JsonNode node, String userAgent) {
            String ua = userAgent == null || userAgent.isBlank() ? null : userAgent;
            if (node == null || node.isNull()) return new ClientContext(ua, null, null, null);
            if (!node.isObject()) {
                add("context", INVALID_TYPE, "expected an object");
                return null;
            }
            // viewport and screen are validated for the protocol's sake; the engine does not use them yet.
            pair(node.get("viewport"), "context.viewport");
            pair(node.get("screen"), "context.screen");
            String lang = string(node, "lang", "context.lang", 1, MAX_CONTEXT_STRING_LENGTH, false);
            String tz = string(node, "tz", "context.tz", 1, MAX_CONTEXT_STRING_LENGTH, false);
            Boolean mobile = null;
            JsonNode m = node.get("mobile");
            if (m != null && !m.isNull()) {
                if (m.isBoolean()) mobile = m.booleanValue();
                else add("context.mobile", INVALID_TYPE, "expected true or false");
            }
            return new ClientContext(ua, mobile, lang, tz);
        }

        private void pair(JsonNode node, String path) {
            if (node == null || node.isNull()) return;
            if (!node.isArray() || node.size() != 2) {
                add(path, INVALID_TYPE, "expected [width, height]");
                return;
            }
            for (int i = 0; i < 2; i++) {
                JsonNode n = node.get(i);
                if (!n.isIntegralNumber() || !n.canConvertToInt()) {
                    add(Errors.index(path, i), INVALID_TYPE, "expected an integer");
                } else if (n.intValue() < 0) {
                    add(Errors.index(path, i), OUT_OF_RANGE, "expected a non-negative integer");
                }
            }
        }

        boolean decide(JsonNode node) {
            // Omitted means "decide": only fire-and-forget reports say false (tracking-protocol.md §1).
            if (node == null || node.isNull()) return true;
            if (!node.isBoolean()) {
                add("decide", INVALID_TYPE, "expected true or false");
                return true;
            }
            return node.booleanValue();
        }

        // ---- events ---------------------------------------------------------------------------------

        /**
         * The client's clock error: the server's time minus the request's {@code sent_at} (the client's clock
         * when it sent the request), 0 without one. Events' {@code ts} are on the client's clock, so they are
         * moved by it, as Segment corrects skew; a browser whose clock is slow or fast then still gets its
         * events at the times they really happened, so sessions are not split (or merged) by the clock.
         */
        long skew(JsonNode node, long now) {
            if (node == null || node.isNull()) return 0;
            Long sentAt = timestamp(node, "sent_at", Long.MAX_VALUE);
            return sentAt == null ? 0 : now - sentAt;
        }

        List<Event> events(JsonNode node, long now, long skew) {
            if (node == null || node.isNull()) {
                add("events", REQUIRED, "expected 1–" + MAX_EVENTS + " events");
                return List.of();
            }
            if (!node.isArray()) {
                add("events", INVALID_TYPE, "expected an array of events");
                return List.of();
            }
            if (node.isEmpty()) {
                add("events", TOO_FEW, "expected at least one event");
                return List.of();
            }
            if (node.size() > MAX_EVENTS) {
                // Do not look inside: the count alone rejects the request.
                add("events", TOO_MANY, "expected at most " + MAX_EVENTS + " events, got " + node.size());
                return List.of();
            }
            List<Event> out = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                Event e = event(node.get(i), Errors.index("events", i), now, skew);
                if (e != null) out.add(e);
            }
            return out;
        }

        private Event event(JsonNode node, String path, long now, long skew) {
            if (!node.isObject()) {
                add(path, INVALID_TYPE, "expected an event object");
                return null;
            }
            String id = eventId(node.get("id"), Errors.field(path, "id"));
            String name = eventName(node.get("name"), Errors.field(path, "name"));
            // the client's time moved by its clock error, then clamped: never after the server's now
            Long ts = timestamp(node.get("ts"), Errors.field(path, "ts"), Long.MAX_VALUE);
            if (ts != null) ts = ts == Long.MAX_VALUE ? now : Math.min(now, ts + skew);
            ObjectNode properties = null;
            String propsPath = Errors.field(path, "properties");
            JsonNode p = node.get("properties");
            if (p != null && !p.isNull()) {
                if (p.isObject()) {
                    properties = (ObjectNode) p;
                    tree(properties, propsPath);
                } else {
                    add(propsPath, INVALID_TYPE, "expected an object");
                }
            }
            if (name != null && CLIENT_RESERVED_EVENTS.contains(name) && (p == null || p.isNull() || p.isObject())) {
                actionProperties(properties, name, propsPath);
            }
            if (id == null || name == null || ts == null) return null;
            return new Event(id, name, ts, properties);
        }

        private String eventId(JsonNode node, String path) {
            String id = requiredString(node, path, 1, MAX_EVENT_ID_LENGTH);
            if (id == null) return null;
            for (int i = 0; i < id.length(); i++) {
                char c = id.charAt(i);
                if (!Ids.isUrlSafe(c) && c != '.' && c != '~' && c != ':') {
                    add(path, INVALID_FORMAT, "expected characters A-Z a-z 0-9 _ - . ~ :");
                    return null;
                }
            }
            return id;
        }

        private String eventName(JsonNode node, String path) {
            String name = requiredString(node, path, 1, MAX_NAME_LENGTH);
            if (name == null) return null;
            if (hasControl(name)) {
                add(path, INVALID_FORMAT, "expected no control characters");
                return null;
            }
            if (name.indexOf('~') >= 0) {
                // '~' marks the engine's derived events (view~3f9a…); a client must not forge one
                add(path, RESERVED_NAME, "'~' is reserved for derived events");
                return null;
            }
            if (name.startsWith("_") && !CLIENT_RESERVED_EVENTS.contains(name)) {
                add(path, RESERVED_NAME, "names starting with _ are reserved; clients may send only "
                        + String.join(", ", CLIENT_RESERVED_EVENTS.stream().sorted().toList()));
                return null;
            }
            return name;
        }

        /** The event time: missing means now, a future time is clamped to now, before 2000 is an error. */
        private Long timestamp(JsonNode node, String path, long now) {
            if (node == null || node.isNull()) return now;
            long ts;
            if (node.isNumber()) {
                double d = node.doubleValue();
                if (!Double.isFinite(d)) {
                    add(path, OUT_OF_RANGE, "expected a finite time in epoch milliseconds");
                    return null;
                }
                ts = node.isIntegralNumber() && node.canConvertToLong() ? node.longValue() : (long) Math.floor(d);
            } else if (node.isTextual()) {
                try {
                    ts = Instant.parse(node.textValue()).toEpochMilli();
                } catch (DateTimeException | ArithmeticException e) {
                    add(path, INVALID_FORMAT, "expected an ISO-8601 time with offset (2026-12-01T09:00:00+09:00)"
                            + " or epoch milliseconds");
                    return null;
                }
            } else {
                add(path, INVALID_TYPE, "expected epoch milliseconds or an ISO-8601 string");
                return null;
            }
            if (ts < MIN_TIMESTAMP) {
                add(path, OUT_OF_RANGE, "expected a time after 2000-01-01 in epoch milliseconds");
                return null;
            }
            // A client clock running ahead must not put events in the future of the server's sessions.
            return Math.min(ts, now);
        }

        private void actionProperties(ObjectNode properties, String name, String path) {
            for (String required : ACTION_PROPERTIES) {
                JsonNode v = properties == null ? null : properties.get(required);
                String p = Errors.field(path, required);
                if (v == null || v.isNull()) add(p, REQUIRED, name + " must carry " + required);
                else if (!v.isTextual()) add(p, INVALID_TYPE, "expected a string");
                else if (v.textValue().isEmpty()) add(p, TOO_SHORT, "expected a non-empty string");
            }
            if (name.equals("_form_submitted")) {
                JsonNode f = properties == null ? null : properties.get("fields");
                String p = Errors.field(path, "fields");
                if (f == null || f.isNull()) add(p, REQUIRED, "_form_submitted must carry the answers as fields");
                else if (!f.isObject()) add(p, INVALID_TYPE, "expected an object of field answers");
            }
        }

        // ---- properties and traits --------------------------------------------------------------------

        /** Checks an event's properties or the traits: size, depth, names, strings. */
        private void tree(ObjectNode root, String path) {
            if (JsonSize.of(root, MAX_PROPERTIES_BYTES) > MAX_PROPERTIES_BYTES) {
                add(path, TOO_LARGE, "expected at most " + MAX_PROPERTIES_BYTES + " bytes of JSON");
                return;
            }
            walk(root, path, 1);
        }

        private void walk(JsonNode node, String path, int depth) {
            if (depth > MAX_DEPTH) {
                add(path, TOO_DEEP, "expected objects and arrays nested at most " + MAX_DEPTH + " deep");
                return;
            }
            // Paths are built only for containers and problems: most properties are valid scalars.
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    String name = e.getKey();
                    int length = name.codePointCount(0, name.length());
                    if (length == 0) {
                        add(Errors.field(path, "\"\""), TOO_SHORT, "property names must not be empty");
                    } else if (length > MAX_NAME_LENGTH) {
                        add(Errors.field(path, name), TOO_LONG,
                                "property names must be at most " + MAX_NAME_LENGTH + " characters");
                    } else if (hasLoneSurrogate(name) || hasControl(name)) {
                        add(Errors.field(path, name), INVALID_FORMAT,
                                "property names must be valid text without control characters");
                    }
                    value(e.getValue(), path, name, -1, depth);
                }
            } else {
                for (int i = 0; i < node.size(); i++) value(node.get(i), path, null, i, depth);
            }
        }

        /** One member of a container at {@code depth}: {@code parent.name} or {@code parent[index]}. */
        private void value(JsonNode v, String parent, String name, int index, int depth) {
            if (v.isContainerNode()) {
                walk(v, name != null ? Errors.field(parent, name) : Errors.index(parent, index), depth + 1);
            } else if (v.isTextual() && hasLoneSurrogate(v.textValue())) {
                add(name != null ? Errors.field(parent, name) : Errors.index(parent, index), INVALID_FORMAT,
                        "expected valid text (UTF-8)");
            } else if (v.isFloatingPointNumber() && !Double.isFinite(v.doubleValue())) {
                add(name != null ? Errors.field(parent, name) : Errors.index(parent, index), OUT_OF_RANGE,
                        "expected a finite number");
            }
        }

        // ---- strings ------------------------------------------------------------------------------------

        /** A string field of {@code parent}: null when absent (an error when required) or invalid. */
        String string(JsonNode parent, String field, String path, int min, int max, boolean required) {
            JsonNode node = parent.get(field);
            if (node == null || node.isNull()) {
                if (required) add(path, REQUIRED, "expected a string");
                return null;
            }
            return requiredString(node, path, min, max);
        }

        private String requiredString(JsonNode node, String path, int min, int max) {
            if (node == null || node.isNull()) {
                add(path, REQUIRED, "expected a string");
                return null;
            }
            if (!node.isTextual()) {
                add(path, INVALID_TYPE, "expected a string");
                return null;
            }
            String s = node.textValue();
            if (hasLoneSurrogate(s)) {
                add(path, INVALID_FORMAT, "expected valid text (UTF-8)");
                return null;
            }
            int length = s.codePointCount(0, s.length());
            if (length < min) {
                add(path, TOO_SHORT, min == 1 ? "expected a non-empty string" : "expected at least " + min + " characters");
                return null;
            }
            if (length > max) {
                add(path, TOO_LONG, "expected at most " + max + " characters");
                return null;
            }
            return s;
        }
    }

    /** Whether {@code s} holds a surrogate without its pair: what a decoder makes of invalid UTF-8 escapes. */
    static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) i++;
                else return true;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) return true;
        }
        return false;
    }
}
