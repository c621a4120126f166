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
    /*
     * First and latest time in whole seconds since 2020-01-01 (an int each, good until 2088): the event's
     * first_at / latest_at are read by conditions over minutes and days, and two ints instead of two longs
     * are 8 bytes of every counter of every profile. See firstAt() / latestAt() for milliseconds.
     */
    int firstSecond = Integer.MAX_VALUE;
    int latestSecond = Integer.MIN_VALUE;
    int serialA = -1, countA;   // session slots, see SessionSlots for the rule
    int serialB = -1, countB;
    /** one packed int per day with events inside the 28-day window, days ascending (see addDay) */
    int[] days = EMPTY;

    private static final int[] EMPTY = new int[0];

    EventCounter(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    private static final long EPOCH_SECOND = 1_577_836_800L; // 2020-01-01T00:00:00Z

    /** An instant (epoch ms) as this counter keeps it: whole seconds since 2020, saturated to the int range. */
    static int second(long epochMilli) {
        long s = Math.floorDiv(epochMilli, 1000L) - EPOCH_SECOND;
        return (int) Math.max(Integer.MIN_VALUE + 1, Math.min(Integer.MAX_VALUE - 1, s));
    }

    /** When the event first happened (epoch ms, whole seconds); {@link Long#MAX_VALUE} when never. */
    public long firstAt() {
        return firstSecond == Integer.MAX_VALUE ? Long.MAX_VALUE : (firstSecond + EPOCH_SECOND) * 1000L;
    }

    /** When the event last happened (epoch ms, whole seconds); {@link Long#MIN_VALUE} when never. */
    public long latestAt() {
        return latestSecond == Integer.MIN_VALUE ? Long.MIN_VALUE : (latestSecond + EPOCH_SECOND) * 1000L;
    }

    /** Sets both times from epoch ms (the codec's format), keeping "never" as it is. */
    void times(long firstAt, long latestAt) {
        firstSecond = firstAt == Long.MAX_VALUE ? Integer.MAX_VALUE : second(firstAt);
        latestSecond = latestAt == Long.MIN_VALUE ? Integer.MIN_VALUE : second(latestAt);
    }

    void add(long at, int day, int sessionSerial, int times) {
        count += times;
        int second = second(at);
        if (second < firstSecond) firstSecond = second;
        if (second > latestSecond) latestSecond = second;
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

    /*
     * Days are packed one int each: the day number since 2020-01-01 in the high 16 bits (good until 2109)
     * and the count in the low 16 bits, saturating at 65,535 a day (a person sending more of one event in
     * one day is a robot; the all-time count stays exact). Half the memory of (day, count) pairs, and
     * days are the largest part of a typical profile.
     */
    static final int DAY_BASE = 18_262; // 2020-01-01
    private static final int MAX_DAY_COUNT = 0xFFFF;

    static int packedDay(int entry) {
        return (entry >>> 16) + DAY_BASE;
    }

    static int packedCount(int entry) {
        return entry & MAX_DAY_COUNT;
    }

    void addDay(int day, int times) {
        int rel = day - DAY_BASE;
        if (rel < 0 || rel > 0x7FFF) return; // before 2020: outside every window of a live site
        int n = days.length;
        int i = n;
        while (i > 0 && packedDay(days[i - 1]) > day) i--;
        if (i > 0 && packedDay(days[i - 1]) == day) {
            int c = (int) Math.min((long) packedCount(days[i - 1]) + times, MAX_DAY_COUNT);
            days[i - 1] = (rel << 16) | c;
            return;
        }
        int newest = n > 0 ? Math.max(packedDay(days[n - 1]), day) : day;
        if (day <= newest - WINDOW_DAYS) return; // already outside every window
        int[] grown = new int[n + 1];
        System.arraycopy(days, 0, grown, 0, i);
        grown[i] = (rel << 16) | Math.min(times, MAX_DAY_COUNT);
        System.arraycopy(days, i, grown, i + 1, n - i);
        int from = 0;
        while (from < grown.length && packedDay(grown[from]) <= newest - WINDOW_DAYS) from++;
        days = from == 0 ? grown : Arrays.copyOfRange(grown, from, grown.length);
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
        for (int i = days.length - 1; i >= 0; i--) {
            int d = packedDay(days[i]);
            if (d > today) continue;
            if (d <= today - span) break;
            sum += packedCount(days[i]);
        }
        return sum;
    }

    void merge(EventCounter o, int serialOffset) {
        count += o.count;
        firstSecond = Math.min(firstSecond, o.firstSecond);
        latestSecond = Math.max(latestSecond, o.latestSecond);
        if (o.serialB >= 0) addSession(o.serialB + serialOffset, o.countB);
        if (o.serialA >= 0) addSession(o.serialA + serialOffset, o.countA);
        for (int entry : o.days) addDay(packedDay(entry), packedCount(entry));
    }
}
