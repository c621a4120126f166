package dev.omotenashi.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omotenashi.engine.ClientContext;
import dev.omotenashi.engine.Page;
import dev.omotenashi.engine.SiteEngine;
import dev.omotenashi.engine.TrackRequest;
import dev.omotenashi.engine.decision.Decision;
import dev.omotenashi.engine.decision.Outcome;
import dev.omotenashi.engine.event.Event;
import dev.omotenashi.engine.profile.Profile;
import dev.omotenashi.engine.profile.VisitorState;
import dev.omotenashi.server.audit.Audit;
import dev.omotenashi.server.audit.Change;
import dev.omotenashi.server.audit.Trail;
import dev.omotenashi.server.journal.JournalCodec;
import dev.omotenashi.server.site.LiveSite;
import dev.omotenashi.server.site.Sites;
import dev.omotenashi.server.store.AuditStore;
import dev.omotenashi.server.store.ConfigObject;
import dev.omotenashi.server.store.JournalRecord;
import dev.omotenashi.server.store.Storage;
import io.javalin.http.Context;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The admin API (admin-api.md): sites, their segments, event definitions and campaigns, profiles and
 * timelines, people, segment counts, the decision preview with reasons, and site tokens. Thin handlers:
 * parse, call, render; validation and errors are the engine's and {@link ErrorMapping}'s.
 */
public final class AdminRoutes {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AdminRoutes.class);
    private static final int MAX_BODY = 1024 * 1024;
    /** How long a journal read waits for the site's pending commits (milliseconds each, when healthy). */
    private static final long JOURNAL_WAIT_MS = 10_000;
    /** Path segment → stored kind. */
    private static final List<String[]> KINDS = List.of(
            new String[]{"segments", Sites.SEGMENT},
            new String[]{"event-definitions", Sites.EVENT_DEFINITION},
            new String[]{"campaigns", Sites.CAMPAIGN});

    private final Sites sites;
    private final Storage storage;
    private final JournalCodec codec;
    private final ObjectMapper json;
    private final Clock clock;
    private final Auth auth;
    private final Audit audit;
    private final SecureRandom random = new SecureRandom();

    /** @param audit records every successful change, in the change's own transaction */
    public AdminRoutes(Sites sites, Storage storage, JournalCodec codec, ObjectMapper json, Clock clock, Auth auth, Audit audit) {
        this.audit = audit;
        this.sites = sites;
        this.storage = storage;
        this.codec = codec;
        this.json = json;
        this.clock = clock;
        this.auth = auth;
    }

    public void register(Router r) {
        String base = "/api/v1/sites";
        r.post(base, Router.Access.ADMIN, this::createSite);
        r.get(base, Router.Access.ADMIN, this::listSites);
        r.get(base + "/{site}", Router.Access.SITE, ctx -> ctx.json(site(site(ctx).record())));
        r.patch(base + "/{site}", Router.Access.SITE, ctx -> ctx.json(site(sites.update(site(ctx), body(ctx), audit.trail(ctx)).record())));
        r.delete(base + "/{site}", Router.Access.ADMIN, this::deleteSite);
        r.post(base + "/{site}/tokens", Router.Access.ADMIN, this::createToken);
        for (String[] kind : KINDS) {
            String path = base + "/{site}/" + kind[0];
            r.get(path, Router.Access.SITE, ctx -> listObjects(ctx, kind[1]));
            r.get(path + "/{id}", Router.Access.SITE, ctx -> getObject(ctx, kind[1]));
            r.put(path + "/{id}", Router.Access.SITE, ctx -> putObject(ctx, kind[1]));
            r.delete(path + "/{id}", Router.Access.SITE, ctx -> deleteObject(ctx, kind[1]));
        }
        r.get(base + "/{site}/segments/{id}/count", Router.Access.SITE, this::countSegment);
        r.get(base + "/{site}/profiles/{visitor}", Router.Access.SITE, this::profile);
        r.get(base + "/{site}/profiles/{visitor}/events", Router.Access.SITE, this::timeline);
        r.get(base + "/{site}/users/{user}", Router.Access.SITE, this::person);
        r.delete(base + "/{site}/users/{user}", Router.Access.SITE, this::forget);
        r.post(base + "/{site}/decide/preview", Router.Access.SITE, this::preview);
    }

    // ---- sites -----------------------------------------------------------------------------------

    private void createSite(Context ctx) {
        LiveSite s = sites.create(body(ctx), audit.trail(ctx));
        ctx.status(201).json(site(s.record()));
    }

    private void listSites(Context ctx) {
        ArrayNode out = json.createArrayNode();
        for (LiveSite s : sites.all()) out.add(site(s.record()));
        ctx.json(json.createObjectNode().set("sites", out));
    }

    private void deleteSite(Context ctx) {
        LiveSite s = site(ctx);
        sites.delete(s, audit.trail(ctx));
        auth.removeSiteTokens(s.id());
        ctx.status(204);
    }

    private ObjectNode site(dev.omotenashi.server.store.SiteRecord r) {
        ObjectNode o = (ObjectNode) readTree(r.settingsJson());
        o.put("id", r.id());
        o.put("name", r.name());
        o.put("key", r.key());
        o.put("write_key", r.writeKey());
        ArrayNode domains = o.putArray("domains");
        r.domains().forEach(domains::add);
        o.put("timezone", r.timezone());
        o.put("session_timeout", r.sessionTimeoutSeconds());
        return o;
    }

    /** A token that opens this site's admin routes only; shown once, stored as a hash. */
    private void createToken(Context ctx) {
        LiveSite s = site(ctx);
        byte[] b = new byte[24];
        random.nextBytes(b);
        String token = "ot_" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        String hash = Auth.hex(Auth.sha256(token));
        Trail trail = audit.trail(ctx);
        audit.atomically(() -> {
            storage.sites().putObject(new ConfigObject(s.id(), "token", hash,
                    json.createObjectNode().put("created_at", clock.millis()).toString(), clock.millis()));
            // the token is known by its last four characters, as it will be when it makes changes
            trail.record(Change.of("create", Change.TOKENS, AuditStore.Actor.siteToken(token).token(), s.id()));
        });
        auth.addSiteToken(hash, s.id());
        ctx.status(201).json(json.createObjectNode().put("token", token).put("site", s.id()));
    }

    // ---- configuration objects -------------------------------------------------------------------

    private void listObjects(Context ctx, String kind) {
        LiveSite s = site(ctx);
        ArrayNode out = json.createArrayNode();
        for (ConfigObject o : storage.sites().objects(s.id(), kind)) out.add(readTree(o.json()));
        ctx.json(json.createObjectNode().set("items", out));
    }

    private void getObject(Context ctx, String kind) {
        LiveSite s = site(ctx);
        ConfigObject o = storage.sites().object(s.id(), kind, ctx.pathParam("id"))
                .orElseThrow(() -> ApiException.notFound("no " + kind + " " + ctx.pathParam("id")));
        ctx.json(readTree(o.json()));
    }

    private void putObject(Context ctx, String kind) {
        LiveSite s = site(ctx);
        String id = ctx.pathParam("id");
        boolean existed = storage.sites().object(s.id(), kind, id).isPresent();
        JsonNode body = body(ctx);
        sites.putObject(s, kind, id, body, audit.trail(ctx));
        ctx.status(existed ? 200 : 201).json(body);
    }

    private void deleteObject(Context ctx, String kind) {
        LiveSite s = site(ctx);
        if (!sites.deleteObject(s, kind, ctx.pathParam("id"), audit.trail(ctx))) throw ApiException.notFound("no " + kind + " " + ctx.pathParam("id"));
        ctx.status(204);
    }

    private void countSegment(Context ctx) {
        LiveSite s = site(ctx);
        String id = ctx.pathParam("id");
        if (s.engine().configuration().current().segment(id) == null) throw ApiException.notFound("no segment " + id);
        java.util.function.Predicate<Profile> in;
        try {
            in = s.exclusive(() -> s.engine().segmentTest(id));
        } catch (IllegalArgumentException removedMeanwhile) {
            throw ApiException.notFound("no segment " + id);
        }
        long[] n = {0};
        long profiles = s.readProfiles(p -> { // a slice at a time: the site's requests go on meanwhile
            if (in.test(p)) n[0]++;
        });
        ctx.json(json.createObjectNode().put("segment", id).put("count", n[0]).put("profiles", profiles));
    }

    // ---- profiles --------------------------------------------------------------------------------

    private void profile(Context ctx) {
        LiveSite s = site(ctx);
        String visitor = ctx.pathParam("visitor");
        ObjectNode view = s.exclusive(() -> {
            Profile p = s.engine().profile(visitor);
            return p == null ? null : ProfileJson.of(json, s.engine(), p, visitor);
        });
        if (view == null) throw ApiException.notFound("no profile for visitor " + visitor);
        ctx.json(view);
    }

    /** The visitor's events, newest first, paged with {@code before} (a cursor from the previous page). */
    private void timeline(Context ctx) {
        LiveSite s = site(ctx);
        String visitor = ctx.pathParam("visitor");
        int limit = intParam(ctx, "limit", 50, 1, 500);
        long before = longParam(ctx, "before", Long.MAX_VALUE);
        long head = s.journalHead(visitor);
        awaitJournal(s);
        List<JournalRecord> records = storage.journal().byVisitor(s.id(), visitor, head, before, limit);
        ArrayNode events = json.createArrayNode();
        long next = -1;
        for (JournalRecord rec : records) {
            TrackRequest req = codec.decode(rec.request());
            List<Event> list = new ArrayList<>(req.events());
            java.util.Collections.reverse(list);
            for (Event e : list) {
                ObjectNode n = events.addObject();
                n.put("id", e.id());
                n.put("name", e.name());
                n.put("ts", java.time.Instant.ofEpochMilli(e.ts()).toString());
                n.set("properties", e.properties());
                if (req.page().url() != null) n.put("page", req.page().url());
            }
            next = rec.seq();
        }
        ObjectNode out = json.createObjectNode();
        out.put("visitor", visitor);
        out.set("events", events);
        if (records.size() == limit) out.put("next_before", next);
        ctx.json(out);
    }

    private void person(Context ctx) {
        LiveSite s = site(ctx);
        String user = ctx.pathParam("user");
        ObjectNode view = s.exclusive(() -> {
            Profile p = s.engine().person(user);
            if (p == null) return null;
            List<String> ids = p.visitorIds();
            return ProfileJson.of(json, s.engine(), p, ids.isEmpty() ? null : ids.getFirst());
        });
        if (view == null) throw ApiException.notFound("no person with user id " + user);
        ctx.json(view);
    }

    /**
     * Forgets a person: profile, every journal record of their browsers (admin-api.md). The journal's
     * deletions and the history's entry are one transaction; the entry says only that someone was forgotten
     * and how much, never who.
     */
    private void forget(Context ctx) {
        LiveSite s = site(ctx);
        String user = ctx.pathParam("user");
        Trail trail = audit.trail(ctx);
        // no checkpoint runs meanwhile: one begun before would still hold the person when saved
        ObjectNode out = sites.withoutCheckpoint(s, () -> {
            // each browser's chain head, read with the person forgotten in one step: records after it are a new profile's
            Map<String, Long> heads = s.exclusive(() -> {
                Map<String, Long> h = new LinkedHashMap<>();
                Profile p = s.engine().person(user);
                if (p != null) for (VisitorState b : p.browsers()) h.put(b.visitorId(), b.journalSeq());
                s.engine().forget(user);
                return h;
            });
            List<String> visitors = List.copyOf(heads.keySet());
            if (visitors.isEmpty()) throw ApiException.notFound("no person with user id " + user);
            s.awaitJournal(); // the person's latest records, still being committed, go too: no time limit
            int records = audit.atomically(() -> {
                int deleted = 0;
                for (Map.Entry<String, Long> v : heads.entrySet()) deleted += storage.journal().deleteVisitor(s.id(), v.getKey(), v.getValue());
                trail.record(Change.of("forget", Change.USERS, null, s.id())
                        .withDetail(json.createObjectNode().put("visitors", visitors.size()).put("journal_records", deleted)));
                return deleted;
            });
            sites.checkpoint(s); // the old checkpoint still holds the person
            return json.createObjectNode().put("user", user).put("visitors", visitors.size()).put("journal_records", records);
        });
        ctx.json(out);
    }

    /**
     * Which campaigns a visitor would get on a page, and why each other would not. The visitor is a real
     * one ({@code "visitor"}), or made up ({@code "profile"}: traits, user, events, user agent) and then
     * built in a scratch engine with the site's configuration, so nothing real changes.
     */
    private void preview(Context ctx) {
        LiveSite s = site(ctx);
        JsonNode body = body(ctx);
        JsonNode pageNode = body.path("page");
        Page page = pageNode.isTextual() ? Page.of(pageNode.asText())
                : new Page(text(pageNode, "url"), text(pageNode, "title"), text(pageNode, "referrer"));
        if (page.url() == null) throw ApiException.badRequest("page.url", "expected the page's URL");
        Decision d;
        if (body.hasNonNull("visitor")) {
            String visitor = body.get("visitor").asText();
            d = s.exclusive(() -> s.engine().explain(visitor, page));
        } else {
            d = madeUp(s, body.path("profile"), page);
        }
        ArrayNode delivered = json.createArrayNode();
        d.actions().forEach(a -> delivered.add(json.createObjectNode().put("campaign", a.campaign()).put("variant", a.variant())
                .put("control", a.control()).put("template", a.template()).<ObjectNode>set("content", a.content())
                .set("trigger", a.trigger())));
        ArrayNode outcomes = json.createArrayNode();
        for (Outcome o : d.outcomes()) {
            ObjectNode n = outcomes.addObject().put("campaign", o.campaign()).put("delivered", o.delivered());
            if (o.variant() != null) n.put("variant", o.variant());
            if (o.delivered()) n.put("control", o.control());
            else n.put("reason", o.reason().json()).put("detail", o.detail());
        }
        ctx.json(json.createObjectNode().<ObjectNode>set("actions", delivered).set("campaigns", outcomes));
    }

    private Decision madeUp(LiveSite s, JsonNode profile, Page page) {
        SiteEngine scratch = new SiteEngine(s.engine().settings(), clock);
        scratch.configuration().replace(s.engine().configuration().current());
        String visitor = "v_preview_visitor";
        List<Event> events = new ArrayList<>();
        long now = clock.millis();
        int i = 0;
        for (JsonNode e : profile.path("events")) {
            String name = text(e, "name");
            if (name == null) throw ApiException.badRequest("profile.events[" + i + "].name", "expected an event name");
            JsonNode props = e.get("properties");
            events.add(new Event("e_preview_" + i, name, now - Math.max(0, e.path("seconds_ago").asLong(0)) * 1000,
                    props instanceof ObjectNode o ? o : null));
            i++;
        }
        events.sort(java.util.Comparator.comparingLong(Event::ts));
        events.add(new Event("e_preview_view", "view", now, null));
        JsonNode traits = profile.get("traits");
        scratch.track(new TrackRequest(visitor, text(profile, "user"), traits instanceof ObjectNode t ? t : null, page,
                new ClientContext(text(profile, "user_agent"), profile.has("mobile") ? profile.get("mobile").asBoolean() : null, null, null),
                events, false));
        return scratch.explain(visitor, page);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private LiveSite site(Context ctx) {
        LiveSite s = sites.byId(ctx.pathParam("site"));
        if (s == null) throw ApiException.notFound("no site " + ctx.pathParam("site"));
        return s;
    }

    private JsonNode body(Context ctx) {
        return Bodies.json(ctx, json, MAX_BODY);
    }

    private JsonNode readTree(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException("stored JSON does not parse", e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /**
     * Waits for the site's records still being committed, which a read or deletion of the journal that
     * follows must see. A journal that takes longer than this is failing: the caller goes on with what is
     * stored (docs/storage.md, "A visitor's records").
     */
    private static void awaitJournal(LiveSite s) {
        try {
            if (!s.awaitJournal(JOURNAL_WAIT_MS)) {
                log.warn("site {}: the journal did not finish its pending commits in {} ms; reading what is stored", s.id(), JOURNAL_WAIT_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "unavailable", "the server is stopping");
        }
    }

    private static int intParam(Context ctx, String name, int dflt, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null) return dflt;
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) throw ApiException.badRequest(name, name + " must be between " + min + " and " + max);
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, name + " must be a number");
        }
    }

    private static long longParam(Context ctx, String name, long dflt) {
        String v = ctx.queryParam(name);
        if (v == null) return dflt;
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, name + " must be a number");
        }
    }
}
