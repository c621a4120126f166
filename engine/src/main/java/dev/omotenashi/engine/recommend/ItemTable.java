package dev.omotenashi.engine.recommend;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omotenashi.engine.event.Props;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Objects;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The items of one site seen in {@code view} events ({@code item_id} with {@code name}, {@code price},
 * {@code url}, {@code image}), and how often each was viewed in each of the last 24 hours: the source of
 * "what sells now" recommendations. Profiles keep the table's instance of each item id, so a person's
 * recently-viewed list costs a reference per item.
 *
 * <p>Bounded: at most {@link #MAX_ITEMS} items (a shop's catalog; beyond it, new ids are not tracked, so a
 * client sending random ids cannot exhaust memory). Thread-safe: lookups are lock-free, updates of one
 * item's counts synchronise on the table.
 */
public final class ItemTable {
    public static final int MAX_ITEMS = 200_000;
    private static final int HOURS = 24;
    private static final long HOUR_MS = 3_600_000L;

    private final ConcurrentHashMap<String, Integer> index = new ConcurrentHashMap<>();
    private volatile Item[] items = new Item[64];
    private int[][] hourly = new int[64][];   // per item: views per hour slot (hour number mod 24)
    private long[] slotHour = new long[HOURS]; // the absolute hour each slot currently counts; UNUSED before any
    private static final long UNUSED = Long.MIN_VALUE;
    /** per item: the views in all its hour slots together, so that a ranking need not add 24 slots per item */
    private long[] totals = new long[64];
    private int size;

    public ItemTable() {
        Arrays.fill(slotHour, UNUSED);
    }

    /** What is known of an item, or null. */
    public Item item(String itemId) {
        Integer i = itemId == null ? null : index.get(itemId);
        return i == null ? null : items[i];
    }

    /** The table's own instance of an item id (profiles share it), or the argument when unknown. */
    public String shared(String itemId) {
        Item item = item(itemId);
        return item == null ? itemId : item.itemId();
    }

    /**
     * Records a view of the item a view event carries; returns the item id (the table's shared instance),
     * or null when the event carries no usable {@code item_id} or the table is full.
     */
    public synchronized String recordView(JsonNode properties, long at) {
        Object idValue = Props.value(Props.get(properties, "item_id"));
        if (idValue == null) return null;
        String id = idValue instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue()) : idValue.toString();
        if (id.isEmpty() || id.length() > 128) return null;
        Integer known = index.get(id);
        int i;
        if (known != null) {
            i = known;
        } else {
            if (size >= MAX_ITEMS) return null;
            i = size++;
            if (i == items.length) {
                items = Arrays.copyOf(items, i * 2);
                hourly = Arrays.copyOf(hourly, i * 2);
                totals = Arrays.copyOf(totals, i * 2);
            }
            hourly[i] = new int[HOURS];
            index.put(id, i);
        }
        Item old = items[i];
        if (old != null) id = old.itemId();
        String name = text(properties, "name", old == null ? null : old.name());
        Double price = number(properties, "price", old == null ? null : old.price());
        String url = text(properties, "url", old == null ? null : old.url());
        String image = text(properties, "image", old == null ? null : old.image());
        // most views repeat what the item table knows: keep the item rather than allocate an equal one
        if (old == null || !Objects.equals(name, old.name()) || !Objects.equals(price, old.price())
                || !Objects.equals(url, old.url()) || !Objects.equals(image, old.image())) {
            items[i] = new Item(id, name, price, url, image);
        }
        long hour = Math.floorDiv(at, HOUR_MS);
        int slot = (int) Math.floorMod(hour, HOURS);
        if (slotHour[slot] != hour) {
            if (hour < slotHour[slot]) return id; // older than the window: not "now"
            slotHour[slot] = hour;
            for (int k = 0; k < size; k++) {
                if (hourly[k] == null) continue;
                totals[k] -= hourly[k][slot];
                hourly[k][slot] = 0;
            }
        }
        hourly[i][slot]++;
        totals[i]++;
        return id;
    }

    /** The most viewed items of the 24 hours before {@code now}, most viewed first, at most {@code limit}. */
    public synchronized List<Item> popular(long now, int limit) {
        long hour = Math.floorDiv(now, HOUR_MS);
        // Usually every slot that counted something lies in the 24 hours before now, and the totals are the
        // answer; otherwise (a quiet day, a clock behind the latest view) the slots in the window are added.
        boolean[] inWindow = new boolean[HOURS];
        boolean all = true;
        for (int s = 0; s < HOURS; s++) {
            inWindow[s] = slotHour[s] > hour - HOURS && slotHour[s] <= hour;
            all &= inWindow[s] || slotHour[s] == UNUSED;
        }
        int[] best = new int[limit];
        long[] bestViews = new long[limit];
        int found = 0;
        for (int i = 0; i < size; i++) {
            long views;
            if (all) {
                views = totals[i];
            } else {
                views = 0;
                for (int s = 0; s < HOURS; s++) if (inWindow[s]) views += hourly[i][s];
            }
            if (views == 0) continue;
            int pos = found;
            while (pos > 0 && bestViews[pos - 1] < views) pos--;
            if (pos >= limit) continue;
            int move = Math.min(found, limit - 1) - pos;
            System.arraycopy(best, pos, best, pos + 1, move);
            System.arraycopy(bestViews, pos, bestViews, pos + 1, move);
            best[pos] = i;
            bestViews[pos] = views;
            if (found < limit) found++;
        }
        List<Item> out = new ArrayList<>(found);
        for (int k = 0; k < found; k++) out.add(items[best[k]]);
        return out;
    }

    public int size() {
        return size;
    }

    private static String text(JsonNode props, String name, String fallback) {
        Object v = Props.value(Props.get(props, name));
        return v instanceof String s && !s.isBlank() ? s : fallback;
    }

    private static Double number(JsonNode props, String name, Double fallback) {
        JsonNode node = Props.get(props, name);
        if (node != null && node.isNumber()) {
            double d = node.doubleValue();
            // most views repeat the price the table knows: keep its boxed value rather than make an equal one
            return fallback != null && Double.compare(fallback, d) == 0 ? fallback : Double.valueOf(d);
        }
        Object v = Props.value(node);
        if (v instanceof String s) {
            try {
                return Double.valueOf(s.trim());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }
}
