package dev.omotenashi.engine.profile;

/**
 * The aggregates of one property over one span (all time, one session, one day): count, sum, min, max,
 * first and latest values with their times, and optionally the most frequent values. Numeric aggregates
 * consider numeric values only; {@code first}/{@code latest} take any scalar. Not thread-safe.
 */
public final class Bucket {
    int count;          // events that carried the property (any scalar)
    int numericCount;   // of which numeric: the divisor of avg
    double sum;
    double min = Double.NaN;
    double max = Double.NaN;
    /*
     * first and latest: a number is kept in the primitive field and the object field holds NUMBER, so a
     * numeric value (the usual case: prices, totals) costs no boxed Double per bucket. Read them through
     * firstValue() / latestValue().
     */
    private static final Object NUMBER = new Object();
    Object first;
    double firstNumber;
    long firstAt = Long.MIN_VALUE;
    Object latest;
    double latestNumber;
    long latestAt = Long.MIN_VALUE;
    TopValues values;   // null unless the values aggregate is kept

    Bucket(boolean keepValues) {
        if (keepValues) values = new TopValues();
    }

    void add(Object value, long at) {
        count++;
        if (value instanceof Double d) {
            double v = d;
            numericCount++;
            sum += v;
            if (numericCount == 1 || v < min) min = v;
            if (numericCount == 1 || v > max) max = v;
        }
        if (first == null || at < firstAt) {
            setFirst(value);
            firstAt = at;
        }
        if (latest == null || at >= latestAt) {
            setLatest(value);
            latestAt = at;
        }
        if (values != null) values.add(value, 1);
    }

    /** Folds another bucket in (merging people, or summing days into a window). */
    void merge(Bucket o) {
        if (o == null || o.count == 0) return;
        count += o.count;
        if (o.numericCount > 0) {
            min = numericCount == 0 ? o.min : Math.min(min, o.min);
            max = numericCount == 0 ? o.max : Math.max(max, o.max);
            sum += o.sum;
            numericCount += o.numericCount;
        }
        if (o.first != null && (first == null || o.firstAt < firstAt)) {
            setFirst(o.firstValue());
            firstAt = o.firstAt;
        }
        if (o.latest != null && (latest == null || o.latestAt >= latestAt)) {
            setLatest(o.latestValue());
            latestAt = o.latestAt;
        }
        if (o.values != null) {
            if (values == null) values = new TopValues();
            values.addAll(o.values);
        }
    }

    Bucket copy() {
        Bucket b = new Bucket(false);
        b.merge(this);
        return b;
    }

    /** The value of an aggregate over this bucket, in the engine's value conventions; null when none. */
    Object get(Agg agg) {
        return switch (agg) {
            case COUNT -> (double) count;
            case SUM -> numericCount == 0 ? null : sum;
            case MIN -> numericCount == 0 ? null : min;
            case MAX -> numericCount == 0 ? null : max;
            case AVG -> numericCount == 0 ? null : sum / numericCount;
            case FIRST -> firstValue();
            case LATEST -> latestValue();
            case FIRST_AT -> first == null ? null : firstAt;
            case LATEST_AT -> latest == null ? null : latestAt;
            case VALUES -> values == null ? null : values.list();
        };
    }

    Object firstValue() {
        return first == NUMBER ? (Object) firstNumber : first;
    }

    Object latestValue() {
        return latest == NUMBER ? (Object) latestNumber : latest;
    }

    void setFirst(Object value) {
        if (value instanceof Double d) {
            first = NUMBER;
            firstNumber = d;
        } else {
            first = value;
        }
    }

    void setLatest(Object value) {
        if (value instanceof Double d) {
            latest = NUMBER;
            latestNumber = d;
        } else {
            latest = value;
        }
    }

    static Object empty(Agg agg) {
        return agg == Agg.COUNT ? 0.0 : null;
    }
}
