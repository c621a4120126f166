package dev.omotenashi.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omotenashi.engine.config.ConfigError;
import dev.omotenashi.engine.config.ValidationException;
import dev.omotenashi.engine.event.Ids;
import dev.omotenashi.engine.event.Props;
import dev.omotenashi.engine.event.TrackRequestParser;
import dev.omotenashi.engine.profile.Profile;
import dev.omotenashi.engine.profile.VisitorState;
import dev.omotenashi.server.site.LiveSite;
import dev.omotenashi.server.site.Sites;
import io.javalin.http.Context;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.regex.Pattern;

/**
 * The visitor search behind the console's explorer (docs/api.md): {@code GET /api/v1/sites/{site}/profiles}
 * with {@code visitor} (a visitor id or its beginning), {@code user_id} (exact) and {@code trait}
 * ({@code name:value}, exact), all optional and combined with AND. It answers one item per browser (visitor
 * id) whose person matches, the most recently seen first, at most {@code limit}; {@code truncated} tells that
 * more matched. Without any criterion it lists the most recently seen visitors.
 *
 * <p>It reads the site's profiles in memory in one pass, while the site applies no request (profiles are not
 * thread-safe), as a segment count does: a query for an operator, not for polling. Nothing about the query or
 * the people found is logged.
 */
public final class VisitorSearchRoutes {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    /** How many traits an item carries: the matched one first, then the others in their stored order. */
    static final int TRAITS_PER_ITEM = 5;
    static final int MAX_TRAIT_NAME = 128;
    static final int MAX_TRAIT_VALUE = 1024;
    private static final Pattern VISITOR = Pattern.compile("[A-Za-z0-9_-]{1," + Ids.VISITOR_MAX_LENGTH + "}");
    private static final Map<String, String> QUERY = queryDoc();

    private final Sites sites;
    private final ObjectMapper json;

    public VisitorSearchRoutes(Sites sites, ObjectMapper json) {
        this.sites = sites;
        this.json = json;
    }

    public void register(Router r) {
        r.get("/api/v1/sites/{site}/profiles", Router.Access.SITE, QUERY, this::search);
    }

    private static Map<String, String> queryDoc() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("visitor", "a visitor id, or its beginning (prefix match)");
        q.put("user_id", "a user id, exact");
        q.put("trait", "name:value, exact: the trait's stored value as text (numbers compare as numbers, 162 = 162.0); dotted names reach nested values");
        q.put("limit", "at most this many items, 1 to " + MAX_LIMIT + " (default " + DEFAULT_LIMIT + ")");
        return q;
    }

    /** What was asked: every field null when not given. Validated by {@link #parse}. */
    record Query(String visitor, String userId, String traitName, String traitValue, int limit) {
        boolean matches(Profile p) {
            if (userId != null && !userId.equals(p.userId())) return false;
            return traitName == null || traitMatches(p.trait(traitName), traitValue);
        }

        boolean matches(VisitorState b) {
            return visitor == null || b.visitorId().startsWith(visitor);
        }
    }

    private void search(Context ctx) {
        LiveSite s = sites.byId(ctx.pathParam("site"));
        if (s == null) throw new ApiException(404, "not_found", "no site " + ctx.pathParam("site"), "site");
        Query q = parse(ctx.queryParamMap());
        // keep the newest `limit` hits: a heap whose head is the oldest kept, so one pass costs O(n log limit)
        PriorityQueue<Hit> kept = new PriorityQueue<>(q.limit() + 1, NEWEST_FIRST.reversed());
        long[] matched = {0};
        java.util.function.Consumer<Profile> look = p -> {
            if (!q.matches(p)) return;
            for (VisitorState b : p.browsers()) {
                if (!q.matches(b)) continue;
                matched[0]++;
                kept.add(new Hit(p, b, b.lastEventAt()));
                if (kept.size() > q.limit()) kept.poll();
            }
        };
        if (q.userId() != null) { // the one person the query names
            s.exclusive(() -> {
                Profile p = s.engine().person(q.userId());
                if (p != null) look.accept(p);
                return null;
            });
        } else {
            s.readProfiles(look); // a slice at a time: the site's requests go on meanwhile
        }
        List<Hit> hits = new ArrayList<>(kept);
        hits.sort(NEWEST_FIRST);
        ObjectNode out = json.createObjectNode();
        ArrayNode items = out.putArray("items");
        s.exclusive(() -> { // as they are now: found again by visitor id, and left out unless they still match
            for (Hit h : hits) {
                String visitor = h.browser().visitorId();
                Profile now = s.engine().profile(visitor); // another object after a settings change (a new engine)
                VisitorState b = now == null ? null : now.browser(visitor);
                if (b != null && q.matches(now) && q.matches(b)) items.add(item(q, new Hit(now, b, h.lastSeen())));
            }
            return null;
        });
        out.put("matched", matched[0]);
        out.put("truncated", matched[0] > hits.size());
        ctx.json(out);
    }

    /** One browser of a matching person, and when it was last seen as the walk found it. */
    private record Hit(Profile profile, VisitorState browser, long lastSeen) {}

    private static final Comparator<Hit> NEWEST_FIRST = Comparator.comparingLong(Hit::lastSeen).reversed()
            .thenComparing(h -> h.browser().visitorId());

    private ObjectNode item(Query q, Hit h) {
        Profile p = h.profile();
        VisitorState b = h.browser();
        ObjectNode n = json.createObjectNode();
        n.put("visitor", b.visitorId());
        if (p.userId() == null) n.putNull("user_id");
        else n.put("user_id", p.userId());
        n.put("member", p.isMember());
        n.put("visits", p.visits());
        n.put("browsers", p.browsers().size());
        time(n, "first_seen", p.firstSeen());
        time(n, "last_seen", b.lastEventAt());
        n.put("device", b.device());
        n.put("source", b.source());
        n.put("session_pv", b.sessionPv());
        n.set("traits", someTraits(p.traits(), q.traitName()));
        return n;
    }

    /** At most {@value #TRAITS_PER_ITEM} traits, the searched one first so the answer shows why it matched. */
    private ObjectNode someTraits(ObjectNode all, String first) {
        ObjectNode some = json.createObjectNode();
        if (first != null) {
            JsonNode v = all.get(first) != null ? all.get(first) : Props.get(all, first);
            if (v != null) some.set(first, v);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = all.fields(); it.hasNext() && some.size() < TRAITS_PER_ITEM; ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!some.has(e.getKey())) some.set(e.getKey(), e.getValue());
        }
        return some;
    }

    // ---- parameters ----------------------------------------------------------------------------------

    /**
     * The query, checked: known parameters only (a misspelt one would otherwise list everyone), each given
     * once and not empty. Every problem is reported, each naming its parameter.
     *
     * @throws ValidationException 400 when anything is wrong
     */
    static Query parse(Map<String, List<String>> params) {
        List<ConfigError> errors = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            if (!QUERY.containsKey(e.getKey())) {
                errors.add(ConfigError.of(e.getKey(), "unknown_field",
                        "unknown parameter '" + e.getKey() + "'; expected " + String.join(", ", QUERY.keySet())));
            } else if (e.getValue().size() > 1) {
                errors.add(ConfigError.of(e.getKey(), "invalid_value", e.getKey() + " may be given once"));
            }
        }
        String visitor = one(params, "visitor");
        if (visitor != null && !VISITOR.matcher(visitor).matches()) {
            errors.add(ConfigError.of("visitor", "invalid_value",
                    "expected a visitor id or its beginning: 1 to " + Ids.VISITOR_MAX_LENGTH + " letters, digits, '_' or '-'"));
        }
        String user = one(params, "user_id");
        if (user != null && (user.isBlank() || user.length() > TrackRequestParser.MAX_USER_LENGTH)) {
            errors.add(ConfigError.of("user_id", "invalid_value", "expected a user id of 1 to " + TrackRequestParser.MAX_USER_LENGTH + " characters"));
        }
        String traitName = null, traitValue = null;
        String trait = one(params, "trait");
        if (trait != null) {
            int colon = trait.indexOf(':');
            if (colon <= 0 || colon > MAX_TRAIT_NAME || trait.length() - colon - 1 > MAX_TRAIT_VALUE) {
                errors.add(ConfigError.of("trait", "invalid_value",
                        "expected name:value (a name of 1 to " + MAX_TRAIT_NAME + " characters, a value of at most " + MAX_TRAIT_VALUE + ")"));
            } else {
                traitName = trait.substring(0, colon);
                traitValue = trait.substring(colon + 1);
            }
        }
        int limit = DEFAULT_LIMIT;
        String l = one(params, "limit");
        if (l != null) {
            try {
                limit = Integer.parseInt(l);
                if (limit < 1 || limit > MAX_LIMIT) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                errors.add(ConfigError.of("limit", "invalid_value", "expected a whole number from 1 to " + MAX_LIMIT));
            }
        }
        if (!errors.isEmpty()) throw new ValidationException(errors);
        return new Query(visitor, user, traitName, traitValue, limit);
    }

    private static String one(Map<String, List<String>> params, String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() ? null : v.getFirst();
    }

    /**
     * Whether a stored trait (an engine value: String, Double or Boolean; null for missing, arrays and
     * objects) equals the text asked for, as its JSON text would: {@code 162} and {@code 162.0} are one number.
     */
    static boolean traitMatches(Object stored, String text) {
        return switch (stored) {
            case String str -> str.equals(text);
            case Double d -> {
                try {
                    yield !text.isBlank() && Double.parseDouble(text.trim()) == d;
                } catch (NumberFormatException e) {
                    yield false;
                }
            }
            case Boolean bool -> bool.toString().equals(text);
            case null, default -> false;
        };
    }

    private static void time(ObjectNode o, String field, long ms) {
        if (ms == Long.MIN_VALUE || ms == Long.MAX_VALUE) o.putNull(field);
        else o.put(field, Instant.ofEpochMilli(ms).toString());
    }
}
