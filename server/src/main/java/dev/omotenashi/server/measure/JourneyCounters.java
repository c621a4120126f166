package dev.omotenashi.server.measure;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The journey phases (scenarios.md S23) counted per first-visit cohort: for each day on which visitors were
 * first seen, how many there were by traffic source of that first session (attract), and on which days
 * those visitors reached engage (first shown any action), convert (first purchase after that)
 * and retain (second purchase, the first having converted). A cohort day and a milestone day per count,
 * so that a funnel over days {@code from}..{@code to} takes the visitors first seen in the range and counts
 * the milestones they reached by the end of {@code to}: every phase is a subset of the one before.
 *
 * <p>Memory: one small row per (cohort day, milestone day) pair that has counts, not per visitor.
 * Not thread-safe: {@link SiteMeasures} serialises access.
 */
final class JourneyCounters {
    /** Traffic sources of a first session, in column order ({@code session.source} values). */
    static final List<String> SOURCES = List.of("ad", "search", "social", "email", "referral", "direct");
    static final int ENGAGE = 0, CONVERT = 1, RETAIN = 2;

    private static final class Cohort {
        final long[] bySource = new long[SOURCES.size()];
        final TreeMap<Integer, long[]> milestones = new TreeMap<>();
    }

    private final TreeMap<Integer, Cohort> cohorts = new TreeMap<>();

    void firstVisit(int day, String source) {
        int i = SOURCES.indexOf(source);
        cohort(day).bySource[i < 0 ? SOURCES.size() - 1 : i]++;
    }

    void milestone(int cohortDay, int day, int phase) {
        cohort(cohortDay).milestones.computeIfAbsent(day, d -> new long[3])[phase]++;
    }

    private Cohort cohort(int day) {
        return cohorts.computeIfAbsent(day, d -> new Cohort());
    }

    /** The phases of the cohorts first seen in {@code from}..{@code to}, milestones reached by {@code to}. */
    Phases phases(int from, int to) {
        long[] bySource = new long[SOURCES.size()];
        long[] reached = new long[3];
        for (Cohort c : cohorts.subMap(from, true, to, true).values()) {
            for (int i = 0; i < bySource.length; i++) bySource[i] += c.bySource[i];
            for (long[] m : c.milestones.headMap(to, true).values()) {
                for (int p = 0; p < 3; p++) reached[p] += m[p];
            }
        }
        return new Phases(bySource, reached[ENGAGE], reached[CONVERT], reached[RETAIN]);
    }

    /** What {@link #phases} found: first visits by source, then the later phases. */
    record Phases(long[] bySource, long engage, long convert, long retain) {
        long attract() {
            long n = 0;
            for (long v : bySource) n += v;
            return n;
        }
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(cohorts.size());
        for (Map.Entry<Integer, Cohort> e : cohorts.entrySet()) {
            out.writeInt(e.getKey());
            for (long v : e.getValue().bySource) out.writeLong(v);
            out.writeInt(e.getValue().milestones.size());
            for (Map.Entry<Integer, long[]> m : e.getValue().milestones.entrySet()) {
                out.writeInt(m.getKey());
                for (long v : m.getValue()) out.writeLong(v);
            }
        }
    }

    void read(DataInputStream in) throws IOException {
        cohorts.clear();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            Cohort c = cohort(in.readInt());
            for (int s = 0; s < c.bySource.length; s++) c.bySource[s] = in.readLong();
            int m = in.readInt();
            for (int j = 0; j < m; j++) {
                long[] counts = new long[3];
                int day = in.readInt();
                for (int p = 0; p < 3; p++) counts[p] = in.readLong();
                c.milestones.put(day, counts);
            }
        }
    }
}
