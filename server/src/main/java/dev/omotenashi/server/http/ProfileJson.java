package dev.omotenashi.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omotenashi.engine.SiteEngine;
import dev.omotenashi.engine.profile.Agg;
import dev.omotenashi.engine.profile.CampaignHistory;
import dev.omotenashi.engine.profile.EventCounter;
import dev.omotenashi.engine.profile.Metric;
import dev.omotenashi.engine.profile.Profile;
import dev.omotenashi.engine.profile.Scope;
import dev.omotenashi.engine.profile.Series;
import dev.omotenashi.engine.profile.VisitorState;

import java.time.Instant;

/** The admin API's view of a profile (the console's カルテ): figures, traits, aggregates, segments, actions. */
final class ProfileJson {
    private ProfileJson() {}

    static ObjectNode of(ObjectMapper json, SiteEngine engine, Profile p, String visitor) {
        int today = engine.today();
        VisitorState b = visitor == null ? null : p.browser(visitor);
        ObjectNode o = json.createObjectNode();
        o.put("visitor", visitor);
        if (p.userId() != null) o.put("user", p.userId());
        o.put("is_member", p.isMember());
        ArrayNode visitors = o.putArray("visitors");
        p.visitorIds().forEach(visitors::add);
        o.put("visits", p.visits());
        time(o, "first_seen", p.firstSeen());
        time(o, "last_event_at", p.lastEventAt());
        o.set("traits", p.traits());
        ArrayNode sessions = o.putArray("sessions");
        for (VisitorState s : p.browsers()) {
            if (s.serial() < 0) continue;
            ObjectNode n = sessions.addObject();
            n.put("visitor", s.visitorId());
            n.put("session", s.sessionId());
            time(n, "started_at", s.sessionStart());
            time(n, "last_event_at", s.lastEventAt());
            n.put("pv", s.sessionPv());
            n.put("source", s.source());
            n.put("device", s.device());
            n.put("landing_path", s.landingPath());
            if (s.referrerHost() != null) n.put("referrer_host", s.referrerHost());
            String[] names = {"utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "click_id"};
            for (int i = 0; i < names.length; i++) if (s.campaignParameter(i) != null) n.put(names[i], s.campaignParameter(i));
        }
        ObjectNode events = o.putObject("events");
        for (EventCounter c : p.counters()) {
            ObjectNode n = events.putObject(c.name());
            for (Scope scope : Scope.values()) {
                n.put("count_" + scope.json(), (Double) p.aggregate(c.name(), null, scope, Agg.COUNT, b, today));
            }
            time(n, "first_at", (Long) p.aggregate(c.name(), null, Scope.ALL, Agg.FIRST_AT, b, today));
            time(n, "latest_at", (Long) p.aggregate(c.name(), null, Scope.ALL, Agg.LATEST_AT, b, today));
        }
        ObjectNode properties = o.putObject("properties");
        for (Series s : p.series()) {
            if (s.property() == null) continue;
            ObjectNode n = properties.putObject(s.event() + "." + s.property());
            for (Agg agg : new Agg[]{Agg.COUNT, Agg.SUM, Agg.MIN, Agg.MAX, Agg.AVG, Agg.FIRST, Agg.LATEST}) {
                n.set(agg.json(), json.valueToTree(p.aggregate(s.event(), s.property(), Scope.ALL, agg, b, today)));
            }
        }
        ArrayNode segments = o.putArray("segments");
        if (visitor != null) engine.segmentsOf(visitor).forEach(segments::add);
        ObjectNode actions = o.putObject("actions");
        for (CampaignHistory h : p.campaigns()) {
            ObjectNode n = actions.putObject(h.campaign());
            for (Metric m : Metric.values()) {
                ObjectNode mm = n.putObject(m.json());
                mm.put("all", h.count(m, Scope.ALL, -1, today));
                mm.put("session", b == null ? 0 : h.count(m, Scope.SESSION, b.serial(), today));
                mm.put("today", h.count(m, Scope.TODAY, -1, today));
            }
            if (h.exposed()) {
                ObjectNode e = n.putObject("exposure");
                time(e, "at", h.exposedAt());
                e.put("variant", h.exposedVariant());
                e.put("control", h.exposedControl());
            }
        }
        ArrayNode recent = o.putArray("recent_items");
        p.recentItems().forEach(recent::add);
        return o;
    }

    private static void time(ObjectNode o, String field, Long ms) {
        if (ms == null || ms == Long.MIN_VALUE || ms == Long.MAX_VALUE) o.putNull(field);
        else o.put(field, Instant.ofEpochMilli(ms).toString());
    }
}
