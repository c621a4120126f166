package dev.omotenashi.engine.condition;

import dev.omotenashi.engine.config.Errors;
import dev.omotenashi.engine.profile.Agg;
import dev.omotenashi.engine.profile.Metric;
import dev.omotenashi.engine.profile.Scope;

import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * The syntax tree of a condition (config-language.md §2). Built by {@link ConditionParser}, which reports
 * every problem with its JSON path; compiled by {@link ConditionCompiler} into a {@link Predicate}.
 * Written back to JSON by {@link ConditionJson}.
 *
 * <p>The records' constructors enforce the invariants the compiler relies on (a value of the shape the
 * operator expects, a property where the aggregate needs one) and throw {@link IllegalArgumentException}
 * otherwise; they do not repeat the parser's type checks, so code building trees by hand should go through
 * JSON and the parser when the input comes from people.
 */
public sealed interface Condition {

    /** Every condition holds; an empty list holds. */
    record All(List<Condition> conditions) implements Condition {
        public All {
            conditions = List.copyOf(conditions);
        }
    }

    /** At least one condition holds; an empty list does not. */
    record Any(List<Condition> conditions) implements Condition {
        public Any {
            conditions = List.copyOf(conditions);
        }
    }

    record Not(Condition condition) implements Condition {
        public Not {
            Objects.requireNonNull(condition, "condition");
        }
    }

    /** The visitor is in the segment {@code id} now. */
    record SegmentRef(String id) implements Condition {
        public SegmentRef {
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * What is known about the visitor, session or page now: {@code {"attr": "session.pv", "op": "gte", "value": 5}}.
     *
     * @param key the query parameter or trait name for {@link Attribute#keyed() keyed} attributes, else null
     */
    record AttributePredicate(Attribute attribute, String key, Op op, Literal value, boolean ignoreCase)
            implements Condition {
        public AttributePredicate {
            Objects.requireNonNull(attribute, "attribute");
            if (attribute.keyed() == (key == null || key.isEmpty())) {
                throw new IllegalArgumentException(attribute.path() + (attribute.keyed() ? " needs a key" : " takes no key"));
            }
            checkValue(op, value);
            if (op.temporal() && attribute.type() != Attribute.Type.TIME) {
                throw new IllegalArgumentException(op.json() + " needs a time attribute");
            }
        }

        /** The path as written in JSON ({@code user.member_rank}). */
        public String path() {
            return key == null ? attribute.path() : attribute.path() + "." + key;
        }
    }

    /**
     * An aggregate of the visitor's events: {@code {"event": "cart", "property": "in_cart_price", "agg": "latest", ...}}.
     *
     * @param property the aggregated property; null for {@code count} and optional for {@code first_at}/{@code latest_at}
     * @param where    null, or a condition of {@link PropPredicate}s and combinators that selects the events counted
     */
    record EventPredicate(String event, Scope scope, Agg agg, String property, Condition where, Op op, Literal value,
                          boolean ignoreCase) implements Condition {
        public EventPredicate {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(agg, "agg");
            if (agg.needsProperty() && property == null) throw new IllegalArgumentException(agg.json() + " needs a property");
            if (agg == Agg.COUNT && property != null) throw new IllegalArgumentException("count takes no property");
            if (where != null && !onlyProperties(where)) {
                throw new IllegalArgumentException("where may only hold prop predicates, all, any and not");
            }
            checkValue(op, value);
            if (op.temporal() && !agg.isTime()) throw new IllegalArgumentException(op.json() + " needs first_at or latest_at");
        }
    }

    /**
     * What the visitor has seen of one of our campaigns:
     * {@code {"action": "signup-coupon", "metric": "shown", "scope": "session", "agg": "count", ...}}.
     *
     * @param scope {@link Scope#ALL}, {@link Scope#SESSION} or {@link Scope#TODAY}
     * @param agg   {@link Agg#COUNT} or {@link Agg#LATEST_AT}
     */
    record ActionPredicate(String campaign, Metric metric, Scope scope, Agg agg, Op op, Literal value)
            implements Condition {
        public ActionPredicate {
            Objects.requireNonNull(campaign, "campaign");
            Objects.requireNonNull(metric, "metric");
            if (scope != Scope.ALL && scope != Scope.SESSION && scope != Scope.TODAY) {
                throw new IllegalArgumentException("action scope must be all, session or today");
            }
            if (agg != Agg.COUNT && agg != Agg.LATEST_AT) throw new IllegalArgumentException("action agg must be count or latest_at");
            checkValue(op, value);
            if (op.temporal() && agg != Agg.LATEST_AT) throw new IllegalArgumentException(op.json() + " needs latest_at");
        }
    }

    /** A property of the event being examined; only inside {@code where}: {@code {"prop": "path", "op": "eq", ...}}. */
    record PropPredicate(String prop, Op op, Literal value, boolean ignoreCase) implements Condition {
        public PropPredicate {
            Objects.requireNonNull(prop, "prop");
            checkValue(op, value);
            if (op.temporal()) throw new IllegalArgumentException(op.json() + " needs a time operand");
        }
    }

    /** Whether {@code c} is built only of {@link PropPredicate}s and combinators (a valid event {@code where}). */
    static boolean onlyProperties(Condition c) {
        return switch (c) {
            case All a -> a.conditions().stream().allMatch(Condition::onlyProperties);
            case Any a -> a.conditions().stream().allMatch(Condition::onlyProperties);
            case Not n -> onlyProperties(n.condition());
            case PropPredicate p -> true;
            case SegmentRef s -> false;
            case AttributePredicate p -> false;
            case EventPredicate p -> false;
            case ActionPredicate p -> false;
        };
    }

    /**
     * Visits every node of the tree depth first, parents before children, with the JSON path it was parsed
     * from ({@code audience.all[2]}, {@code audience.all[2].where.not}); a {@code where} is visited too.
     */
    static void walk(Condition c, String path, BiConsumer<String, Condition> visitor) {
        visitor.accept(path, c);
        switch (c) {
            case All a -> {
                String list = Errors.field(path, "all");
                for (int i = 0; i < a.conditions().size(); i++) walk(a.conditions().get(i), Errors.index(list, i), visitor);
            }
            case Any a -> {
                String list = Errors.field(path, "any");
                for (int i = 0; i < a.conditions().size(); i++) walk(a.conditions().get(i), Errors.index(list, i), visitor);
            }
            case Not n -> walk(n.condition(), Errors.field(path, "not"), visitor);
            case EventPredicate e -> {
                if (e.where() != null) walk(e.where(), Errors.field(path, "where"), visitor);
            }
            case SegmentRef s -> { }
            case AttributePredicate p -> { }
            case ActionPredicate p -> { }
            case PropPredicate p -> { }
        }
    }

    private static void checkValue(Op op, Literal value) {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(value, "value");
        if (!value.fits(op.shape())) {
            throw new IllegalArgumentException(op.json() + " expects a value of shape " + op.shape() + ", got " + value);
        }
    }
}
