package dev.omotenashi.engine.profile;

import java.util.Arrays;

/**
 * How often one event happened for a person: all time, per session (the two latest sessions) and per day
 * (the last 28 days), with its first and latest time. Kept for every event name a person sent; small on
 * purpose (primitive arrays, no per-day objects). Not thread-safe.
 */
public final class EventCounter {
    static final int WINDOW_DAYS = 28;

    final String name;
    int count;
    long firstAt = Long.MAX_VALUE;
    long latestAt = Long.MIN_VALUE;
    int serialA = -1, countA;   // session slots, see SessionSlots for the rule
    int serialB = -1, countB;
    /** pairs (day, count), days ascending, only days with events inside the 28-day window */
    int[] days = EMPTY;

    private static final int[] EMPTY = new int[0];

    EventCounter(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    void add(long at, int day, int sessionSerial, int times) {
        count += times;
        if (at < firstAt) firstAt = at;
        if (at > latestAt) latestAt = at;
        addSession(sessionSerial, times);
        addDay(day, times);
    }

    void addSession(int serial, int times) {
        if (serial < 0) return;
        if (serialA == serial) {
            countA += times;
        } else if (serialB == serial) {
            countB += times;
        } else if (serial > serialA) {
            serialB = serialA;
            countB = countA;
            serialA = serial;
            countA = times;
        } else if (serial > serialB) {
            serialB = serial;
            countB = times;
        }
    }

    void addDay(int day, int times) {
        int n = days.length;
        if (n > 0 && days[n - 2] == day) {
            days[n - 1] += times;
            return;
        }
        // find the position (days ascending); most events land on the newest day
        int i = n;
        while (i > 0 && days[i - 2] > day) i -= 2;
        if (i > 0 && days[i - 2] == day) {
            days[i - 1] += times;
            return;
        }
        int newest = n > 0 ? Math.max(days[n - 2], day) : day;
        if (day <= newest - WINDOW_DAYS) return; // already outside every window
        int[] grown = new int[n + 2];
        System.arraycopy(days, 0, grown, 0, i);
        grown[i] = day;
        grown[i + 1] = times;
        System.arraycopy(days, i, grown, i + 2, n - i);
        days = prune(grown, newest);
    }

    private static int[] prune(int[] d, int newest) {
        int from = 0;
        while (from < d.length && d[from] <= newest - WINDOW_DAYS) from += 2;
        return from == 0 ? d : Arrays.copyOfRange(d, from, d.length);
    }

    /** Events in the session of that serial. */
    int sessionCount(int serial) {
        if (serial < 0) return 0;
        if (serialA == serial) return countA;
        if (serialB == serial) return countB;
        return 0;
    }

    /** Events on days {@code today - (span - 1)} … {@code today}. */
    int dayCount(int today, int span) {
        int sum = 0;
        for (int i = days.length - 2; i >= 0; i -= 2) {
            int d = days[i];
            if (d > today) continue;
            if (d <= today - span) break;
            sum += days[i + 1];
        }
        return sum;
    }

    void merge(EventCounter o, int serialOffset) {
        count += o.count;
        firstAt = Math.min(firstAt, o.firstAt);
        latestAt = Math.max(latestAt, o.latestAt);
        if (o.serialB >= 0) addSession(o.serialB + serialOffset, o.countB);
        if (o.serialA >= 0) addSession(o.serialA + serialOffset, o.countA);
        for (int i = 0; i < o.days.length; i += 2) addDay(o.days[i], o.days[i + 1]);
    }
}
