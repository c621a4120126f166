package dev.omotenashi.engine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omotenashi.engine.config.Json;
import dev.omotenashi.engine.config.SiteSettings;
import dev.omotenashi.engine.event.Event;
import dev.omotenashi.engine.profile.Profile;
import dev.omotenashi.engine.session.DeviceClassifier;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A snapshot taken a slice at a time while requests go on holds every profile exactly as it was when the
 * snapshot began: byte for byte what encoding them all at that moment gives.
 */
class ProfileSnapshotTest {
    private final EngineInvariantsTest.StepClock clock = new EngineInvariantsTest.StepClock();
    private final SiteEngine engine = newEngine(1);
    private int eventIds;

    private SiteEngine newEngine(long seed) {
        SiteEngine e = new SiteEngine(SiteSettings.of(ZoneId.of("Asia/Tokyo")), clock, DeviceClassifier.shared(),
                new SplittableRandom(seed));
        e.putCampaign(Json.parse("""
                {'id': 'welcome', 'name': 'welcome', 'status': 'live', 'frequency': {'per': 'pageview'},
                 'creative': {'template': 'popup', 'content': {'title': 'ようこそ'}}}"""));
        return e;
    }

    @Test
    void aSnapshotTakenWhileRequestsChangeProfilesIsTheStateWhenItBegan() {
        for (long seed = 1; seed <= 20; seed++) {
            SiteEngine e = newEngine(seed);
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < 60; i++) track(e, "v_" + i, i % 4 == 0 ? "u_" + i : null);
            Map<String, byte[]> expected = encodeAll(e);

            Map<String, byte[]> got = new HashMap<>();
            int newVisitors = 0;
            try (ProfileSnapshot s = e.snapshot((p, bytes) -> assertThat(got.put(key(p), bytes)).as("each profile once").isNull())) {
                boolean done = false;
                while (!done) {
                    for (int k = random.nextInt(4); k > 0; k--) { // requests between two slices
                        int v = random.nextInt(70); // 60..69: visitors the snapshot has never seen
                        switch (random.nextInt(5)) {
                            case 0 -> track(e, "v_" + v, "u_" + random.nextInt(70)); // identify: merges and moves browsers
                            case 1 -> e.forget("u_" + random.nextInt(70));
                            case 2 -> e.beforeChange("v_" + v);
                            default -> track(e, "v_" + v, null);
                        }
                        if (v >= 60) newVisitors++;
                    }
                    done = s.advance(1 + random.nextInt(8));
                }
                assertThat(s.size()).as("every profile of the start, once").isEqualTo(expected.size());
            }
            assertThat(got.keySet()).as("seed %d", seed).isEqualTo(expected.keySet());
            for (String k : expected.keySet()) assertThat(got.get(k)).as("seed %d, %s", seed, k).isEqualTo(expected.get(k));
            Map<String, byte[]> live = encodeAll(e);
            assertThat(expected.keySet().stream().filter(k -> !Arrays.equals(live.get(k), expected.get(k))))
                    .as("the requests did change the live profiles").isNotEmpty();
            assertThat(newVisitors).isPositive();
        }
    }

    @Test
    void theWalkMeetsEveryProfileOfTheStartWhileTheSiteGrowsManyTimesOver() {
        for (int i = 0; i < 100; i++) track(engine, "v_" + i, i % 5 == 0 ? "u_" + i : null);
        Map<String, byte[]> expected = encodeAll(engine);
        Map<String, byte[]> got = new HashMap<>();
        int added = 0;
        try (ProfileSnapshot s = engine.snapshot((p, bytes) -> assertThat(got.put(key(p), bytes)).as("each profile once").isNull())) {
            do { // the engine's maps are resized several times while the walk is under way
                for (int k = 0; k < 40; k++) track(engine, "new_" + added++, added % 3 == 0 ? "nu_" + added : null);
            } while (!s.advance(3));
        }
        assertThat(added).isGreaterThan(1_000);
        assertThat(got.keySet()).isEqualTo(expected.keySet());
        for (String k : expected.keySet()) assertThat(got.get(k)).as(k).isEqualTo(expected.get(k));
    }

    @Test
    void requestsAfterTheSnapshotClosedCopyNothingAndTheNextSnapshotCanBegin() {
        track(engine, "v_a", null);
        track(engine, "v_b", null);
        List<String> copied = new ArrayList<>();
        ProfileSnapshot s = engine.snapshot((p, bytes) -> copied.add(key(p)));
        assertThatThrownBy(() -> engine.snapshot((p, bytes) -> {})).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already");
        track(engine, "v_b", null);
        assertThat(copied).as("v_b copied before its request").containsExactly("v:v_b");
        s.close();
        track(engine, "v_a", null);
        assertThat(copied).as("closed: nothing more").containsExactly("v:v_b");
        assertThatThrownBy(() -> s.advance(10)).isInstanceOf(IllegalStateException.class);

        try (ProfileSnapshot next = engine.snapshot((p, bytes) -> copied.add(key(p)))) {
            assertThat(next.advance(1)).isFalse();
            assertThat(next.advance(1)).isTrue();
        }
        assertThat(copied).containsExactlyInAnyOrder("v:v_b", "v:v_a", "v:v_b");
    }

    @Test
    void aVisitorFirstSeenDuringTheSnapshotIsNotInIt() {
        track(engine, "v_old", null);
        List<String> copied = new ArrayList<>();
        try (ProfileSnapshot s = engine.snapshot((p, bytes) -> copied.add(key(p)))) {
            track(engine, "v_new", null);
            track(engine, "v_new", null);
            assertThat(s.advance(100)).isTrue();
        }
        assertThat(copied).containsExactly("v:v_old");
    }

    private Map<String, byte[]> encodeAll(SiteEngine e) {
        Map<String, byte[]> all = new HashMap<>();
        for (Profile p : e.profiles()) all.put(key(p), e.codec().encode(p));
        return all;
    }

    private static String key(Profile p) {
        return p.userId() != null ? "u:" + p.userId()
                : p.visitorIds().isEmpty() ? "p:" + System.identityHashCode(p) : "v:" + p.visitorIds().getFirst();
    }

    private void track(SiteEngine e, String visitor, String user) {
        clock.now += 7_000;
        ObjectNode props = JsonNodeFactory.instance.objectNode().put("item_id", "i_" + (eventIds % 5));
        e.track(new TrackRequest(visitor, user, null, new Page("https://shop.example/items/" + (eventIds % 5), "item", null),
                new ClientContext(null, null, null, null),
                List.of(new Event("e_" + (eventIds++), "view", clock.now, props)), true));
    }
}
