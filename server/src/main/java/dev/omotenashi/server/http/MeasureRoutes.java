package dev.omotenashi.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omotenashi.engine.campaign.Campaign;
import dev.omotenashi.engine.config.ConfigError;
import dev.omotenashi.engine.config.ValidationException;
import dev.omotenashi.engine.config.Values;
import dev.omotenashi.engine.experiment.Comparison;
import dev.omotenashi.server.measure.CampaignReport;
import dev.omotenashi.server.measure.Funnels;
import dev.omotenashi.server.measure.SiteMeasures;
import dev.omotenashi.server.site.LiveSite;
import dev.omotenashi.server.site.Sites;
import io.javalin.http.Context;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Measurement (docs/measurement.md): a campaign's report, the journey funnel and event funnels, and the
 * real-time overview. Thin handlers: parse and validate the range, read the site's counters, render.
 * Dates are calendar days in the site's timezone, both ends included.
 */
public final class MeasureRoutes {
    /** The longest range a report or funnel covers, in days. */
    static final int MAX_DAYS = 731;
    static final int MAX_STEPS = 10;
    private static final int OVERVIEW_MINUTES = 60;
    private static final Map<String, String> RANGE = Map.of(
            "from", "first day, YYYY-MM-DD in the site's timezone (default: the first day with data, or 27 days before to)",
            "to", "last day, included (default: today)");

    private final Sites sites;
    private final ObjectMapper json;
    private final Clock clock;

    public MeasureRoutes(Sites sites, ObjectMapper json, Clock clock) {
        this.sites = sites;
        this.json = json;
        this.clock = clock;
    }

    public void register(Router r) {
        String base = "/api/v1/sites/{site}";
        Map<String, String> report = new java.util.LinkedHashMap<>(RANGE);
        report.put("method", "sequential (default; valid at any look) or fixed (one look at a planned horizon)");
        report.put("horizon", "fixed method: exposed visitors per arm planned before the test");
        r.get(base + "/campaigns/{id}/report", Router.Access.SITE, report, this::report);
        r.get(base + "/funnels/journey", Router.Access.SITE, RANGE, this::journey);
        r.post(base + "/funnels", Router.Access.SITE, this::funnel);
        r.get(base + "/overview", Router.Access.SITE, this::overview);
    }

    private void report(Context ctx) {
        LiveSite s = site(ctx);
        String id = ctx.pathParam("id");
        Campaign c = s.engine().configuration().current().campaign(id);
        if (c == null) throw new ApiException(404, "not_found", "no campaign " + id, "id");
        List<ConfigError> errors = new ArrayList<>();
        Comparison.Method method = Comparison.Method.SEQUENTIAL;
        String m = ctx.queryParam("method");
        if (m != null) {
            method = switch (m) {
                case "sequential" -> Comparison.Method.SEQUENTIAL;
                case "fixed", "fixed_horizon" -> Comparison.Method.FIXED_HORIZON;
                default -> {
                    errors.add(ConfigError.of("method", "invalid_value", "expected fixed or sequential"));
                    yield null;
                }
            };
        }
        Long horizon = null;
        String h = ctx.queryParam("horizon");
        if (h != null) {
            try {
                horizon = Long.parseLong(h);
                if (horizon < 1) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                errors.add(ConfigError.of("horizon", "invalid_value", "expected a positive whole number of visitors per arm"));
            }
        }
        Integer firstDay = s.measures().firstDay(id);
        LocalDate[] range = range(ctx, s, firstDay, errors);
        if (!errors.isEmpty()) throw new ValidationException(errors);
        ctx.json(CampaignReport.build(c, s.measures(), range[0], range[1], method, horizon));
    }

    private void journey(Context ctx) {
        LiveSite s = site(ctx);
        List<ConfigError> errors = new ArrayList<>();
        LocalDate[] range = range(ctx, s, null, errors);
        if (!errors.isEmpty()) throw new ValidationException(errors);
        ctx.json(Funnels.journey(s.measures(), range[0], range[1]));
    }

    /** Body: {@code {"steps": ["view", "cart", "buy"], "from": "2026-11-01", "to": "2026-11-30"}}. */
    private void funnel(Context ctx) {
        LiveSite s = site(ctx);
        JsonNode body = Bodies.json(ctx, json, 64 * 1024);
        List<ConfigError> errors = new ArrayList<>();
        if (!body.isObject()) throw new ValidationException(ConfigError.of("", "invalid_type", "expected a JSON object"));
        body.fieldNames().forEachRemaining(f -> {
            if (!List.of("steps", "from", "to").contains(f)) errors.add(ConfigError.of(f, "unknown_field", "unknown field '" + f + "'"));
        });
        List<String> steps = new ArrayList<>();
        JsonNode list = body.get("steps");
        if (list == null || !list.isArray() || list.isEmpty() || list.size() > MAX_STEPS) {
            errors.add(ConfigError.of("steps", list == null ? "required" : "invalid_value",
                    "expected a list of 1 to " + MAX_STEPS + " event names, in order"));
        } else {
            for (int i = 0; i < list.size(); i++) {
                JsonNode n = list.get(i);
                if (!n.isTextual() || n.textValue().isEmpty() || n.textValue().length() > Values.MAX_EVENT_NAME) {
                    errors.add(ConfigError.of("steps[" + i + "]", "invalid_value", "expected an event name of 1 to " + Values.MAX_EVENT_NAME + " characters"));
                } else if (steps.contains(n.textValue())) {
                    // the funnel reads each event's first time: a repeated event would pass every visitor
                    errors.add(ConfigError.of("steps[" + i + "]", "invalid_value",
                            "'" + n.textValue() + "' is already a step; each event may appear once"));
                } else {
                    steps.add(n.textValue());
                }
            }
        }
        LocalDate[] range = range(body.path("from").isMissingNode() ? null : text(body, "from", errors),
                body.path("to").isMissingNode() ? null : text(body, "to", errors), s, null, errors);
        if (!errors.isEmpty()) throw new ValidationException(errors);
        // profiles are read a slice at a time between the site's requests, as a segment count reads them
        ObjectNode out = Funnels.events(s::readProfiles, steps, range[0], range[1], s.measures().zone());
        ctx.json(out);
    }

    private void overview(Context ctx) {
        LiveSite s = site(ctx);
        long now = clock.millis();
        SiteMeasures m = s.measures();
        long active = m.activeVisitors(now);
        ObjectNode out = json.createObjectNode();
        out.put("now", Instant.ofEpochMilli(now).toString());
        out.put("active_visitors", active);
        out.put("goals_today", m.goalsOn(m.dayOf(now)));
        ArrayNode minutes = out.putArray("minutes");
        long current = Math.floorDiv(now, 60_000L);
        long events = 0, deliveries = 0;
        for (long minute = current - OVERVIEW_MINUTES + 1; minute <= current; minute++) {
            long e = m.eventsInMinute(minute), d = m.deliveriesInMinute(minute);
            events += e;
            deliveries += d;
            minutes.addObject().put("minute", Instant.ofEpochMilli(minute * 60_000).toString()).put("events", e).put("deliveries", d);
        }
        out.put("events_last_hour", events);
        out.put("deliveries_last_hour", deliveries);
        ctx.json(out);
    }

    // ---- parameters ----------------------------------------------------------------------------------

    private LocalDate[] range(Context ctx, LiveSite s, Integer firstDay, List<ConfigError> errors) {
        return range(ctx.queryParam("from"), ctx.queryParam("to"), s, firstDay, errors);
    }

    /** from and to, checked: dates, from ≤ to, at most {@value #MAX_DAYS} days. Problems go to {@code errors}. */
    private LocalDate[] range(String fromText, String toText, LiveSite s, Integer firstDay, List<ConfigError> errors) {
        LocalDate today = LocalDate.ofEpochDay(s.measures().dayOf(clock.millis()));
        LocalDate to = toText == null ? today : date("to", toText, errors);
        LocalDate from;
        if (fromText != null) from = date("from", fromText, errors);
        else if (to == null) from = null;
        else if (firstDay != null && firstDay <= to.toEpochDay()) from = LocalDate.ofEpochDay(Math.max(firstDay, to.toEpochDay() - MAX_DAYS + 1));
        else from = to.minusDays(27);
        if (from != null && to != null) {
            if (from.isAfter(to)) errors.add(ConfigError.of("from", "invalid_value", "from must not be after to"));
            else if (to.toEpochDay() - from.toEpochDay() + 1 > MAX_DAYS) {
                errors.add(ConfigError.of("to", "invalid_value", "a range covers at most " + MAX_DAYS + " days"));
            }
        }
        return new LocalDate[]{from, to};
    }

    private static LocalDate date(String field, String text, List<ConfigError> errors) {
        try {
            if (text.length() != 10) throw new DateTimeParseException("length", text, 0);
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(ConfigError.of(field, "invalid_format", "expected a date YYYY-MM-DD, got '" + text + "'"));
            return null;
        }
    }

    private static String text(JsonNode body, String field, List<ConfigError> errors) {
        JsonNode n = body.get(field);
        if (n.isTextual()) return n.textValue();
        errors.add(ConfigError.of(field, "invalid_type", "expected a date YYYY-MM-DD"));
        return null;
    }

    private LiveSite site(Context ctx) {
        LiveSite s = sites.byId(ctx.pathParam("site"));
        if (s == null) throw new ApiException(404, "not_found", "no site " + ctx.pathParam("site"), "site");
        return s;
    }
}
