package dev.omotenashi.engine.condition;

import com.google.re2j.Pattern;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The positive operators compiled against their literal: each test is a small final class holding
 * pre-converted values (doubles, strings, a compiled RE2/J pattern), so evaluation converts and allocates
 * nothing (except RE2/J's matcher state for {@code matches}).
 */
final class Matchers {
    private Matchers() {}

    /** The positive test of one operator against one non-null, non-list operand value. */
    interface Matcher {
        /** Whether {@code v} is of a type this test compares; a negative operator is false on other types. */
        boolean accepts(Object v);

        /** Whether the positive operator holds for {@code v}; false (never an exception) for other types. */
        boolean test(Object v, Facts facts);
    }

    /** A test on numbers and times; times arrive as {@link Long} epoch ms and are exact as doubles. */
    abstract static class NumberMatcher implements Matcher {
        @Override
        public final boolean accepts(Object v) {
            return v instanceof Number;
        }

        @Override
        public final boolean test(Object v, Facts facts) {
            return v instanceof Number n && test(n.doubleValue());
        }

        abstract boolean test(double x);
    }

    abstract static class StringMatcher implements Matcher {
        @Override
        public final boolean accepts(Object v) {
            return v instanceof String;
        }

        @Override
        public final boolean test(Object v, Facts facts) {
            return v instanceof String s && test(s);
        }

        abstract boolean test(String s);
    }

    /**
     * The matcher of a positive operator ({@code eq}, {@code in}, {@code gt} … {@code within_last}) and its
     * literal, which the parser has already checked to fit.
     */
    static Matcher of(Op op, Literal value, boolean ignoreCase) {
        return switch (op) {
            case EQ -> eq(value, ignoreCase);
            case IN -> in(((Literal.Many) value).values(), ignoreCase);
            case GT, GTE, LT, LTE -> order(op, value);
            case BETWEEN -> between((Literal.Range) value);
            case CONTAINS -> new Contains(str(value), ignoreCase);
            case STARTS_WITH -> new StartsWith(str(value), ignoreCase);
            case ENDS_WITH -> new EndsWith(str(value), ignoreCase);
            case MATCHES -> new Matches(Pattern.compile(str(value), ignoreCase ? Pattern.CASE_INSENSITIVE : 0));
            case WITHIN_LAST -> new WithinLast(((Literal.Dur) value).millis());
            default -> throw new IllegalArgumentException("not a positive comparison: " + op);
        };
    }

    private static String str(Literal value) {
        return ((Literal.Str) value).value();
    }

    private static double num(Literal value) {
        return switch (value) {
            case Literal.Num n -> n.value();
            case Literal.Time t -> t.epochMillis();
            default -> throw new IllegalArgumentException("not a number: " + value);
        };
    }

    private static boolean numeric(Literal value) {
        return value instanceof Literal.Num || value instanceof Literal.Time;
    }

    private static Matcher eq(Literal value, boolean ignoreCase) {
        return switch (value) {
            case Literal.Str s -> new StrEq(s.value(), ignoreCase);
            case Literal.Bool b -> new BoolEq(b.value());
            default -> new NumIn(new double[] {num(value)});
        };
    }

    private static Matcher in(List<Literal> values, boolean ignoreCase) {
        if (values.stream().allMatch(Matchers::numeric)) {
            return new NumIn(values.stream().mapToDouble(Matchers::num).toArray());
        }
        if (values.stream().allMatch(v -> v instanceof Literal.Str)) {
            List<String> strings = values.stream().map(Matchers::str).toList();
            return ignoreCase ? new StrInIgnoreCase(strings.toArray(String[]::new)) : new StrIn(new HashSet<>(strings));
        }
        // A list mixing kinds (only possible on operands of unknown type, such as user traits).
        return new AnyOf(values.stream().map(v -> eq(v, ignoreCase)).toArray(Matcher[]::new));
    }

    private static Matcher order(Op op, Literal value) {
        if (value instanceof Literal.Str s) return new StrOrder(op, s.value());
        double a = num(value);
        return switch (op) {
            case GT -> new NumberMatcher() { boolean test(double x) { return x > a; } };
            case GTE -> new NumberMatcher() { boolean test(double x) { return x >= a; } };
            case LT -> new NumberMatcher() { boolean test(double x) { return x < a; } };
            case LTE -> new NumberMatcher() { boolean test(double x) { return x <= a; } };
            default -> throw new IllegalArgumentException(op.json());
        };
    }

    private static Matcher between(Literal.Range range) {
        if (range.low() instanceof Literal.Str low) return new StrBetween(low.value(), str(range.high()));
        double lo = num(range.low());
        double hi = num(range.high());
        return new NumberMatcher() {
            boolean test(double x) {
                return x >= lo && x <= hi;
            }
        };
    }

    // ---- numbers ------------------------------------------------------------------------------------------

    private static final class NumIn extends NumberMatcher {
        private final double[] values;

        NumIn(double[] values) {
            this.values = values;
        }

        @Override
        boolean test(double x) {
            for (double v : values) if (x == v) return true;
            return false;
        }
    }

    /** {@code now - t <= d}: an instant in the future also counts as within the last d. */
    private record WithinLast(long millis) implements Matcher {
        @Override
        public boolean accepts(Object v) {
            return v instanceof Number;
        }

        @Override
        public boolean test(Object v, Facts facts) {
            return v instanceof Number t && facts.now() - t.longValue() <= millis;
        }
    }

    // ---- strings ------------------------------------------------------------------------------------------

    private static final class StrEq extends StringMatcher {
        private final String value;
        private final boolean ignoreCase;

        StrEq(String value, boolean ignoreCase) {
            this.value = value;
            this.ignoreCase = ignoreCase;
        }

        @Override
        boolean test(String s) {
            return ignoreCase ? s.equalsIgnoreCase(value) : s.equals(value);
        }
    }

    private static final class StrIn extends StringMatcher {
        private final Set<String> values;

        StrIn(Set<String> values) {
            this.values = Set.copyOf(values);
        }

        @Override
        boolean test(String s) {
            return values.contains(s);
        }
    }

    private static final class StrInIgnoreCase extends StringMatcher {
        private final String[] values;

        StrInIgnoreCase(String[] values) {
            this.values = values;
        }

        @Override
        boolean test(String s) {
            for (String v : values) if (s.equalsIgnoreCase(v)) return true;
            return false;
        }
    }

    private static final class StrOrder extends StringMatcher {
        private final Op op;
        private final String value;

        StrOrder(Op op, String value) {
            this.op = op;
            this.value = value;
        }

        @Override
        boolean test(String s) {
            int c = Compare.codePoints(s, value);
            return switch (op) {
                case GT -> c > 0;
                case GTE -> c >= 0;
                case LT -> c < 0;
                default -> c <= 0;
            };
        }
    }

    private static final class StrBetween extends StringMatcher {
        private final String low;
        private final String high;

        StrBetween(String low, String high) {
            this.low = low;
            this.high = high;
        }

        @Override
        boolean test(String s) {
            return Compare.codePoints(s, low) >= 0 && Compare.codePoints(s, high) <= 0;
        }
    }

    private static final class Contains extends StringMatcher {
        private final String value;
        private final boolean ignoreCase;

        Contains(String value, boolean ignoreCase) {
            this.value = value;
            this.ignoreCase = ignoreCase;
        }

        @Override
        boolean test(String s) {
            if (!ignoreCase) return s.contains(value);
            int n = value.length();
            for (int i = 0; i + n <= s.length(); i++) {
                if (s.regionMatches(true, i, value, 0, n)) return true;
            }
            return false;
        }
    }

    private static final class StartsWith extends StringMatcher {
        private final String value;
        private final boolean ignoreCase;

        StartsWith(String value, boolean ignoreCase) {
            this.value = value;
            this.ignoreCase = ignoreCase;
        }

        @Override
        boolean test(String s) {
            return s.regionMatches(ignoreCase, 0, value, 0, value.length());
        }
    }

    private static final class EndsWith extends StringMatcher {
        private final String value;
        private final boolean ignoreCase;

        EndsWith(String value, boolean ignoreCase) {
            this.value = value;
            this.ignoreCase = ignoreCase;
        }

        @Override
        boolean test(String s) {
            int from = s.length() - value.length();
            return from >= 0 && s.regionMatches(ignoreCase, from, value, 0, value.length());
        }
    }

    /** RE2/J matches in time linear in the input, whatever the pattern: no input can stall the engine. */
    private static final class Matches extends StringMatcher {
        private final Pattern pattern;

        Matches(Pattern pattern) {
            this.pattern = pattern;
        }

        @Override
        boolean test(String s) {
            return pattern.matcher(s).find();
        }
    }

    // ---- booleans and mixed lists -------------------------------------------------------------------------

    private record BoolEq(boolean value) implements Matcher {
        @Override
        public boolean accepts(Object v) {
            return v instanceof Boolean;
        }

        @Override
        public boolean test(Object v, Facts facts) {
            return v instanceof Boolean b && b == value;
        }
    }

    private record AnyOf(Matcher[] matchers) implements Matcher {
        @Override
        public boolean accepts(Object v) {
            for (Matcher m : matchers) if (m.accepts(v)) return true;
            return false;
        }

        @Override
        public boolean test(Object v, Facts facts) {
            for (Matcher m : matchers) if (m.test(v, facts)) return true;
            return false;
        }
    }
}
