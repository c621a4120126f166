package dev.omotenashi.server.measure;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omotenashi.engine.event.Event;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The counters on their own: days in the site's timezone, the minute ring, active visitors, the checkpoint form. */
class SiteMeasuresTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final long MIDNIGHT = ZonedDateTime.of(2026, 11, 10, 0, 0, 0, 0, TOKYO).toInstant().toEpochMilli();
    private final SiteMeasures m = new SiteMeasures(TOKYO);

    private static Event action(String name, long at, String variant, boolean control) {
        ObjectNode p = JsonNodeFactory.instance.objectNode().put("campaign", "c").put("variant", variant)
                .put("action", "a_1").put("control", control);
        return new Event("e", name, at, p);
    }

    @Test
    void aDeliveryJustBeforeAndJustAfterMidnightInTokyoFallsOnTwoDays() {
        m.apply("v_1", List.of(action("_action_delivered", MIDNIGHT - 1, "a", false)), List.of(), null, false);
        m.apply("v_1", List.of(action("_action_delivered", MIDNIGHT, "a", false)), List.of(), null, false);
        int day = m.dayOf(MIDNIGHT);
        assertThat(m.daily("c", "a", day - 1, day)).hasSize(2);
        assertThat(m.totals("c", "a", day, day).deliveries()).isEqualTo(1);
    }

    @Test
    void controlDeliveriesGoToTheControlArmWhateverTheirVariant() {
        m.apply("v_1", List.of(action("_action_delivered", MIDNIGHT, "a", true)), List.of(), null, false);
        assertThat(m.arms("c")).containsExactly(SiteMeasures.CONTROL_ARM);
    }

    @Test
    void theMinuteRingForgetsMinutesOlderThanAnHourAndIgnoresEventsOlderThanItself() {
        long t = MIDNIGHT;
        m.apply("v_1", List.of(new Event("e", "view", t, JsonNodeFactory.instance.objectNode())), List.of(), null, false);
        long minute = t / 60_000;
        assertThat(m.eventsInMinute(minute)).isEqualTo(1);
        long later = t + 64 * 60_000L;
        m.apply("v_1", List.of(new Event("e", "view", later, JsonNodeFactory.instance.objectNode())), List.of(), null, false);
        assertThat(m.eventsInMinute(minute)).isZero(); // its slot now holds minute + 64
        m.apply("v_1", List.of(new Event("e", "view", t, JsonNodeFactory.instance.objectNode())), List.of(), null, false);
        assertThat(m.eventsInMinute(minute)).isZero();
        assertThat(m.eventsInMinute(later / 60_000)).isEqualTo(1);
    }

    @Test
    void activeVisitorsAreThoseSeenInTheLastFiveMinutes() {
        m.apply("v_1", List.of(new Event("e", "view", MIDNIGHT, JsonNodeFactory.instance.objectNode())), List.of(), null, false);
        m.apply("v_2", List.of(new Event("e", "view", MIDNIGHT + 4 * 60_000, JsonNodeFactory.instance.objectNode())), List.of(), null, false);
        assertThat(m.activeVisitors(MIDNIGHT + 4 * 60_000)).isEqualTo(2);
        assertThat(m.activeVisitors(MIDNIGHT + 5 * 60_000 + 1)).isEqualTo(1);
        assertThat(m.activeVisitors(MIDNIGHT + 10 * 60_000)).isZero();
    }

    @Test
    void theCheckpointFormReadsBackTheSameCounters() {
        m.apply("v_1", List.of(action("_action_shown", MIDNIGHT, "b", false)),
                List.of(action("_exposure", MIDNIGHT, "b", false)), null, false);
        ObjectNode goal = JsonNodeFactory.instance.objectNode().put("campaign", "c").put("variant", "b")
                .put("control", false).put("exposed_at", MIDNIGHT).put("value", 1234.5);
        m.apply("v_1", List.of(new Event("e", "buy", MIDNIGHT + 86_400_000L, goal)),
                List.of(new Event("e", "_goal", MIDNIGHT + 86_400_000L, goal)), null, false);
        SiteMeasures copy = new SiteMeasures(TOKYO);
        copy.decode(m.encode());
        int day = m.dayOf(MIDNIGHT);
        assertThat(copy.totals("c", "b", day, day + 1)).isEqualTo(m.totals("c", "b", day, day + 1));
        assertThat(copy.totals("c", "b", day, day)).isEqualTo(new SiteMeasures.ArmTotals(0, 1, 0, 0, 1, 1, 0, 1234.5));
        assertThat(copy.goalsOn(day + 1)).isEqualTo(1);
        assertThat(copy.eventsInMinute(MIDNIGHT / 60_000)).isEqualTo(1);
        assertThat(copy.encode()).isEqualTo(m.encode());
    }
}
