package dev.omotenashi.engine.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Converts and checks the value types of config-language.md §1 (durations, times) and the identifier
 * rules shared by every configuration object. Each checker reports to {@link Errors} under the given path
 * and returns null when the value is invalid, so callers can keep validating.
 */
public final class Values {
    private Values() {}

    /** Longest event name a predicate, trigger or goal may name (tracking-protocol.md limits names to 128). */
    public static final int MAX_EVENT_NAME = 128;
    /** Longest display name of a segment or campaign. */
    public static final int MAX_NAME = 200;
    /** Longest duration: about a century. Longer ones are mistakes, and would overflow milliseconds. */
    public static final Duration MAX_DURATION = Duration.ofDays(36_500);

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Pattern WEEKS = Pattern.compile("P(\\d{1,6})W", Pattern.CASE_INSENSITIVE);
    private static final Pattern YEARS_OR_MONTHS = Pattern.compile("P(\\d+Y)?(\\d+M)?(\\d+[WD])?(T.*)?", Pattern.CASE_INSENSITIVE);

    /** Whether {@code s} is a valid id of a segment, campaign or variant: {@code [A-Za-z0-9][A-Za-z0-9_-]{0,63}}. */
    public static boolean isId(String s) {
        return s != null && ID.matcher(s).matches();
    }

    /** A string, or null (reported) when the node is not one. */
    public static String string(JsonNode n, String path, Errors errors) {
        if (!n.isTextual()) {
            errors.add(path, Codes.INVALID_TYPE, "expected a string, got " + describe(n));
            return null;
        }
        return n.textValue();
    }

    /** An id ({@link #isId}), or null (reported). */
    public static String id(JsonNode n, String path, Errors errors) {
        String s = string(n, path, errors);
        if (s == null) return null;
        if (!isId(s)) {
            errors.add(path, Codes.INVALID_VALUE, "'" + s + "' is not a valid id: 1 to 64 letters, digits, '_' or '-', "
                    + "starting with a letter or digit");
            return null;
        }
        return s;
    }

    /** A display name: a non-blank string of at most {@link #MAX_NAME} characters, or null (reported). */
    public static String name(JsonNode n, String path, Errors errors) {
        String s = string(n, path, errors);
        if (s == null) return null;
        if (s.isBlank() || s.length() > MAX_NAME) {
            errors.add(path, Codes.INVALID_VALUE, "expected a name of 1 to " + MAX_NAME + " characters");
            return null;
        }
        return s;
    }

    /**
     * An event name as conditions, triggers and goals may name it: 1 to 128 characters, no control
     * characters, and no {@code ~}, which is reserved for the engine's derived events ({@code view~3fa2c1d9e0b4}).
     */
    public static String eventName(JsonNode n, String path, Errors errors) {
        String s = string(n, path, errors);
        if (s == null) return null;
        if (s.isEmpty() || s.length() > MAX_EVENT_NAME) {
            errors.add(path, Codes.INVALID_VALUE, "an event name has 1 to " + MAX_EVENT_NAME + " characters");
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '~' || Character.isISOControl(c)) {
                errors.add(path, Codes.INVALID_VALUE, "an event name may not contain '~' (reserved for derived events) "
                        + "or control characters");
                return null;
            }
        }
        return s;
    }

    /** An integral number within {@code [min, max]} ({@code 3} and {@code 3.0} both count), or null (reported). */
    public static Integer integer(JsonNode n, String path, Errors errors, int min, int max) {
        if (!n.isNumber() || !n.canConvertToExactIntegral()) {
            errors.add(path, Codes.INVALID_TYPE, "expected a whole number, got " + describe(n));
            return null;
        }
        if (!n.canConvertToLong() || n.longValue() < min || n.longValue() > max) {
            errors.add(path, Codes.INVALID_VALUE, "expected a whole number from " + min + " to " + max + ", got " + n);
            return null;
        }
        return n.intValue();
    }

    /**
     * A duration: an ISO-8601 string ({@code PT3M}, {@code P7D}, {@code P1W}, {@code P1DT12H}) or a non-negative
     * number of seconds. Years and months are rejected: they have no fixed length.
     *
     * @return the duration, or null (reported) when invalid or negative
     */
    public static Duration duration(JsonNode n, String path, Errors errors) {
        if (n.isNumber()) {
            double seconds = n.doubleValue();
            if (!Double.isFinite(seconds) || seconds < 0) {
                errors.add(path, Codes.INVALID_VALUE, "a duration in seconds must be a non-negative number, got " + n);
                return null;
            }
            // Bound before converting: Duration.ofMillis of a huge double would overflow silently.
            if (seconds > MAX_DURATION.getSeconds()) return bounded(MAX_DURATION.plusSeconds(1), path, errors);
            return Duration.ofMillis(Math.round(seconds * 1000));
        }
        if (!n.isTextual()) {
            errors.add(path, Codes.INVALID_TYPE, "expected a duration (\"PT30M\", \"P7D\" or seconds), got " + describe(n));
            return null;
        }
        String s = n.textValue().trim();
        var weeks = WEEKS.matcher(s);
        if (weeks.matches()) return bounded(Duration.ofDays(7L * Long.parseLong(weeks.group(1))), path, errors);
        Duration d;
        try {
            d = Duration.parse(s);
        } catch (DateTimeParseException e) {
            var ym = YEARS_OR_MONTHS.matcher(s);
            boolean calendar = ym.matches() && (ym.group(1) != null || ym.group(2) != null);
            errors.add(path, Codes.INVALID_VALUE, calendar
                    ? "'" + s + "': years and months have no fixed length; write days (\"P30D\") instead"
                    : "'" + s + "' is not an ISO-8601 duration such as \"PT30M\", \"P7D\" or \"P1W\"");
            return null;
        }
        if (d.isNegative()) {
            errors.add(path, Codes.INVALID_VALUE, "a duration must not be negative, got '" + s + "'");
            return null;
        }
        return bounded(d, path, errors);
    }

    private static Duration bounded(Duration d, String path, Errors errors) {
        if (d.compareTo(MAX_DURATION) > 0) {
            errors.add(path, Codes.INVALID_VALUE, "a duration may be at most " + MAX_DURATION.toDays() + " days");
            return null;
        }
        return d;
    }

    /**
     * A time: an ISO-8601 date-time with offset ({@code 2026-12-01T00:00:00+09:00}, {@code ...Z}) or
     * non-negative epoch milliseconds.
     *
     * @return epoch milliseconds, or null (reported)
     */
    public static Long time(JsonNode n, String path, Errors errors) {
        if (n.isNumber()) {
            if (!n.canConvertToExactIntegral() || !n.canConvertToLong() || n.longValue() < 0) {
                errors.add(path, Codes.INVALID_VALUE, "a time as a number is non-negative whole epoch milliseconds, got " + n);
                return null;
            }
            return n.longValue();
        }
        if (!n.isTextual()) {
            errors.add(path, Codes.INVALID_TYPE, "expected a time (ISO-8601 with offset, or epoch ms), got " + describe(n));
            return null;
        }
        String s = n.textValue();
        try {
            return OffsetDateTime.parse(s).toInstant().toEpochMilli();
        } catch (ArithmeticException e) {
            errors.add(path, Codes.INVALID_VALUE, "'" + s + "' is too far in the past or future");
            return null;
        } catch (DateTimeParseException e) {
            boolean local = parsesAsLocal(s);
            errors.add(path, Codes.INVALID_VALUE, local
                    ? "'" + s + "' has no offset; write it with one, such as \"" + s + "+09:00\" or \"" + s + "Z\""
                    : "'" + s + "' is not an ISO-8601 date-time with offset such as \"2026-12-01T00:00:00+09:00\"");
            return null;
        }
    }

    private static boolean parsesAsLocal(String s) {
        try {
            LocalDateTime.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The JSON type of a node, for "expected X, got Y" messages. */
    public static String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) return "nothing";
        return switch (n.getNodeType()) {
            case NULL -> "null";
            case BOOLEAN -> "a boolean";
            case NUMBER -> "a number";
            case STRING -> "a string";
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            default -> n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
