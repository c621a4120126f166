package dev.omotenashi.server.site;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RecentIdsTest {

    @Test
    void remembersTheLastArrivalsAndForgetsTheOldest() {
        RecentIds ids = new RecentIds(3);
        ids.add("e_1");
        ids.add("e_2");
        ids.add("e_3");
        assertThat(ids.contains("e_1")).isTrue();
        ids.add("e_4");
        assertThat(ids.contains("e_1")).isFalse();
        assertThat(ids.contains("e_2")).isTrue();
        assertThat(ids.contains("e_4")).isTrue();
        assertThat(ids.contains("e_5")).isFalse();
    }

    @Test
    void aRemovedIdIsTakenAgainAndItsLaterArrivalIsNotForgottenEarly() {
        RecentIds ids = new RecentIds(3);
        ids.add("a");
        ids.remove("a");
        assertThat(ids.contains("a")).isFalse();
        ids.add("b");
        ids.add("a"); // arrives again, after b
        ids.add("c"); // the ring wraps past a's first (emptied) position
        ids.add("d");
        assertThat(ids.contains("a")).as("a's second arrival is among the last three").isTrue();
        ids.add("e");
        assertThat(ids.contains("a")).isFalse();
    }

    /** Against a plain model of the window: the last `capacity` arrivals, minus those removed. */
    @Test
    void agreesWithAModelOverRandomOperations() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            int capacity = 1 + random.nextInt(40);
            int universe = 1 + random.nextInt(120);
            RecentIds ids = new RecentIds(capacity);
            List<String> arrivals = new ArrayList<>();
            List<Boolean> alive = new ArrayList<>();
            for (int op = 0; op < 2_000; op++) {
                String id = "e_" + random.nextInt(universe);
                boolean expected = modelContains(arrivals, alive, capacity, id);
                assertThat(ids.contains(id)).as("round %d op %d contains %s", round, op, id).isEqualTo(expected);
                switch (random.nextInt(4)) {
                    case 0 -> {
                        ids.remove(id);
                        int at = modelIndex(arrivals, alive, capacity, id);
                        if (at >= 0) alive.set(at, false);
                    }
                    default -> {
                        ids.add(id);
                        if (!expected) {
                            arrivals.add(id);
                            alive.add(true);
                        }
                    }
                }
            }
        }
    }

    private static int modelIndex(List<String> arrivals, List<Boolean> alive, int capacity, String id) {
        for (int i = Math.max(0, arrivals.size() - capacity); i < arrivals.size(); i++) {
            if (alive.get(i) && arrivals.get(i).equals(id)) return i;
        }
        return -1;
    }

    private static boolean modelContains(List<String> arrivals, List<Boolean> alive, int capacity, String id) {
        return modelIndex(arrivals, alive, capacity, id) >= 0;
    }

    @Test
    void hashesAreSpreadAndNeverZero() {
        RecentIds ids = new RecentIds(10);
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            long h = ids.hash("e_01JD" + i);
            assertThat(h).isNotZero();
            seen.add(h);
        }
        assertThat(seen).hasSize(200_000);
    }
}
