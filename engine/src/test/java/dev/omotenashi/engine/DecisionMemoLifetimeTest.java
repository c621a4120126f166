package dev.omotenashi.engine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.omotenashi.engine.config.Json;
import dev.omotenashi.engine.config.SiteSettings;
import dev.omotenashi.engine.event.Event;
import dev.omotenashi.engine.session.DeviceClassifier;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** A person's decision memo lives while the visit goes on: a finished visit's memo is dropped (by the checkpoint's walk). */
class DecisionMemoLifetimeTest {
    private static void snapshotAll(SiteEngine engine) {
        try (ProfileSnapshot s = engine.snapshot((p, bytes) -> {})) {
            while (!s.advance(100)) {
                // to the end
            }
        }
    }

    @Test
    void theMemoOfAVisitIdleLongerThanTheSessionTimeoutIsDropped() {
        EngineInvariantsTest.StepClock clock = new EngineInvariantsTest.StepClock();
        SiteEngine engine = new SiteEngine(SiteSettings.of(ZoneId.of("Asia/Tokyo")), clock, DeviceClassifier.shared(),
                new SplittableRandom(1));
        engine.putCampaign(Json.parse("""
                {'id': 'welcome', 'name': 'welcome', 'status': 'live',
                 'audience': {'attr': 'visitor.visits', 'op': 'eq', 'value': 1},
                 'creative': {'template': 'popup', 'content': {'title': 'ようこそ'}}}"""));
        engine.track(new TrackRequest("v_1", null, null, new Page("https://shop.example/", "top", null),
                new ClientContext(null, null, null, null),
                List.of(new Event("e_1", "view", clock.now, JsonNodeFactory.instance.objectNode())), true));
        assertThat(engine.profile("v_1").keepsDecisionMemo()).isTrue();

        clock.now += 29 * 60_000L;
        snapshotAll(engine);
        assertThat(engine.profile("v_1").keepsDecisionMemo()).as("the visit may go on").isTrue();

        clock.now += 2 * 60_000L;
        snapshotAll(engine);
        assertThat(engine.profile("v_1").keepsDecisionMemo()).as("31 minutes idle: the visit is over").isFalse();
    }
}
