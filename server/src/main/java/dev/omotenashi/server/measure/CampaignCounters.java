package dev.omotenashi.server.measure;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Counters per campaign, arm and day (day numbers since 1970-01-01 in the site's timezone).
 *
 * <p>Which day a count goes to: deliveries, shows, clicks, closes and goal events on the day they happened;
 * exposed visitors on the day of their first exposure; goal visitors and goal value on the day of the
 * visitor's first exposure (the exposure's cohort), so that a report over any range of days compares the
 * visitors first exposed in it with how many of those same visitors converted, and rates never exceed 1.
 *
 * <p>Not thread-safe: {@link SiteMeasures} serialises access.
 */
final class CampaignCounters {
    /** The counted quantities, in row order. */
    enum Counter { DELIVERIES, SHOWS, CLICKS, CLOSES, EXPOSED, GOAL_VISITORS, GOALS_ON_DAY }

    static final int COUNTERS = Counter.values().length;
    /** The arm key of the control group (not a valid variant id, so it cannot collide with one). */
    static final String CONTROL = "~control";

    /** One arm's counts on one day. */
    static final class Row {
        final long[] n = new long[COUNTERS];
        double value;

        void addTo(Row total) {
            for (int i = 0; i < COUNTERS; i++) total.n[i] += n[i];
            total.value += value;
        }

        long get(Counter c) {
            return n[c.ordinal()];
        }
    }

    private final Map<String, Map<String, TreeMap<Integer, Row>>> byCampaign = new HashMap<>();

    void add(String campaign, String arm, int day, Counter counter, long times) {
        row(campaign, arm, day).n[counter.ordinal()] += times;
    }

    void addValue(String campaign, String arm, int day, double value) {
        row(campaign, arm, day).value += value;
    }

    private Row row(String campaign, String arm, int day) {
        return byCampaign.computeIfAbsent(campaign, c -> new HashMap<>())
                .computeIfAbsent(arm, a -> new TreeMap<>())
                .computeIfAbsent(day, d -> new Row());
    }

    /** The arms counted for a campaign (control as {@link #CONTROL}), empty when none. */
    Map<String, TreeMap<Integer, Row>> arms(String campaign) {
        return byCampaign.getOrDefault(campaign, Map.of());
    }

    /** The sum of an arm's rows over days {@code from}..{@code to}, inclusive. */
    Row total(String campaign, String arm, int from, int to) {
        Row total = new Row();
        TreeMap<Integer, Row> days = arms(campaign).get(arm);
        if (days == null) return total;
        for (Row r : days.subMap(from, true, to, true).values()) r.addTo(total);
        return total;
    }

    /** The first day with any count for the campaign, or null. */
    Integer firstDay(String campaign) {
        Integer first = null;
        for (TreeMap<Integer, Row> days : arms(campaign).values()) {
            if (!days.isEmpty() && (first == null || days.firstKey() < first)) first = days.firstKey();
        }
        return first;
    }

    /** Goal events on a day over every campaign and arm (the overview's "goals today"). */
    long goalsOn(int day) {
        long n = 0;
        for (Map<String, TreeMap<Integer, Row>> arms : byCampaign.values()) {
            for (TreeMap<Integer, Row> days : arms.values()) {
                Row r = days.get(day);
                if (r != null) n += r.get(Counter.GOALS_ON_DAY);
            }
        }
        return n;
    }

    List<String> campaigns() {
        return List.copyOf(byCampaign.keySet());
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(byCampaign.size());
        for (Map.Entry<String, Map<String, TreeMap<Integer, Row>>> c : byCampaign.entrySet()) {
            out.writeUTF(c.getKey());
            out.writeInt(c.getValue().size());
            for (Map.Entry<String, TreeMap<Integer, Row>> a : c.getValue().entrySet()) {
                out.writeUTF(a.getKey());
                out.writeInt(a.getValue().size());
                for (Map.Entry<Integer, Row> d : a.getValue().entrySet()) {
                    out.writeInt(d.getKey());
                    for (long v : d.getValue().n) out.writeLong(v);
                    out.writeDouble(d.getValue().value);
                }
            }
        }
    }

    void read(DataInputStream in) throws IOException {
        byCampaign.clear();
        int campaigns = in.readInt();
        for (int c = 0; c < campaigns; c++) {
            String campaign = in.readUTF();
            int arms = in.readInt();
            for (int a = 0; a < arms; a++) {
                String arm = in.readUTF();
                int days = in.readInt();
                for (int d = 0; d < days; d++) {
                    Row r = row(campaign, arm, in.readInt());
                    for (int i = 0; i < COUNTERS; i++) r.n[i] = in.readLong();
                    r.value = in.readDouble();
                }
            }
        }
    }

    /** Days with rows, ascending, for one arm (the daily series). */
    NavigableMap<Integer, Row> days(String campaign, String arm) {
        TreeMap<Integer, Row> days = arms(campaign).get(arm);
        return days == null ? new TreeMap<>() : days;
    }
}
