package dev.omotenashi.engine.config;

import java.util.List;

/** Test helper: the errors a parse reports, or none. */
public final class Problems {
    private Problems() {}

    public static List<ConfigError> of(Runnable parse) {
        try {
            parse.run();
            return List.of();
        } catch (ValidationException e) {
            return e.errors();
        }
    }
}
