package dev.omotenashi.engine.condition;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The right-hand side of a predicate ({@code "value"}), converted once when the condition is parsed so
 * that evaluation never parses anything. Which variant a predicate holds is fixed by its {@link Op}'s
 * {@link Op.Shape shape}: {@link None} for {@code exists}, a scalar ({@link Num}, {@link Str}, {@link Bool},
 * {@link Time}) for {@code eq} … {@code matches}, {@link Range} for {@code between}, {@link Many} for
 * {@code in}, {@link Dur} for {@code within_last}.
 */
public sealed interface Literal {

    /** The value of {@code exists} / {@code not_exists}: nothing. */
    None NONE = new None();

    /** Whether this literal is a single value (number, string, boolean or time). */
    default boolean scalar() {
        return this instanceof Num || this instanceof Str || this instanceof Bool || this instanceof Time;
    }

    /** Whether the shape of this literal is the one {@code shape} expects. */
    default boolean fits(Op.Shape shape) {
        return switch (shape) {
            case NONE -> this instanceof None;
            case SCALAR -> scalar();
            case RANGE -> this instanceof Range;
            case LIST -> this instanceof Many;
            case DURATION -> this instanceof Dur;
        };
    }

    /** No value. */
    record None() implements Literal {}

    /** A number; compared as a 64-bit float. */
    record Num(double value) implements Literal {
        public Num {
            if (!Double.isFinite(value)) throw new IllegalArgumentException("number must be finite");
        }
    }

    /** A string; compared by Unicode code points. */
    record Str(String value) implements Literal {
        public Str {
            Objects.requireNonNull(value, "value");
        }
    }

    record Bool(boolean value) implements Literal {}

    /**
     * An instant, epoch milliseconds. Written as an ISO-8601 string with offset or as epoch ms; compared
     * with the time operands the facts give as {@link Long} epoch ms.
     */
    record Time(long epochMillis) implements Literal {}

    /** A non-negative duration, for {@code within_last} / {@code not_within_last}. */
    record Dur(Duration value) implements Literal {
        public Dur {
            Objects.requireNonNull(value, "value");
            if (value.isNegative()) throw new IllegalArgumentException("duration must not be negative");
        }

        public long millis() {
            return value.toMillis();
        }
    }

    /** {@code [low, high]}, both inclusive, two scalars of the same kind with {@code low <= high}. */
    record Range(Literal low, Literal high) implements Literal {
        public Range {
            Objects.requireNonNull(low, "low");
            Objects.requireNonNull(high, "high");
            if (!low.scalar() || !high.scalar()) throw new IllegalArgumentException("range bounds must be scalars");
            if (low.getClass() != high.getClass()) throw new IllegalArgumentException("range bounds must be of one kind");
        }
    }

    /** A non-empty list of scalars, for {@code in} / {@code not_in}. */
    record Many(List<Literal> values) implements Literal {
        public Many {
            values = List.copyOf(values);
            if (values.isEmpty()) throw new IllegalArgumentException("list must not be empty");
            for (Literal v : values) {
                if (!v.scalar()) throw new IllegalArgumentException("list elements must be scalars");
            }
        }
    }
}
