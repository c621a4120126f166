package dev.omotenashi.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omotenashi.engine.SiteEngine;
import dev.omotenashi.engine.condition.Condition;
import dev.omotenashi.engine.condition.ConditionParser;
import dev.omotenashi.engine.config.Errors;
import dev.omotenashi.engine.config.Fields;
import dev.omotenashi.server.site.LiveSite;
import dev.omotenashi.server.site.Sites;
import io.javalin.http.Context;

import java.util.List;

/**
 * Audiences before they are saved (docs/api.md): {@code POST /api/v1/sites/{site}/audience/count} with
 * {@code {"condition": Condition}} answers how many stored profiles of the site match now, counted as
 * {@code GET …/segments/{id}/count} counts a saved segment ({@link SiteEngine#countAudience}). The console's
 * audience builder calls it as the operator edits. It only reads, so a viewer may call it
 * ({@code ConsoleAuth.required}). An invalid condition is 400 with every problem's path
 * ({@code condition.all[1].op}), as saving a segment with it would be; nothing is ever stored.
 */
public final class AudienceRoutes {
    /** A condition is small; this bounds the work one request can ask for. */
    private static final int MAX_BODY = 256 * 1024;
    private static final List<String> FIELDS = List.of("condition");

    private final Sites sites;
    private final ObjectMapper json;

    public AudienceRoutes(Sites sites, ObjectMapper json) {
        this.sites = sites;
        this.json = json;
    }

    public void register(Router r) {
        r.post("/api/v1/sites/{site}/audience/count", Router.Access.SITE, this::count);
    }

    private void count(Context ctx) {
        LiveSite s = sites.byId(ctx.pathParam("site"));
        if (s == null) throw ApiException.notFound("no site " + ctx.pathParam("site"));
        JsonNode body = Bodies.json(ctx, json, MAX_BODY);
        Errors errors = new Errors();
        Fields f = Fields.of(body, "", errors, FIELDS);
        JsonNode node = f == null ? null : f.required("condition");
        Condition condition = node == null ? null
                : ConditionParser.parse(node, f.path("condition"), ConditionParser.Context.AUDIENCE, errors);
        errors.throwIfAny();
        SiteEngine.AudienceTest t = s.exclusive(() -> s.engine().audienceTest(condition));
        long[] in = {0};
        long profiles = s.readProfiles(p -> { // a slice at a time: the site's requests go on meanwhile
            if (t.test().test(p)) in[0]++;
        });
        ObjectNode out = json.createObjectNode().put("count", in[0]).put("profiles", profiles);
        t.notKept().forEach(out.putArray("not_kept")::add);
        ctx.json(out);
    }
}
