package dev.omotenashi.engine.condition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omotenashi.engine.condition.ComparisonParser.Comparison;
import dev.omotenashi.engine.condition.ComparisonParser.Operand;
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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
    private final ComparisonParser comparisons;

    private ConditionParser(Context context, Errors errors) {
        this.context = context;
        this.errors = errors;
        this.comparisons = new ComparisonParser(errors);
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
                JsonNode idNode = f.required("segment");
                String id = idNode == null ? null : Values.id(idNode, f.path("segment"), errors);
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
            comparisons.skip(f);
            return null;
        }
        Set<String> choices = switch (attribute) {
            case SESSION_SOURCE -> SOURCES;
            case SESSION_DEVICE -> DEVICES;
            default -> Set.of();
        };
        Comparison cmp = comparisons.parse(f, new Operand("'" + name + "'", attribute.type(), choices));
        if (cmp == null || errors.size() != before) return null;
        return new AttributePredicate(attribute, key, cmp.op(), cmp.value(), cmp.ignoreCase());
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
            comparisons.skip(f);
            return null;
        }
        Attribute.Type type = switch (agg) {
            case COUNT, SUM, MIN, MAX, AVG -> Attribute.Type.NUMBER;
            case FIRST_AT, LATEST_AT -> Attribute.Type.TIME;
            case FIRST, LATEST, VALUES -> Attribute.Type.ANY;
        };
        Comparison cmp = comparisons.parse(f, new Operand("agg '" + agg.json() + "'", type, Set.of()));
        if (cmp == null || errors.size() != before) return null;
        return new EventPredicate(event, scope, agg, property, where, cmp.op(), cmp.value(), cmp.ignoreCase());
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
            comparisons.skip(f);
            return null;
        }
        Attribute.Type type = agg == Agg.COUNT ? Attribute.Type.NUMBER : Attribute.Type.TIME;
        Comparison cmp = comparisons.parse(f, new Operand("agg '" + agg.json() + "'", type, Set.of()));
        if (cmp == null || errors.size() != before) return null;
        return new ActionPredicate(campaign, metric, scope, agg, cmp.op(), cmp.value());
    }

    private Condition prop(JsonNode node, String path) {
        int before = errors.size();
        Fields f = Fields.of(node, path, errors, PROP_FIELDS);
        String prop = propertyName(f, "prop", true);
        Comparison cmp = comparisons.parse(f, new Operand("a property", Attribute.Type.ANY, Set.of()));
        if (cmp == null || errors.size() != before) return null;
        return new PropPredicate(prop, cmp.op(), cmp.value(), cmp.ignoreCase());
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
