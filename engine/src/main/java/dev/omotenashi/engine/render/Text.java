package dev.omotenashi.engine.render;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;

/** How placeholder values become text, and HTML escaping. Stateless. */
final class Text {
    private Text() {}

    /** Decimals kept for non-integral numbers: enough for prices and averages, never a float artefact. */
    static final int DECIMALS = 2;

    /**
     * The text of a value, or null when it has none and the placeholder must fail: null, NaN, an infinity, a
     * list holding such a value, or a type the engine never produces.
     *
     * <p>Numbers print in plain notation without grouping; integral values without a decimal point
     * ({@code 500.0} is {@code 500}); others rounded half-up to {@value #DECIMALS} decimals with trailing zeros
     * dropped ({@code 3.5}, {@code 0.33}). Times are epoch-millisecond numbers and print as such. Booleans are
     * {@code true} / {@code false}; lists ({@code values} aggregates) are their elements joined with {@code ", "}.
     */
    static String format(Object value) {
        return switch (value) {
            case String s -> s;
            case Boolean b -> b.toString();
            case Double d -> decimal(d);
            case Float f -> decimal(f.doubleValue());
            case Long l -> Long.toString(l);
            case Integer i -> Integer.toString(i);
            case Short s -> Short.toString(s);
            case Byte b -> Byte.toString(b);
            case BigInteger b -> b.toString();
            case BigDecimal b -> plain(b);
            case List<?> list -> join(list);
            case null, default -> null;
        };
    }

    private static String decimal(double d) {
        if (!Double.isFinite(d)) return null;
        // BigDecimal.valueOf uses the shortest decimal that round-trips, so 2.675 rounds to 2.68 as a reader expects
        return plain(BigDecimal.valueOf(d));
    }

    private static String plain(BigDecimal b) {
        // BigDecimal has no negative zero, so -0.0 and -0.001 print "0", not "-0"
        return b.setScale(DECIMALS, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static String join(List<?> list) {
        StringBuilder out = new StringBuilder();
        String separator = "";
        for (Object element : list) {
            String s = format(element);
            if (s == null) return null;
            out.append(separator).append(s);
            separator = ", ";
        }
        return out.toString();
    }

}
