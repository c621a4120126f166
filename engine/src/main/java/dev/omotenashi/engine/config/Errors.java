package dev.omotenashi.engine.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects validation problems while walking a JSON document, keeping track of the current JSON path.
 * Parsers push a path segment, validate, pop; at the end {@link #throwIfAny()} reports everything at once.
 * Not thread-safe: one instance per validation.
 */
public final class Errors {
    private final List<ConfigError> errors = new ArrayList<>();

    /** Joins a parent path and a field name: {@code field("audience", "all")} is {@code audience.all}. */
    public static String field(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    /** Joins a parent path and an index: {@code index("audience.all", 2)} is {@code audience.all[2]}. */
    public static String index(String parent, int i) {
        return parent + "[" + i + "]";
    }

    public void add(String path, String code, String message) {
        errors.add(new ConfigError(path, code, message));
    }

    public void add(ConfigError error) {
        errors.add(error);
    }

    public void addAll(List<ConfigError> more) {
        errors.addAll(more);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public int size() {
        return errors.size();
    }

    public List<ConfigError> list() {
        return List.copyOf(errors);
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) throw new ValidationException(errors);
    }
}
