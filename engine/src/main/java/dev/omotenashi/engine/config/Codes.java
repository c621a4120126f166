package dev.omotenashi.engine.config;

/**
 * The stable machine-readable codes of {@link ConfigError#code()} that the configuration parsers use.
 * Clients (the console) may switch on them; the message is for people and may change.
 */
public final class Codes {
    private Codes() {}

    /** A required field is missing or JSON null. */
    public static final String REQUIRED = "required";
    /** The JSON type is wrong (a string where a number is expected, an object where a list is). */
    public static final String INVALID_TYPE = "invalid_type";
    /** A field the object does not have: most often a typo, which must not pass silently. */
    public static final String UNKNOWN_FIELD = "unknown_field";
    /** The value has the right type but is not allowed (unknown operator, out of range, bad pattern). */
    public static final String INVALID_VALUE = "invalid_value";
    /** The operator or value cannot apply to the operand's type ({@code contains} on {@code visitor.visits}). */
    public static final String TYPE_MISMATCH = "type_mismatch";
    /** A content string's {@code {{ placeholder }}} does not parse. */
    public static final String INVALID_PLACEHOLDER = "invalid_placeholder";
    /** Two entries of a list share an id or name that must be unique. */
    public static final String DUPLICATE = "duplicate";
    /** A reference to a segment or campaign that does not exist. */
    public static final String UNKNOWN_REFERENCE = "unknown_reference";
    /** Segments referencing each other in a loop, or event definitions deriving from each other. */
    public static final String CYCLE = "cycle";
    /** An object cannot be deleted because others still reference it. */
    public static final String STILL_REFERENCED = "still_referenced";
}
