package dev.omotenashi.engine.render;

import org.apache.commons.jexl3.JexlArithmetic;
import org.apache.commons.jexl3.JexlOperator;

import java.math.MathContext;

/**
 * The arithmetic of placeholders: 64-bit float numbers as in conditions (config-language.md §1), and a missing
 * value that spreads instead of turning into zero.
 *
 * <ul>
 *   <li>{@code + - * / %} and unary minus compute in {@code double} whatever the operand types, so
 *       {@code 7 / 2} is 3.5 and {@code 5000 - 4500.0} is 500. {@code +} with a string on either side joins
 *       the two as text, formatting a number as it would be rendered.</li>
 *   <li>Such an operation on a missing (null) operand, on a non-number, a division by zero or a result that is
 *       not finite yields <em>missing</em>: it raises {@link JexlArithmetic.NullOperand}. That is the one
 *       failure JEXL's {@code ??} recovers from, so {@code (5000 - x) ?? 0} is 0 when x is missing, and without
 *       {@code ??} the placeholder fails and the action is suppressed. Never {@code 5000 - null = 5000}.</li>
 *   <li>{@code < <= > >=} on a missing value or on a number against a string are false, {@code ==} / {@code !=}
 *       compare numbers by value and anything else by equality without coercion ({@code "1" == 1} is false), and
 *       a missing value is false where a boolean is needed ({@code x ? a : b}, {@code &&}, {@code !}). These are
 *       the rules of conditions (a predicate on a missing operand is false), so a template and a condition agree.</li>
 * </ul>
 *
 * <p>The engine calls operators only after {@link #isStrict(JexlOperator)} says they accept null; they do, so
 * that the null reaches this class and becomes the recoverable failure above rather than JEXL's "variable is
 * null" error, which {@code ??} does not recover from. Stateless and thread-safe.
 */
final class TemplateArithmetic extends JexlArithmetic {

    TemplateArithmetic() {
        super(true);
    }

    /** A missing value met by an operator. Without a stack trace: it is control flow, and frequent. */
    private static final class Missing extends NullOperand {
        private static final long serialVersionUID = 1L;

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    @Override
    public boolean isStrict(JexlOperator operator) {
        return switch (operator) {
            case ADD, SUBTRACT, MULTIPLY, DIVIDE, MOD, NEGATE, POSITIVIZE,
                 EQ, LT, LTE, GT, GTE, NOT, CONDITION -> false;
            default -> super.isStrict(operator);
        };
    }

    /** Options never change this arithmetic; the default would replace it with a plain {@link JexlArithmetic}. */
    @Override
    protected JexlArithmetic createWithOptions(boolean strict, MathContext context, int scale) {
        return this;
    }

    @Override
    public Object add(Object left, Object right) {
        if (left instanceof String || right instanceof String) {
            String l = Text.format(left);
            String r = Text.format(right);
            if (l == null || r == null) throw new Missing();
            return l + r;
        }
        return finite(number(left) + number(right));
    }

    @Override
    public Object subtract(Object left, Object right) {
        return finite(number(left) - number(right));
    }

    @Override
    public Object multiply(Object left, Object right) {
        return finite(number(left) * number(right));
    }

    @Override
    public Object divide(Object left, Object right) {
        return finite(number(left) / number(right));
    }

    @Override
    public Object mod(Object left, Object right) {
        return finite(number(left) % number(right));
    }

    @Override
    public Object negate(Object value) {
        return finite(-number(value));
    }

    @Override
    public Object positivize(Object value) {
        return finite(number(value));
    }

    @Override
    public boolean equals(Object left, Object right) {
        if (left instanceof Number l && right instanceof Number r) return l.doubleValue() == r.doubleValue();
        return left == null ? right == null : left.equals(right);
    }

    @Override
    public boolean lessThan(Object left, Object right) {
        int c = compare(left, right);
        return c != UNORDERED && c < 0;
    }

    @Override
    public boolean lessThanOrEqual(Object left, Object right) {
        int c = compare(left, right);
        return c != UNORDERED && c <= 0;
    }

    @Override
    public boolean greaterThan(Object left, Object right) {
        int c = compare(left, right);
        return c != UNORDERED && c > 0;
    }

    @Override
    public boolean greaterThanOrEqual(Object left, Object right) {
        int c = compare(left, right);
        return c != UNORDERED && c >= 0;
    }

    /** Neither less, equal nor greater: a missing operand, NaN or mismatched types. */
    private static final int UNORDERED = Integer.MIN_VALUE;

    private static int compare(Object left, Object right) {
        if (left instanceof Number l && right instanceof Number r) {
            double a = l.doubleValue();
            double b = r.doubleValue();
            return a < b ? -1 : a > b ? 1 : a == b ? 0 : UNORDERED;
        }
        if (left instanceof String l && right instanceof String r) return Integer.signum(l.compareTo(r));
        return UNORDERED;
    }

    private static double number(Object value) {
        if (value instanceof Number n) return n.doubleValue();
        throw new Missing();
    }

    private static Double finite(double value) {
        if (!Double.isFinite(value)) throw new Missing();
        return value;
    }
}
