package dev.omotenashi.engine.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The most frequent values of a property (the {@code values} aggregate), at most {@link #CAPACITY}.
 * When full, a new value replaces the least frequent one and inherits its count (the Space-Saving
 * algorithm of Metwally et al., 2005): values that are truly frequent are never lost, counts of the
 * tail may be over-estimated. Not thread-safe.
 */
public final class TopValues {
    public static final int CAPACITY = 30;

    private Object[] values = new Object[4];
    private int[] counts = new int[4];
    private int size;

    public void add(Object value, int times) {
        for (int i = 0; i < size; i++) {
            if (values[i].equals(value)) {
                counts[i] += times;
                return;
            }
        }
        if (size < CAPACITY) {
            if (size == values.length) {
                int n = Math.min(CAPACITY, size * 2);
                values = Arrays.copyOf(values, n);
                counts = Arrays.copyOf(counts, n);
            }
            values[size] = value;
            counts[size] = times;
            size++;
            return;
        }
        int min = 0;
        for (int i = 1; i < size; i++) if (counts[i] < counts[min]) min = i;
        values[min] = value;
        counts[min] += times;
    }

    public void addAll(TopValues other) {
        for (int i = 0; i < other.size; i++) add(other.values[i], other.counts[i]);
    }

    public int size() {
        return size;
    }

    public Object value(int i) {
        return values[i];
    }

    public int count(int i) {
        return counts[i];
    }

    /** The values, most frequent first. */
    public List<Object> list() {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Integer.compare(counts[b], counts[a]));
        List<Object> out = new ArrayList<>(size);
        for (Integer i : order) out.add(values[i]);
        return out;
    }

    public TopValues copy() {
        TopValues t = new TopValues();
        t.values = values.clone();
        t.counts = counts.clone();
        t.size = size;
        return t;
    }
}
