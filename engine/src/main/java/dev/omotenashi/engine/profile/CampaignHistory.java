package dev.omotenashi.engine.profile;

/**
 * What one person saw of one campaign: counts per metric (delivered, shown, clicked, closed, control, goal)
 * all time, in the two latest sessions and on the latest day, when each last happened, and the first
 * exposure (shown, or control when the control trigger fired) that goals are attributed to.
 * Not thread-safe.
 */
public final class CampaignHistory {
    private static final int METRICS = Metric.values().length;
    private static final int ALL = 0, SESSION_A = METRICS, SESSION_B = 2 * METRICS, DAY = 3 * METRICS;

    final String campaign;
    final int[] counts = new int[4 * METRICS];
    final long[] latestAt = new long[METRICS];
    int serialA = -1, serialB = -1, day = Integer.MIN_VALUE;
    /** first exposure: time, arm and session; exposedAt == Long.MIN_VALUE when never exposed */
    long exposedAt = Long.MIN_VALUE;
    String exposedVariant;
    boolean exposedControl;
    int exposedSerial = -1;
    /**
     * the page view of the latest delivery: the person's all-time view count then (-1: never delivered),
     * so a decision on a later event of the same page view does not deliver the campaign again
     */
    int deliveredView = -1;
    /** the arm assigned at first delivery, kept so a person stays in one arm */
    String assignedVariant;
    boolean assignedControl;

    CampaignHistory(String campaign) {
        this.campaign = campaign;
        java.util.Arrays.fill(latestAt, Long.MIN_VALUE);
    }

    public String campaign() {
        return campaign;
    }

    /**
     * Records a metric; returns whether a session slot that held a session was taken over for a newer one,
     * so that the counts of the session it held (another browser's, perhaps still going on) now read 0.
     */
    boolean record(Metric metric, long at, int serial, int today, int times) {
        int m = metric.ordinal();
        counts[ALL + m] += times;
        if (at > latestAt[m]) latestAt[m] = at;
        boolean moved = addSession(serial, m, times);
        addDay(today, m, times);
        return moved;
    }

    private boolean addSession(int serial, int m, int times) {
        if (serial < 0) return false;
        if (serial == serialA) {
            counts[SESSION_A + m] += times;
            return false;
        } else if (serial == serialB) {
            counts[SESSION_B + m] += times;
            return false;
        } else if (serial > serialA) {
            boolean dropped = serialB >= 0;
            System.arraycopy(counts, SESSION_A, counts, SESSION_B, METRICS);
            java.util.Arrays.fill(counts, SESSION_A, SESSION_A + METRICS, 0);
            serialB = serialA;
            serialA = serial;
            counts[SESSION_A + m] = times;
            return dropped;
        } else if (serial > serialB) {
            boolean dropped = serialB >= 0;
            java.util.Arrays.fill(counts, SESSION_B, SESSION_B + METRICS, 0);
            serialB = serial;
            counts[SESSION_B + m] = times;
            return dropped;
        }
        return false;
    }

    private void addDay(int today, int m, int times) {
        if (today == day) {
            counts[DAY + m] += times;
        } else if (today > day) {
            java.util.Arrays.fill(counts, DAY, DAY + METRICS, 0);
            day = today;
            counts[DAY + m] = times;
        }
    }

    /** Count of a metric: {@code ALL}, {@code SESSION} (of {@code serial}) or {@code TODAY} (day {@code today}). */
    public int count(Metric metric, Scope scope, int serial, int today) {
        int m = metric.ordinal();
        return switch (scope) {
            case ALL -> counts[ALL + m];
            case SESSION, PREVIOUS_SESSION -> serial < 0 ? 0
                    : serial == serialA ? counts[SESSION_A + m] : serial == serialB ? counts[SESSION_B + m] : 0;
            case TODAY -> today == day ? counts[DAY + m] : 0;
            default -> 0;
        };
    }

    public long latestAt(Metric metric) {
        return latestAt[metric.ordinal()];
    }

    public boolean exposed() {
        return exposedAt != Long.MIN_VALUE;
    }

    public long exposedAt() {
        return exposedAt;
    }

    public String exposedVariant() {
        return exposedVariant;
    }

    public boolean exposedControl() {
        return exposedControl;
    }

    public int exposedSerial() {
        return exposedSerial;
    }

    /** The variant this person was assigned at first delivery, or null (also null for control). */
    public String assignedVariant() {
        return assignedVariant;
    }

    public boolean assignedControl() {
        return assignedControl;
    }

    /** Whether the latest delivery was on the page view {@code view} (the person's all-time view count). */
    public boolean deliveredOnView(int view) {
        return deliveredView == view;
    }

    void merge(CampaignHistory o, int serialOffset) {
        for (int m = 0; m < METRICS; m++) {
            counts[ALL + m] += o.counts[ALL + m];
            latestAt[m] = Math.max(latestAt[m], o.latestAt[m]);
        }
        for (int m = 0; m < METRICS; m++) {
            if (o.serialB >= 0 && o.counts[SESSION_B + m] > 0) addSession(o.serialB + serialOffset, m, o.counts[SESSION_B + m]);
        }
        for (int m = 0; m < METRICS; m++) {
            if (o.serialA >= 0 && o.counts[SESSION_A + m] > 0) addSession(o.serialA + serialOffset, m, o.counts[SESSION_A + m]);
        }
        for (int m = 0; m < METRICS; m++) {
            if (o.counts[DAY + m] > 0) addDay(o.day, m, o.counts[DAY + m]);
        }
        if (o.exposed() && (!exposed() || o.exposedAt < exposedAt)) {
            exposedAt = o.exposedAt;
            exposedVariant = o.exposedVariant;
            exposedControl = o.exposedControl;
            exposedSerial = o.exposedSerial < 0 ? -1 : o.exposedSerial + serialOffset;
        }
        if (assignedVariant == null && !assignedControl) {
            assignedVariant = o.assignedVariant;
            assignedControl = o.assignedControl;
        }
    }
}
