package dev.omotenashi.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omotenashi.server.audit.Change;
import dev.omotenashi.server.site.Sites;
import dev.omotenashi.server.store.AuditStore;
import dev.omotenashi.server.store.AuditStore.Actor;
import dev.omotenashi.server.store.AuditStore.Entry;
import io.javalin.http.Context;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The history of who changed what (docs/console.md, "History of changes"; docs/api.md): a site's changes
 * for whoever may read the site (viewers, its tokens), every change — operators and other sites included —
 * for administrators. Newest first, paged with a cursor ({@code before} = the {@code next_before} of the
 * previous page), so a page never repeats or skips an entry while new ones arrive.
 */
public final class AuditRoutes {
    /** Entries per page unless {@code limit} says otherwise, and the most a page holds. */
    static final int DEFAULT_LIMIT = 50, MAX_LIMIT = 200;

    private final AuditStore store;
    private final Sites sites;
    private final ObjectMapper json;

    public AuditRoutes(AuditStore store, Sites sites, ObjectMapper json) {
        this.store = store;
        this.sites = sites;
        this.json = json;
    }

    public void register(Router r) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("kind", "only changes of this kind of object: " + String.join(", ", new TreeSet<>(Change.KINDS)));
        query.put("id", "only changes of this object (needs kind)");
        query.put("limit", "entries per page, 1-" + MAX_LIMIT + " (default " + DEFAULT_LIMIT + ")");
        query.put("before", "the next_before of the previous page: older entries only");
        r.get("/api/v1/sites/{site}/audit", Router.Access.SITE, query, this::siteHistory);
        Map<String, String> all = new LinkedHashMap<>();
        all.put("site", "only changes of this site (also of one deleted since)");
        all.putAll(query);
        r.get("/api/v1/audit", Router.Access.ADMIN, all, this::allHistory);
    }

    private void siteHistory(Context ctx) {
        String site = ctx.pathParam("site");
        if (sites.byId(site) == null) throw ApiException.notFound("no site " + site);
        ctx.json(page(ctx, site));
    }

    private void allHistory(Context ctx) {
        String site = ctx.queryParam("site");
        ctx.json(page(ctx, site == null || site.isEmpty() ? null : site));
    }

    private ObjectNode page(Context ctx, String site) {
        String kind = emptyToNull(ctx.queryParam("kind"));
        String id = emptyToNull(ctx.queryParam("id"));
        if (kind != null && !Change.KINDS.contains(kind)) {
            throw ApiException.badRequest("kind", "expected one of " + String.join(", ", new TreeSet<>(Change.KINDS)));
        }
        if (id != null && kind == null) throw ApiException.badRequest("id", "give the object's kind with its id");
        int limit = limit(ctx);
        long before = before(ctx);
        // one more than asked tells whether there is a next page
        List<Entry> entries = store.list(new AuditStore.Query(site, kind, id, before, limit + 1));
        ObjectNode out = json.createObjectNode();
        ArrayNode list = out.putArray("entries");
        for (Entry e : entries.subList(0, Math.min(limit, entries.size()))) list.add(entry(e));
        if (entries.size() > limit) out.put("next_before", entries.get(limit - 1).id());
        else out.putNull("next_before");
        return out;
    }

    private ObjectNode entry(Entry e) {
        ObjectNode n = json.createObjectNode();
        n.put("id", e.id());
        n.put("at", Instant.ofEpochMilli(e.at()).toString());
        n.set("actor", actor(e.actor()));
        n.put("action", e.action());
        n.put("kind", e.kind());
        n.put("object", e.objectId());
        n.put("site", e.site());
        n.set("before", tree(e.before()));
        n.set("after", tree(e.after()));
        n.set("detail", tree(e.detail()));
        return n;
    }

    private ObjectNode actor(Actor a) {
        ObjectNode n = json.createObjectNode().put("type", a.type());
        if (a.operatorId() != null) n.put("operator", a.operatorId()).put("login", a.login()).put("name", a.name());
        if (a.token() != null) n.put("token", a.token());
        if (a.tokenName() != null) n.put("token_name", a.tokenName());
        return n;
    }

    private JsonNode tree(String text) {
        if (text == null) return json.nullNode();
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException("stored JSON does not parse", e);
        }
    }

    private static int limit(Context ctx) {
        String v = ctx.queryParam("limit");
        if (v == null || v.isEmpty()) return DEFAULT_LIMIT;
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= MAX_LIMIT) return n;
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiException.badRequest("limit", "limit must be a number from 1 to " + MAX_LIMIT);
    }

    private static long before(Context ctx) {
        String v = ctx.queryParam("before");
        if (v == null || v.isEmpty()) return Long.MAX_VALUE;
        try {
            long n = Long.parseLong(v);
            if (n >= 1) return n;
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiException.badRequest("before", "before must be the next_before of the previous page (a positive number)");
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
