package dev.omotenashi.engine.config;

import java.util.Objects;

/**
 * One problem found while validating configuration or input: the JSON path of the offending value
 * ({@code audience.all[2].op}, {@code events[0].name}) and what was expected there.
 *
 * @param path    JSON path relative to the validated document; empty for the document itself
 * @param code    a stable machine-readable code ({@code required}, {@code invalid_type}, {@code unknown_field} ...)
 * @param message a sentence for people, naming what was expected
 */
public record ConfigError(String path, String code, String message) {
    public ConfigError {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public static ConfigError of(String path, String code, String message) {
        return new ConfigError(path, code, message);
    }

    @Override
    public String toString() {
        return (path.isEmpty() ? "$" : path) + ": " + message;
    }
}
