package dev.omotenashi.engine.condition;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.omotenashi.engine.config.Codes;
import dev.omotenashi.engine.config.Errors;
import dev.omotenashi.engine.config.Fields;
import dev.omotenashi.engine.config.Values;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The part of {@link ConditionParser} shared by every predicate: the operator, its value and
 * {@code ignore_case}, checked against the shape the operator expects and the static type of the operand
 * (config-language.md §1, §2). Values are converted here, once, into {@link Literal}s.
 */
final class ComparisonParser {
    /** Longest regular expression: longer ones are unreadable, and RE2 compile cost grows with the pattern. */
    static final int MAX_PATTERN = 1_000;

    private final Errors errors;

    ComparisonParser(Errors errors) {
        this.errors = errors;
    }

    /** What a predicate compares: its name for messages, its static type, and the values it can take (or none). */
    record Operand(String label, Attribute.Type type, Set<String> choices) {
        String described() {
            return label + " (" + switch (type) {
                case NUMBER -> "a number";
                case STRING -> "a string";
                case BOOL -> "a boolean";
                case TIME -> "a time";
                case ANY -> "any value";
            } + ")";
        }
    }

    record Comparison(Op op, Literal value, boolean ignoreCase) {}

    /** When the operand is already known to be wrong, the op is still checked so a typo there is reported too. */
    void skip(Fields f) {
        f.choice("op", true, null, Op::fromJson, Op.names());
    }

    /**
     * Reads {@code op}, {@code value} and {@code ignore_case} of a predicate over {@code operand}.
     *
     * @return the comparison, or null when it has problems (all reported)
     */
    Comparison parse(Fields f, Operand operand) {
        Op op = f.choice("op", true, null, Op::fromJson, Op.names());
        Boolean ignoreCase = f.bool("ignore_case", false);
        JsonNode valueNode = f.get("value");
        String valuePath = f.path("value");
        if (op == null) return null;
        if (!applies(op, operand.type)) {
            errors.add(f.path("op"), Codes.TYPE_MISMATCH, "'" + op.json() + "' does not apply to " + operand.described()
                    + "; use one of " + Arrays.stream(Op.values()).filter(o -> applies(o, operand.type)).map(Op::json)
                    .collect(Collectors.joining(", ")));
            return null;
        }
        int before = errors.size();
        Literal value = switch (op.shape()) {
            case NONE -> {
                if (valueNode != null) errors.add(valuePath, Codes.INVALID_VALUE, "'" + op.json() + "' takes no value");
                yield Literal.NONE;
            }
            case SCALAR -> valueNode == null ? missingValue(valuePath, op) : scalar(valueNode, valuePath, op, operand);
            case RANGE -> valueNode == null ? missingValue(valuePath, op) : range(valueNode, valuePath, op, operand);
            case LIST -> valueNode == null ? missingValue(valuePath, op) : list(valueNode, valuePath, op, operand);
            case DURATION -> {
                if (valueNode == null) yield missingValue(valuePath, op);
                Duration d = Values.duration(valueNode, valuePath, errors);
                yield d == null ? null : new Literal.Dur(d);
            }
        };
        if (ignoreCase == null) return null;
        if (ignoreCase && value != null) {
            if (!op.allowsIgnoreCase()) {
                errors.add(f.path("ignore_case"), Codes.INVALID_VALUE, "ignore_case applies to eq, ne, in, not_in, contains, "
                        + "not_contains, starts_with, ends_with and matches only");
            } else if (!textual(value)) {
                errors.add(f.path("ignore_case"), Codes.INVALID_VALUE, "ignore_case applies to string values only");
            }
        }
        if (value != null && !operand.choices.isEmpty() && (op.positive() == Op.EQ || op.positive() == Op.IN)) {
            checkChoices(value, valuePath, operand, ignoreCase);
        }
        if (value instanceof Literal.Str s && op == Op.MATCHES) checkPattern(s.value(), ignoreCase, valuePath);
        return errors.size() == before && value != null ? new Comparison(op, value, ignoreCase) : null;
    }

    private void checkPattern(String pattern, boolean ignoreCase, String path) {
        if (pattern.length() > MAX_PATTERN) {
            errors.add(path, Codes.INVALID_VALUE, "a regular expression has at most " + MAX_PATTERN + " characters");
            return;
        }
        try {
            Pattern.compile(pattern, ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
        } catch (PatternSyntaxException e) {
            errors.add(path, Codes.INVALID_VALUE, "not a valid regular expression (RE2 syntax): " + e.getMessage());
        }
    }

    private Literal missingValue(String path, Op op) {
        errors.add(path, Codes.REQUIRED, "'" + op.json() + "' needs a value"
                + (op == Op.EQ || op == Op.NE ? "; to test for a missing value use exists / not_exists" : ""));
        return null;
    }

    /** Which operators make sense on an operand of a static type (config-language.md §1, §2). */
    static boolean applies(Op op, Attribute.Type type) {
        return switch (type) {
            case NUMBER -> !op.textual() && !op.temporal();
            case STRING, ANY -> !op.temporal();
            case BOOL -> op == Op.EQ || op == Op.NE || op == Op.EXISTS || op == Op.NOT_EXISTS;
            case TIME -> !op.textual() && op.positive() != Op.IN;
        };
    }

    private Literal scalar(JsonNode n, String path, Op op, Operand operand) {
        if (n.isArray() || n.isObject()) {
            errors.add(path, Codes.INVALID_TYPE, "'" + op.json() + "' takes a single value, got " + Values.describe(n)
                    + (n.isArray() && op == Op.EQ ? "; to compare with several values use in" : ""));
            return null;
        }
        Literal value = switch (operand.type) {
            case NUMBER -> n.isNumber() ? number(n, path) : mismatch(path, operand, "a number", n);
            case STRING -> n.isTextual() ? new Literal.Str(n.textValue()) : mismatch(path, operand, "a string", n);
            case BOOL -> n.isBoolean() ? new Literal.Bool(n.booleanValue()) : mismatch(path, operand, "true or false", n);
            case TIME -> {
                Long t = Values.time(n, path, errors);
                yield t == null ? null : new Literal.Time(t);
            }
            case ANY -> {
                if (n.isNumber()) yield number(n, path);
                if (n.isTextual()) yield new Literal.Str(n.textValue());
                if (n.isBoolean()) yield new Literal.Bool(n.booleanValue());
                errors.add(path, Codes.INVALID_TYPE, "expected a number, string or boolean, got " + Values.describe(n));
                yield null;
            }
        };
        if (value == null) return null;
        if (op.textual() && !(value instanceof Literal.Str)) {
            errors.add(path, Codes.TYPE_MISMATCH, "'" + op.json() + "' needs a string value");
            return null;
        }
        if (op.ordering() && value instanceof Literal.Bool) {
            errors.add(path, Codes.TYPE_MISMATCH, "'" + op.json() + "' cannot order booleans; use eq or ne");
            return null;
        }
        return value;
    }

    /** A JSON number as a 64-bit float; one too large for it ({@code 1e400}) is rejected rather than made infinite. */
    private Literal number(JsonNode n, String path) {
        double d = n.doubleValue();
        if (!Double.isFinite(d)) {
            errors.add(path, Codes.INVALID_VALUE, "the number " + n + " is too large");
            return null;
        }
        return new Literal.Num(d);
    }

    private Literal mismatch(String path, Operand operand, String expected, JsonNode n) {
        errors.add(path, Codes.TYPE_MISMATCH, operand.described() + " is compared with " + expected + ", got " + Values.describe(n));
        return null;
    }

    private Literal range(JsonNode n, String path, Op op, Operand operand) {
        if (!n.isArray() || n.size() != 2) {
            errors.add(path, Codes.INVALID_TYPE, "'between' takes [low, high], got " + (n.isArray() ? "a list of " + n.size() : Values.describe(n)));
            return null;
        }
        Literal low = scalar(n.get(0), Errors.index(path, 0), op, operand);
        Literal high = scalar(n.get(1), Errors.index(path, 1), op, operand);
        if (low == null || high == null) return null;
        if (low.getClass() != high.getClass()) {
            errors.add(path, Codes.TYPE_MISMATCH, "low and high must be of the same type");
            return null;
        }
        if (Compare.literals(low, high) > 0) {
            errors.add(path, Codes.INVALID_VALUE, "low must not be greater than high");
            return null;
        }
        return new Literal.Range(low, high);
    }

    private Literal list(JsonNode n, String path, Op op, Operand operand) {
        if (!n.isArray()) {
            errors.add(path, Codes.INVALID_TYPE, "'" + op.json() + "' takes a list of values, got " + Values.describe(n));
            return null;
        }
        if (n.isEmpty()) {
            errors.add(path, Codes.INVALID_VALUE, "'" + op.json() + "' needs at least one value");
            return null;
        }
        List<Literal> values = new ArrayList<>(n.size());
        for (int i = 0; i < n.size(); i++) values.add(scalar(n.get(i), Errors.index(path, i), op, operand));
        return values.contains(null) ? null : new Literal.Many(values);
    }

    private static boolean textual(Literal value) {
        return switch (value) {
            case Literal.Str s -> true;
            case Literal.Many m -> m.values().stream().allMatch(v -> v instanceof Literal.Str);
            default -> false;
        };
    }

    private void checkChoices(Literal value, String path, Operand operand, boolean ignoreCase) {
        List<Literal> values = value instanceof Literal.Many m ? m.values() : List.of(value);
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) instanceof Literal.Str s) {
                String v = ignoreCase ? s.value().toLowerCase(Locale.ROOT) : s.value();
                if (!operand.choices.contains(v)) {
                    errors.add(value instanceof Literal.Many ? Errors.index(path, i) : path, Codes.INVALID_VALUE,
                            operand.label + " is never '" + s.value() + "'; it is one of " + String.join(", ", operand.choices.stream().sorted().toList()));
                }
            }
        }
    }
}
