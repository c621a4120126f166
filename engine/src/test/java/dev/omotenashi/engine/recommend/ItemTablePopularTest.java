package dev.omotenashi.engine.recommend;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omotenashi.engine.testing.Cases;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ranking of the last 24 hours' most viewed items, which keeps running totals per item, against a
 * model that adds the hour slots in the window every time: views in order, late, far in the past, after
 * quiet days, and rankings asked for at times behind and ahead of the latest view.
 */
class ItemTablePopularTest {
    private static final long HOUR = 3_600_000L;
    private static final long T0 = 1_764_547_200_000L;

    /** The table's rules, adding the slots in the window on every ranking. */
    private static final class Model {
        final long[] slotHour = new long[24];
        final List<String> ids = new ArrayList<>();
        final Map<String, long[]> hourly = new HashMap<>();

        Model() {
            java.util.Arrays.fill(slotHour, Long.MIN_VALUE);
        }

        void view(String id, long at) {
            if (!hourly.containsKey(id)) {
                ids.add(id);
                hourly.put(id, new long[24]);
            }
            long hour = Math.floorDiv(at, HOUR);
            int slot = (int) Math.floorMod(hour, 24);
            if (slotHour[slot] != hour) {
                if (hour < slotHour[slot]) return;
                slotHour[slot] = hour;
                for (long[] h : hourly.values()) h[slot] = 0;
            }
            hourly.get(id)[slot]++;
        }

        List<String> popular(long now, int limit) {
            long hour = Math.floorDiv(now, HOUR);
            List<String> ranked = new ArrayList<>();
            List<Long> views = new ArrayList<>();
            for (String id : ids) {
                long v = 0;
                for (int s = 0; s < 24; s++) if (slotHour[s] > hour - 24 && slotHour[s] <= hour) v += hourly.get(id)[s];
                if (v == 0) continue;
                int pos = ranked.size();
                while (pos > 0 && views.get(pos - 1) < v) pos--;
                ranked.add(pos, id);
                views.add(pos, v);
            }
            return ranked.subList(0, Math.min(limit, ranked.size()));
        }
    }

    private static ObjectNode item(String id) {
        return JsonNodeFactory.instance.objectNode().put("item_id", id).put("name", "商品 " + id).put("url", "/items/" + id);
    }

    @Test
    void rankingsEqualTheSumsOfTheSlotsInTheWindow() {
        Cases.forEach(40, r -> {
            ItemTable table = new ItemTable();
            Model model = new Model();
            long t = T0;
            for (int step = 0; step < 600; step++) {
                t += switch (r.nextInt(20)) {
                    case 0 -> 30 * HOUR + r.nextLong(50 * HOUR);        // a quiet day or two
                    case 1 -> -r.nextLong(30 * HOUR);                   // a late view, perhaps older than the window
                    default -> r.nextLong(20 * 60_000L);
                };
                String id = Integer.toString(1 + (int) Math.min(29, Math.abs(r.nextGaussian()) * 8));
                table.recordView(item(id), t);
                model.view(id, t);
                if (r.nextInt(5) == 0) {
                    long now = t + (r.nextBoolean() ? r.nextLong(30 * HOUR) : -r.nextLong(3 * HOUR));
                    int limit = 1 + r.nextInt(8);
                    List<String> got = table.popular(now, limit).stream().map(Item::itemId).toList();
                    assertThat(got).as("step %d, now %+d h", step, (now - t) / HOUR).isEqualTo(model.popular(now, limit));
                }
            }
        });
    }
}
