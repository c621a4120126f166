package dev.omotenashi.engine.condition;

/**
 * The comparison operators of config-language.md §2, with their JSON names and the value each expects.
 *
 * <p>Four operators are <em>negative</em>: {@link #NE}, {@link #NOT_IN}, {@link #NOT_CONTAINS} and
 * {@link #NOT_WITHIN_LAST} hold when their {@link #positive() positive counterpart} does not, and,
 * together with {@link #NOT_EXISTS}, they hold when the operand is missing.
 */
public enum Op {
    EQ("eq", Shape.SCALAR),
    NE("ne", Shape.SCALAR),
    GT("gt", Shape.SCALAR),
    GTE("gte", Shape.SCALAR),
    LT("lt", Shape.SCALAR),
    LTE("lte", Shape.SCALAR),
    BETWEEN("between", Shape.RANGE),
    IN("in", Shape.LIST),
    NOT_IN("not_in", Shape.LIST),
    CONTAINS("contains", Shape.SCALAR),
    NOT_CONTAINS("not_contains", Shape.SCALAR),
    STARTS_WITH("starts_with", Shape.SCALAR),
    ENDS_WITH("ends_with", Shape.SCALAR),
    MATCHES("matches", Shape.SCALAR),
    EXISTS("exists", Shape.NONE),
    NOT_EXISTS("not_exists", Shape.NONE),
    WITHIN_LAST("within_last", Shape.DURATION),
    NOT_WITHIN_LAST("not_within_last", Shape.DURATION);

    /** What the {@code value} of a predicate must look like for an operator. */
    public enum Shape {
        /** no value at all */
        NONE,
        /** one number, string, boolean or time */
        SCALAR,
        /** {@code [low, high]} */
        RANGE,
        /** a non-empty list of scalars */
        LIST,
        /** a duration */
        DURATION
    }

    private final String json;
    private final Shape shape;

    Op(String json, Shape shape) {
        this.json = json;
        this.shape = shape;
    }

    public String json() {
        return json;
    }

    public Shape shape() {
        return shape;
    }

    /** The operator whose result this one negates ({@code ne} → {@code eq}); the operator itself if positive. */
    public Op positive() {
        return switch (this) {
            case NE -> EQ;
            case NOT_IN -> IN;
            case NOT_CONTAINS -> CONTAINS;
            case NOT_EXISTS -> EXISTS;
            case NOT_WITHIN_LAST -> WITHIN_LAST;
            default -> this;
        };
    }

    /** Whether the operator holds when the operand is missing (§2: the negatives and {@code not_exists}). */
    public boolean trueWhenMissing() {
        return positive() != this;
    }

    /** Whether the operator orders its operand ({@code gt} … {@code between}): numbers, times or strings. */
    public boolean ordering() {
        return switch (this) {
            case GT, GTE, LT, LTE, BETWEEN -> true;
            default -> false;
        };
    }

    /** Whether the operator only makes sense on strings ({@code contains} … {@code matches}). */
    public boolean textual() {
        return switch (this) {
            case CONTAINS, NOT_CONTAINS, STARTS_WITH, ENDS_WITH, MATCHES -> true;
            default -> false;
        };
    }

    /** Whether {@code "ignore_case": true} means something for the operator. */
    public boolean allowsIgnoreCase() {
        return textual() || this == EQ || this == NE || this == IN || this == NOT_IN;
    }

    /** Whether the operator needs a time operand ({@code within_last}, {@code not_within_last}). */
    public boolean temporal() {
        return shape == Shape.DURATION;
    }

    /** The operator with this JSON name, or null. */
    public static Op fromJson(String s) {
        for (Op op : values()) if (op.json.equals(s)) return op;
        return null;
    }

    /** Every JSON name, comma separated, for error messages. */
    public static String names() {
        StringBuilder sb = new StringBuilder();
        for (Op op : values()) {
            if (!sb.isEmpty()) sb.append(", ");
            sb.append(op.json);
        }
        return sb.toString();
    }
}
