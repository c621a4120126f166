package dev.omotenashi.engine.condition;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.omotenashi.engine.condition.Condition.ActionPredicate;
import dev.omotenashi.engine.condition.Condition.AttributePredicate;
import dev.omotenashi.engine.condition.Condition.EventPredicate;
import dev.omotenashi.engine.condition.Condition.PropPredicate;
import dev.omotenashi.engine.config.Codes;
import dev.omotenashi.engine.config.Errors;
import dev.omotenashi.engine.config.Fields;
import dev.omotenashi.engine.config.ValidationException;
import dev.omotenashi.engine.config.Values;
import dev.omotenashi.engine.profile.Agg;
import dev.omotenashi.engine.profile.Metric;
import dev.omotenashi.engine.profile.Scope;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Parses the JSON form of a condition (config-language.md §2) into a {@link Condition}, checking
 * everything that can be checked before any visitor is seen: the shape of every node, operators and
 * their values, the static type of operands, regular expressions, and which predicates the place
 * of the condition allows ({@link Context}). Segment and campaign references are checked against the
 * site's other objects by {@link dev.omotenashi.engine.config.ConfigSet}, not here.
 *
 * <p>Every problem is reported with its JSON path; parsing goes on after a problem so that one pass
 * reports all of them. Thread-safe (stateless entry points).
 */
public final class ConditionParser {

    /** Where a condition is written; each place allows different predicates. */
    public enum Context {
        /** A segment or a campaign's audience: everything except {@code prop} predicates. */
        AUDIENCE("an audience"),
        /** A campaign's {@code pages}: {@code page.*} attributes, {@code all}, {@code any}, {@code not}. */
        PAGES("pages"),
        /** The {@code where} of an event predicate or a goal: {@code prop} predicates, {@code all}, {@code any}, {@code not}. */
        EVENT_WHERE("an event's where"),
        /**
         * The {@code where} of an event definition: {@code prop} predicates on the source event and {@code page.*}
         * attributes of the page it happened on, {@code all}, {@code any}, {@code not}.
         */
        DEFINITION_WHERE("an event definition's where");

        private final String label;

        Context(String label) {
            this.label = label;
        }
    }

    /** Conditions nest at most this deep; deeper JSON is certainly a mistake and would only cost stack. */
    public static final int MAX_DEPTH = 32;

    private static final List<String> KINDS = List.of("all", "any", "not", "segment", "attr", "event", "action", "prop");
    private static final List<String> ATTR_FIELDS = List.of("attr", "op", "value", "ignore_case");
    private static final List<String> EVENT_FIELDS = List.of("event", "scope", "agg", "property", "where", "op", "value", "ignore_case");
    private static final List<String> ACTION_FIELDS = List.of("action", "metric", "scope", "agg", "op", "value");
    private static final List<String> PROP_FIELDS = List.of("prop", "op", "value", "ignore_case");

    /** The values {@code session.source} can take (config-language.md §2). */
    public static final Set<String> SOURCES = Set.of("ad", "search", "social", "email", "referral", "direct");
    /** The values {@code session.device} can take. */
    public static final Set<String> DEVICES = Set.of("pc", "smartphone", "tablet");

    private final Context context;
    private final Errors errors;

    private ConditionParser(Context context, Errors errors) {
        this.context = context;
        this.errors = errors;
    }

    /**
     * Parses a whole document that is a condition.
     *
     * @throws ValidationException with every problem, paths relative to {@code json}
     */
    public static Condition parse(JsonNode json, Context context) {
        Errors errors = new Errors();
        Condition c = parse(json, "", context, errors);
        errors.throwIfAny();
        return c;
    }

    /**
     * Parses a condition found at {@code path} inside a larger document, adding problems to {@code errors}.
     *
     * @return the condition, or null when it has problems (all of them reported)
     */
    public static Condition parse(JsonNode json, String path, Context context, Errors errors) {
        return new ConditionParser(context, errors).condition(json, path, 1);
    }

    private Condition condition(JsonNode node, String path, int depth) {
        if (depth > MAX_DEPTH) {
            errors.add(path, Codes.INVALID_VALUE, "conditions may be nested at most " + MAX_DEPTH + " levels deep");
            return null;
        }
        if (node == null || !node.isObject()) {
            errors.add(path, Codes.INVALID_TYPE, "expected a condition (an object), got " + Values.describe(node));
            return null;
        }
        List<String> present = KINDS.stream().filter(node::has).toList();
        if (present.size() != 1) {
            errors.add(path, Codes.INVALID_VALUE, present.isEmpty()
                    ? "expected a condition: an object with one of " + String.join(", ", allowedKinds())
                    : "a condition has exactly one of " + String.join(", ", allowedKinds()) + "; found " + String.join(" and ", present));
            return null;
        }
        String kind = present.get(0);
        if (!allowedKinds().contains(kind)) {
            errors.add(Errors.field(path, kind), Codes.INVALID_VALUE,
                    "'" + kind + "' is not allowed in " + context.label + "; allowed: " + String.join(", ", allowedKinds()));
            return null;
        }
        int before = errors.size();
        Condition c = switch (kind) {
            case "all", "any" -> list(node, path, kind, depth);
            case "not" -> {
                Fields f = Fields.of(node, path, errors, List.of("not"));
                Condition inner = condition(f.get("not"), f.path("not"), depth + 1);
                yield inner == null ? null : new Condition.Not(inner);
            }
            case "segment" -> {
                Fields f = Fields.of(node, path, errors, List.of("segment"));
                String id = Values.id(f.required("segment"), f.path("segment"), errors);
                yield id == null ? null : new Condition.SegmentRef(id);
            }
            case "attr" -> attribute(node, path);
            case "event" -> event(node, path, depth);
            case "action" -> action(node, path);
            case "prop" -> prop(node, path);
            default -> throw new IllegalStateException(kind);
        };
        return errors.size() == before ? c : null;
    }

    private List<String> allowedKinds() {
        return switch (context) {
            case AUDIENCE -> List.of("all", "any", "not", "segment", "attr", "event", "action");
            case PAGES -> List.of("all", "any", "not", "attr");
            case EVENT_WHERE -> List.of("all", "any", "not", "prop");
            case DEFINITION_WHERE -> List.of("all", "any", "not", "prop", "attr");
        };
    }

    private Condition list(JsonNode node, String path, String kind, int depth) {
        Fields f = Fields.of(node, path, errors, List.of(kind));
        JsonNode items = f.required(kind);
        if (items == null) return null;
        if (!items.isArray()) {
            errors.add(f.path(kind), Codes.INVALID_TYPE, "expected a list of conditions, got " + Values.describe(items));
            return null;
        }
        List<Condition> conditions = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            conditions.add(condition(items.get(i), Errors.index(f.path(kind), i), depth + 1));
        }
        if (conditions.contains(null)) return null;
        return kind.equals("all") ? new Condition.All(conditions) : new Condition.Any(conditions);
    }

    private Condition attribute(JsonNode node, String path) {
        int before = errors.size();
        Fields f = Fields.of(node, path, errors, ATTR_FIELDS);
        String name = f.string("attr", true);
        Attribute attribute = null;
        String key = null;
        if (name != null) {
            attribute = resolveAttribute(name);
            if (attribute == null) {
                errors.add(f.path("attr"), Codes.INVALID_VALUE, "unknown attribute '" + name + "'; expected one of " + attributeNames());
            } else {
                if (attribute.keyed()) key = name.substring(attribute.path().length() + 1);
                if ((context == Context.PAGES || context == Context.DEFINITION_WHERE) && !attribute.isPage()) {
                    errors.add(f.path("attr"), Codes.INVALID_VALUE, context.label + " may only use page.* attributes, not '" + name + "'");
                    attribute = null;
                }
            }
        }
        if (attribute == null) {
            ignoreComparison(f);
            return null;
        }
        Set<String> choices = switch (attribute) {
            case SESSION_SOURCE -> SOURCES;
            case SESSION_DEVICE -> DEVICES;
            default -> Set.of();
        };
        Comparison cmp = comparison(f, new Operand("'" + name + "'", attribute.type(), choices));
        if (cmp == null || errors.size() != before) return null;
        return new AttributePredicate(attribute, key, cmp.op, cmp.value, cmp.ignoreCase);
    }

    private Condition event(JsonNode node, String path, int depth) {
        int before = errors.size();
        Fields f = Fields.of(node, path, errors, EVENT_FIELDS);
        JsonNode eventNode = f.required("event");
        String event = eventNode == null ? null : Values.eventName(eventNode, f.path("event"), errors);
        Scope scope = f.choice("scope", false, Scope.ALL, Scope::fromJson, names(Scope.values(), Scope::json));
        Agg agg = f.choice("agg", false, Agg.COUNT, Agg::fromJson, names(Agg.values(), Agg::json));
        String property = propertyName(f, "property", false);
        if (agg != null) {
            if (agg.needsProperty() && property == null && !f.has("property")) {
                errors.add(f.path("property"), Codes.REQUIRED, "'property' is required by agg '" + agg.json() + "'");
            }
            if (agg == Agg.COUNT && f.has("property")) {
                errors.add(f.path("property"), Codes.INVALID_VALUE, "count takes no property; to count events with a "
                        + "property value use where, or use another agg (sum, latest, values ...)");
            }
        }
        Condition where = null;
        if (f.has("where")) {
            where = new ConditionParser(Context.EVENT_WHERE, errors).condition(f.get("where"), f.path("where"), depth + 1);
        }
        if (agg == null) {
            ignoreComparison(f);
            return null;
        }
        Attribute.Type type = switch (agg) {
            case COUNT, SUM, MIN, MAX, AVG -> Attribute.Type.NUMBER;
            case FIRST_AT, LATEST_AT -> Attribute.Type.TIME;
            case FIRST, LATEST, VALUES -> Attribute.Type.ANY;
        };
        Comparison cmp = comparison(f, new Operand("agg '" + agg.json() + "'", type, Set.of()));
        if (cmp == null || errors.size() != before) return null;
        return new EventPredicate(event, scope, agg, property, where, cmp.op, cmp.value, cmp.ignoreCase);
    }

    private Condition action(JsonNode node, String path) {
        int before = errors.size();
        Fields f = Fields.of(node, path, errors, ACTION_FIELDS);
        JsonNode campaignNode = f.required("action");
        String campaign = campaignNode == null ? null : Values.id(campaignNode, f.path("action"), errors);
        Metric metric = f.choice("metric", true, null, Metric::fromJson, names(Metric.values(), Metric::json));
        Scope scope = f.choice("scope", false, Scope.ALL, s -> switch (s) {
            case "all" -> Scope.ALL;
            case "session" -> Scope.SESSION;
            case "today" -> Scope.TODAY;
            default -> null;
        }, "all, session, today");
        Agg agg = f.choice("agg", false, Agg.COUNT, s -> switch (s) {
            case "count" -> Agg.COUNT;
            case "latest_at" -> Agg.LATEST_AT;
            default -> null;
        }, "count, latest_at");
        if (agg == null) {
            ignoreComparison(f);
            return null;
        }
        Attribute.Type type = agg == Agg.COUNT ? Attribute.Type.NUMBER : Attribute.Type.TIME;
        Comparison cmp = comparison(f, new Operand("agg '" + agg.json() + "'", type, Set.of()));
        if (cmp == null || errors.size() != before) return null;
        return new ActionPredicate(campaign, metric, scope, agg, cmp.op, cmp.value);
    }

    private Condition prop(JsonNode node, String path) {
        int before = errors.size();
        Fields f = Fields.of(node, path, errors, PROP_FIELDS);
        String prop = propertyName(f, "prop", true);
        Comparison cmp = comparison(f, new Operand("a property", Attribute.Type.ANY, Set.of()));
        if (cmp == null || errors.size() != before) return null;
        return new PropPredicate(prop, cmp.op, cmp.value, cmp.ignoreCase);
    }

    /** A property path: 1 to 128 characters (tracking-protocol.md's limit on property names). */
    private String propertyName(Fields f, String field, boolean required) {
        String s = f.string(field, required);
        if (s != null && (s.isEmpty() || s.length() > Values.MAX_EVENT_NAME)) {
            errors.add(f.path(field), Codes.INVALID_VALUE, "a property name has 1 to " + Values.MAX_EVENT_NAME + " characters");
            return null;
        }
        return s;
    }

    // ---- op, value, ignore_case ----------------------------------------------------------------------------

    /** What a predicate compares: its name for messages, its static type, and the values it can take (or none). */
    private record Operand(String label, Attribute.Type type, Set<String> choices) {
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

    private record Comparison(Op op, Literal value, boolean ignoreCase) {}

    /** When the operand is already known to be wrong, the op is still checked so a typo there is reported too. */
    private void ignoreComparison(Fields f) {
        f.choice("op", true, null, Op::fromJson, Op.names());
    }

    private Comparison comparison(Fields f, Operand operand) {
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
        if (value instanceof Literal.Str s && op == Op.MATCHES) {
            try {
                Pattern.compile(s.value(), ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
            } catch (PatternSyntaxException e) {
                errors.add(valuePath, Codes.INVALID_VALUE, "not a valid regular expression (RE2 syntax): " + e.getMessage());
            }
        }
        return errors.size() == before && value != null ? new Comparison(op, value, ignoreCase) : null;
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
            case NUMBER -> n.isNumber() ? new Literal.Num(n.doubleValue()) : mismatch(path, operand, "a number", n);
            case STRING -> n.isTextual() ? new Literal.Str(n.textValue()) : mismatch(path, operand, "a string", n);
            case BOOL -> n.isBoolean() ? new Literal.Bool(n.booleanValue()) : mismatch(path, operand, "true or false", n);
            case TIME -> {
                Long t = Values.time(n, path, errors);
                yield t == null ? null : new Literal.Time(t);
            }
            case ANY -> {
                if (n.isNumber()) yield new Literal.Num(n.doubleValue());
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

    // ---- names ---------------------------------------------------------------------------------------------

    private static Attribute resolveAttribute(String name) {
        for (Attribute a : Attribute.values()) {
            if (a.keyed()) {
                if (name.startsWith(a.path() + ".") && name.length() > a.path().length() + 1) return a;
            } else if (a.path().equals(name)) {
                return a;
            }
        }
        return null;
    }

    private static String attributeNames() {
        return Arrays.stream(Attribute.values())
                .map(a -> a == Attribute.PAGE_QUERY ? "page.query.<name>" : a == Attribute.USER ? "user.<trait>" : a.path())
                .collect(Collectors.joining(", "));
    }

    private static <E> String names(E[] values, java.util.function.Function<E, String> json) {
        return Arrays.stream(values).map(json).collect(Collectors.joining(", "));
    }
}
