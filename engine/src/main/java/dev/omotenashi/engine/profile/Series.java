package dev.omotenashi.engine.profile;

import java.util.Arrays;

/**
 * The aggregates of one property of one event (or, with a null property, of the event's times) that the
 * configuration reads: all time, per session, and per day when a rolling scope is read. Which parts are
 * kept is decided by the {@link AggregatePlan}. Not thread-safe.
 */
public final class Series {
    final String event;
    final String property;     // null: the event itself (first_at / latest_at in a scope)
    final boolean keepValues;
    Bucket all;
    SessionSlots<Bucket> sessions; // null unless a session scope is read
    int[] days;                    // null unless a rolling scope is read; ascending
    Bucket[] dayBuckets;

    Series(String event, String property, boolean keepValues, boolean keepSessions, boolean keepDays) {
        this.event = event;
        this.property = property;
        this.keepValues = keepValues;
        this.all = new Bucket(keepValues);
        if (keepSessions) sessions = new SessionSlots<>();
        if (keepDays) {
            days = new int[0];
            dayBuckets = new Bucket[0];
        }
    }

    public String event() {
        return event;
    }

    public String property() {
        return property;
    }

    void add(Object value, long at, int day, int sessionSerial) {
        all.add(value, at);
        if (sessions != null && sessionSerial >= 0) {
            Bucket b = sessions.slot(sessionSerial, () -> new Bucket(keepValues));
            if (b != null) b.add(value, at);
        }
        if (days != null) {
            Bucket b = dayBucket(day);
            if (b != null) b.add(value, at);
        }
    }

    private Bucket dayBucket(int day) {
        int n = days.length;
        if (n > 0 && days[n - 1] == day) return dayBuckets[n - 1];
        int i = n;
        while (i > 0 && days[i - 1] > day) i--;
        if (i > 0 && days[i - 1] == day) return dayBuckets[i - 1];
        int newest = n > 0 ? Math.max(days[n - 1], day) : day;
        if (day <= newest - EventCounter.WINDOW_DAYS) return null;
        int[] d = new int[n + 1];
        Bucket[] b = new Bucket[n + 1];
        System.arraycopy(days, 0, d, 0, i);
        System.arraycopy(dayBuckets, 0, b, 0, i);
        d[i] = day;
        b[i] = new Bucket(keepValues);
        System.arraycopy(days, i, d, i + 1, n - i);
        System.arraycopy(dayBuckets, i, b, i + 1, n - i);
        int from = 0;
        while (from < d.length && d[from] <= newest - EventCounter.WINDOW_DAYS) from++;
        days = from == 0 ? d : Arrays.copyOfRange(d, from, d.length);
        dayBuckets = from == 0 ? b : Arrays.copyOfRange(b, from, b.length);
        return b[i];
    }

    /** The aggregate over a scope; {@code serial} is the session the scope refers to (current or previous). */
    Object get(Scope scope, Agg agg, int serial, int today) {
        switch (scope) {
            case ALL:
                return all.count == 0 ? Bucket.empty(agg) : all.get(agg);
            case SESSION:
            case PREVIOUS_SESSION: {
                Bucket b = sessions == null ? null : sessions.get(serial);
                return b == null || b.count == 0 ? Bucket.empty(agg) : b.get(agg);
            }
            default: {
                if (days == null) return Bucket.empty(agg);
                Bucket sum = null;
                int span = scope.days();
                for (int i = days.length - 1; i >= 0; i--) {
                    int d = days[i];
                    if (d > today) continue;
                    if (d <= today - span) break;
                    if (sum == null) sum = new Bucket(keepValues);
                    sum.merge(dayBuckets[i]);
                }
                return sum == null || sum.count == 0 ? Bucket.empty(agg) : sum.get(agg);
            }
        }
    }

    void merge(Series o, int serialOffset) {
        all.merge(o.all);
        if (sessions != null && o.sessions != null) {
            if (o.sessions.serialB >= 0) mergeSession(o.sessions.serialB + serialOffset, o.sessions.b);
            if (o.sessions.serialA >= 0) mergeSession(o.sessions.serialA + serialOffset, o.sessions.a);
        }
        if (days != null && o.days != null) {
            for (int i = 0; i < o.days.length; i++) {
                Bucket b = dayBucket(o.days[i]);
                if (b != null) b.merge(o.dayBuckets[i]);
            }
        }
    }

    private void mergeSession(int serial, Bucket from) {
        Bucket b = sessions.slot(serial, () -> new Bucket(keepValues));
        if (b != null) b.merge(from);
    }
}
