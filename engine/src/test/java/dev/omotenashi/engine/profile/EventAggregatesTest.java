package dev.omotenashi.engine.profile;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class EventAggregatesTest {
    private static final long DAY = 86_400_000L;
    private static final long T0 = 1_764_000_000_000L;

    private final AggregatePlan plan = new AggregatePlan(Set.of(
            new AggregateKey("cart", "price", Scope.ALL, Agg.LATEST),
            new AggregateKey("cart", "price", Scope.SESSION, Agg.SUM),
            new AggregateKey("cart", "price", Scope.PREVIOUS_SESSION, Agg.MAX),
            new AggregateKey("cart", "price", Scope.DAYS_7, Agg.AVG),
            new AggregateKey("view", "path", Scope.ALL, Agg.VALUES)));

    private static ObjectNode props(String k, Object v) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        if (v instanceof Number num) n.put(k, num.doubleValue());
        else n.put(k, (String) v);
        return n;
    }

    private static int day(long t) {
        return (int) Math.floorDiv(t, DAY);
    }

    @Test
    void anEventsFirstAndLatestTimeAreKeptToTheSecond() {
        Profile p = new Profile("v1");
        VisitorState b = p.browser("v1");
        p.startSession(b, T0, "direct", "pc", "/", null, null);
        p.recordEvent(b, "buy", T0 + 1_999, day(T0), props("total", 1), plan);
        p.recordEvent(b, "buy", T0 + 61_500, day(T0), props("total", 1), plan);
        assertThat(p.aggregate("buy", null, Scope.ALL, Agg.FIRST_AT, b, day(T0))).isEqualTo(T0 + 1_000);
        assertThat(p.aggregate("buy", null, Scope.ALL, Agg.LATEST_AT, b, day(T0))).isEqualTo(T0 + 61_000);
        assertThat(p.aggregate("sell", null, Scope.ALL, Agg.LATEST_AT, b, day(T0))).isNull();
    }

    @Test
    void countsByScopeFollowSessionsAndDays() {
        Profile p = new Profile("v1");
        VisitorState b = p.browser("v1");
        p.startSession(b, T0, "direct", "pc", "/", null, null);
        p.recordEvent(b, "cart", T0, day(T0), props("price", 1000), plan);
        p.recordEvent(b, "cart", T0 + 1000, day(T0), props("price", 3000), plan);
        p.startSession(b, T0 + 10 * DAY, "direct", "pc", "/", null, null);
        p.recordEvent(b, "cart", T0 + 10 * DAY, day(T0 + 10 * DAY), props("price", 500), plan);
        int today = day(T0 + 10 * DAY);

        assertThat(p.aggregate("cart", null, Scope.ALL, Agg.COUNT, b, today)).isEqualTo(3.0);
        assertThat(p.aggregate("cart", null, Scope.SESSION, Agg.COUNT, b, today)).isEqualTo(1.0);
        assertThat(p.aggregate("cart", null, Scope.PREVIOUS_SESSION, Agg.COUNT, b, today)).isEqualTo(2.0);
        assertThat(p.aggregate("cart", null, Scope.DAYS_7, Agg.COUNT, b, today)).isEqualTo(1.0);
        assertThat(p.aggregate("cart", null, Scope.DAYS_28, Agg.COUNT, b, today)).isEqualTo(3.0);
        assertThat(p.aggregate("cart", "price", Scope.ALL, Agg.LATEST, b, today)).isEqualTo(500.0);
        assertThat(p.aggregate("cart", "price", Scope.SESSION, Agg.SUM, b, today)).isEqualTo(500.0);
        assertThat(p.aggregate("cart", "price", Scope.PREVIOUS_SESSION, Agg.MAX, b, today)).isEqualTo(3000.0);
        assertThat(p.aggregate("cart", "price", Scope.DAYS_7, Agg.AVG, b, today)).isEqualTo(500.0);
        assertThat(p.aggregate("buy", null, Scope.ALL, Agg.COUNT, b, today)).isEqualTo(0.0);
        assertThat(p.aggregate("buy", null, Scope.ALL, Agg.LATEST_AT, b, today)).isNull();
        assertThat(p.aggregate("cart", null, Scope.ALL, Agg.FIRST_AT, b, today)).isEqualTo(T0);
        assertThat(p.visits()).isEqualTo(2);
    }

    @Test
    void valuesKeepTheMostFrequentFirst() {
        Profile p = new Profile("v1");
        VisitorState b = p.browser("v1");
        p.startSession(b, T0, "direct", "pc", "/", null, null);
        for (String path : List.of("/a", "/b", "/b", "/c", "/b", "/a")) {
            p.recordEvent(b, "view", T0, day(T0), props("path", path), plan);
        }
        assertThat(p.aggregate("view", "path", Scope.ALL, Agg.VALUES, b, day(T0))).isEqualTo(List.of("/b", "/a", "/c"));
        assertThat(b.sessionPv()).isEqualTo(6);
    }

    @Test
    void daysOlderThanTheWindowAreDropped() {
        Profile p = new Profile("v1");
        VisitorState b = p.browser("v1");
        p.startSession(b, T0, "direct", "pc", "/", null, null);
        for (int d = 0; d < 40; d++) {
            p.recordEvent(b, "view", T0 + d * DAY, day(T0 + d * DAY), null, plan);
        }
        EventCounter c = p.counter("view");
        assertThat(c.days.length).isEqualTo(28);
        assertThat(p.aggregate("view", null, Scope.DAYS_28, Agg.COUNT, b, day(T0 + 39 * DAY))).isEqualTo(28.0);
        assertThat(p.aggregate("view", null, Scope.TODAY, Agg.COUNT, b, day(T0 + 39 * DAY))).isEqualTo(1.0);
        assertThat(p.aggregate("view", null, Scope.ALL, Agg.COUNT, b, day(T0 + 39 * DAY))).isEqualTo(40.0);
    }

    @Test
    void absorbingAnAnonymousVisitorAddsCountsAndKeepsSessionsApart() {
        Profile person = new Profile("phone");
        VisitorState phone = person.browser("phone");
        person.startSession(phone, T0, "direct", "smartphone", "/", null, null);
        person.recordEvent(phone, "cart", T0, day(T0), props("price", 2000), plan);

        Profile anon = new Profile("pc");
        VisitorState pc = anon.browser("pc");
        anon.startSession(pc, T0 + 5000, "search", "pc", "/items/1", "www.google.com", null);
        anon.recordEvent(pc, "cart", T0 + 5000, day(T0), props("price", 4500), plan);
        anon.recordEvent(pc, "view", T0 + 6000, day(T0), null, plan);
        pc.journalSeq(17);

        person.absorb(anon);
        VisitorState pcNow = person.browser("pc");
        assertThat(pcNow.journalSeq()).as("the host's chain of the browser's records goes on").isEqualTo(17);
        int today = day(T0);
        assertThat(person.visits()).isEqualTo(2);
        assertThat(person.aggregate("cart", null, Scope.ALL, Agg.COUNT, pcNow, today)).isEqualTo(2.0);
        assertThat(person.aggregate("cart", null, Scope.SESSION, Agg.COUNT, pcNow, today)).isEqualTo(1.0);
        assertThat(person.aggregate("cart", null, Scope.SESSION, Agg.COUNT, person.browser("phone"), today)).isEqualTo(1.0);
        assertThat(person.aggregate("cart", "price", Scope.ALL, Agg.LATEST, pcNow, today)).isEqualTo(4500.0);
        assertThat(pcNow.sessionPv()).isEqualTo(1);
        assertThat(pcNow.device()).isEqualTo("pc");
        assertThat(person.visitorIds()).containsExactly("phone", "pc");
    }

    @Test
    void aBrowserMovingToAnotherPersonKeepsTheHostsJournalPosition() {
        Profile first = new Profile("shared-pc");
        VisitorState b = first.browser("shared-pc");
        first.startSession(b, T0, "direct", "pc", "/", null, null);
        b.journalSeq(41);
        Profile second = new Profile("phone");
        second.adoptBrowser(first.detachBrowser("shared-pc"));
        assertThat(second.browser("shared-pc").journalSeq()).isEqualTo(41);
        assertThat(first.browser("shared-pc")).isNull();
    }

    @Test
    void actionHistoryCountsPerScope() {
        Profile p = new Profile("v1");
        VisitorState b = p.browser("v1");
        p.startSession(b, T0, "direct", "pc", "/", null, null);
        p.recordAction("c1", Metric.SHOWN, T0, b.serial(), day(T0));
        p.recordAction("c1", Metric.SHOWN, T0 + 1, b.serial(), day(T0));
        p.startSession(b, T0 + DAY, "direct", "pc", "/", null, null);
        p.recordAction("c1", Metric.SHOWN, T0 + DAY, b.serial(), day(T0 + DAY));
        int today = day(T0 + DAY);
        assertThat(p.actionCount("c1", Metric.SHOWN, Scope.ALL, b, today)).isEqualTo(3);
        assertThat(p.actionCount("c1", Metric.SHOWN, Scope.SESSION, b, today)).isEqualTo(1);
        assertThat(p.actionCount("c1", Metric.SHOWN, Scope.TODAY, b, today)).isEqualTo(1);
        assertThat(p.actionCount("c1", Metric.CLICKED, Scope.ALL, b, today)).isZero();
        assertThat(p.actionLatestAt("c1", Metric.SHOWN)).isEqualTo(T0 + DAY);
        assertThat(p.actionLatestAt("c2", Metric.SHOWN)).isNull();
    }
}
