package dev.omotenashi.engine.condition;

import dev.omotenashi.engine.condition.Matchers.Matcher;
import dev.omotenashi.engine.condition.Matchers.NumberMatcher;
import dev.omotenashi.engine.profile.Metric;
import dev.omotenashi.engine.profile.Scope;

import java.util.List;

/**
 * The run-time semantics of §2 shared by every predicate: how a missing operand, a negative operator and
 * a {@code values} list (a {@link List} operand) are treated. Predicates read their operand through a
 * {@link Reader} and hand it to the operator's {@link Matcher}.
 */
final class Comparisons {
    private Comparisons() {}

    /** Reads a predicate's operand from the facts; null when missing. */
    @FunctionalInterface
    interface Reader {
        Object read(Facts facts);
    }

    /**
     * The predicate of an operator over an operand:
     * <ul>
     *   <li>missing (null): false, except for the negative operators and {@code not_exists}, which hold;</li>
     *   <li>a list (a {@code values} aggregate): a positive operator holds when any element matches, a
     *       negative one when none does; an empty list counts as missing;</li>
     *   <li>a value of another type than the literal: false for every operator, negatives included.</li>
     * </ul>
     */
    static Predicate of(Reader reader, Op op, Literal value, boolean ignoreCase) {
        return switch (op) {
            case EXISTS -> new Exists(reader);
            case NOT_EXISTS -> new NotExists(reader);
            default -> {
                Matcher m = Matchers.of(op.positive(), value, ignoreCase);
                yield op.trueWhenMissing() ? new Negative(reader, m) : new Positive(reader, m);
            }
        };
    }

    /**
     * An action count, which is never missing (0 when the campaign was never shown): compiled without
     * boxing the count.
     */
    static Predicate actionCount(String campaign, Metric metric, Scope scope, Op op, Literal value) {
        return switch (op) {
            case EXISTS -> Predicate.TRUE;
            case NOT_EXISTS -> Predicate.FALSE;
            default -> new ActionCount(campaign, metric, scope, (NumberMatcher) Matchers.of(op.positive(), value, false),
                    op.trueWhenMissing());
        };
    }

    private static boolean anyMatches(List<?> list, Matcher m, Facts facts) {
        for (int i = 0, n = list.size(); i < n; i++) {
            Object e = list.get(i);
            if (e != null && m.test(e, facts)) return true;
        }
        return false;
    }

    private record Positive(Reader reader, Matcher matcher) implements Predicate {
        @Override
        public boolean test(Facts facts) {
            Object v = reader.read(facts);
            if (v == null) return false;
            if (v instanceof List<?> list) return anyMatches(list, matcher, facts);
            return matcher.test(v, facts);
        }
    }

    private record Negative(Reader reader, Matcher matcher) implements Predicate {
        @Override
        public boolean test(Facts facts) {
            Object v = reader.read(facts);
            if (v == null) return true;
            if (v instanceof List<?> list) return !anyMatches(list, matcher, facts);
            return matcher.accepts(v) && !matcher.test(v, facts);
        }
    }

    private record Exists(Reader reader) implements Predicate {
        @Override
        public boolean test(Facts facts) {
            Object v = reader.read(facts);
            return v != null && !(v instanceof List<?> list && list.isEmpty());
        }
    }

    private record NotExists(Reader reader) implements Predicate {
        @Override
        public boolean test(Facts facts) {
            Object v = reader.read(facts);
            return v == null || v instanceof List<?> list && list.isEmpty();
        }
    }

    private record ActionCount(String campaign, Metric metric, Scope scope, NumberMatcher matcher, boolean negate)
            implements Predicate {
        @Override
        public boolean test(Facts facts) {
            return matcher.test((double) facts.actionCount(campaign, metric, scope)) != negate;
        }
    }
}
