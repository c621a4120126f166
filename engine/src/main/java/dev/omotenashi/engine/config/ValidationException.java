package dev.omotenashi.engine.config;

import java.util.List;

/**
 * Thrown when a configuration object or an input does not validate. Carries every problem found, not
 * just the first one, so an operator can fix them all at once. Nothing was applied when it is thrown.
 */
public final class ValidationException extends RuntimeException {
    private final List<ConfigError> errors;

    public ValidationException(List<ConfigError> errors) {
        super(summary(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a ValidationException needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    public ValidationException(ConfigError error) {
        this(List.of(error));
    }

    public List<ConfigError> errors() {
        return errors;
    }

    private static String summary(List<ConfigError> errors) {
        if (errors.isEmpty()) return "invalid";
        StringBuilder sb = new StringBuilder();
        for (ConfigError e : errors) {
            if (!sb.isEmpty()) sb.append("; ");
            sb.append(e);
        }
        return sb.toString();
    }
}
