package dev.omotenashi.engine.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the fields of one JSON object while validating it: every field the object may have is declared
 * up front, so that an unknown field (most often a typo such as {@code "prioirty"}) is reported at once
 * instead of being silently ignored. Problems go to the shared {@link Errors} with the field's path;
 * readers return null for a missing or invalid value so that parsing can go on and report everything.
 *
 * <p>JSON {@code null} is treated as absent everywhere: {@code "end": null} means "no end".
 * Not thread-safe; one instance per object being validated.
 */
public final class Fields {
    private final JsonNode node;
    private final String path;
    private final Errors errors;

    private Fields(JsonNode node, String path, Errors errors) {
        this.node = node;
        this.path = path;
        this.errors = errors;
    }

    /**
     * Starts reading an object, reporting every field not in {@code allowed}.
     *
     * @return null (with an {@code invalid_type} error) when {@code node} is not a JSON object
     */
    public static Fields of(JsonNode node, String path, Errors errors, List<String> allowed) {
        if (node == null || !node.isObject()) {
            errors.add(path, Codes.INVALID_TYPE, "expected an object, got " + Values.describe(node));
            return null;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                errors.add(Errors.field(path, name), Codes.UNKNOWN_FIELD, unknownMessage(name, allowed));
            }
        }
        return new Fields(node, path, errors);
    }

    public String path() {
        return path;
    }

    /** The path of a field of this object. */
    public String path(String name) {
        return Errors.field(path, name);
    }

    public Errors errors() {
        return errors;
    }

    /** Whether the field is present and not JSON null. */
    public boolean has(String name) {
        return get(name) != null;
    }

    /** The field's node, or null when absent or JSON null. */
    public JsonNode get(String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v;
    }

    /** The field's node; reports {@code required} and returns null when absent or JSON null. */
    public JsonNode required(String name) {
        JsonNode v = get(name);
        if (v == null) errors.add(path(name), Codes.REQUIRED, "'" + name + "' is required");
        return v;
    }

    /** A string field; null when absent (reported if {@code required}) or not a string (reported). */
    public String string(String name, boolean required) {
        JsonNode v = required ? required(name) : get(name);
        return v == null ? null : Values.string(v, path(name), errors);
    }

    /** An integral number field within {@code [min, max]}; null when absent or invalid. */
    public Integer integer(String name, boolean required, int min, int max) {
        JsonNode v = required ? required(name) : get(name);
        return v == null ? null : Values.integer(v, path(name), errors, min, max);
    }

    /** A boolean field; {@code absent} when missing, null when not a boolean (reported). */
    public Boolean bool(String name, boolean absent) {
        JsonNode v = get(name);
        if (v == null) return absent;
        if (!v.isBoolean()) {
            errors.add(path(name), Codes.INVALID_TYPE, "expected true or false, got " + Values.describe(v));
            return null;
        }
        return v.booleanValue();
    }

    /**
     * A string field naming one of a fixed set of choices.
     *
     * @param lookup   maps the JSON name to the choice, null when unknown
     * @param expected the valid names, for the error message
     * @return the choice, {@code absent} when the field is missing and not required, null when invalid
     */
    public <T> T choice(String name, boolean required, T absent, Function<String, T> lookup, String expected) {
        JsonNode v = required ? required(name) : get(name);
        if (v == null) return required ? null : absent;
        String s = Values.string(v, path(name), errors);
        if (s == null) return null;
        T t = lookup.apply(s);
        if (t == null) errors.add(path(name), Codes.INVALID_VALUE, "unknown " + name + " '" + s + "'; expected one of " + expected);
        return t;
    }

    private static String unknownMessage(String name, List<String> allowed) {
        // Hint only for near misses: two edits on names of four letters or more, one on shorter ones.
        int limit = name.length() >= 4 ? 2 : 1;
        String close = null;
        int best = Integer.MAX_VALUE;
        for (String a : allowed) {
            int d = distance(name, a);
            if (d <= limit && d < best) {
                close = a;
                best = d;
            }
        }
        return "unknown field '" + name + "'"
                + (close != null ? "; did you mean '" + close + "'?" : "; expected one of " + String.join(", ", allowed));
    }

    /** Levenshtein distance, for "did you mean" hints on short field names. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
