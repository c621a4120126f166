package dev.omotenashi.server.store;

import java.util.Objects;

/**
 * A site could not be stored because one of its keys belongs to another site. Nothing was changed. The HTTP
 * layer answers it as a validation error on {@link #field()}.
 */
public final class DuplicateKeyException extends StoreException {
    private final String field;

    /** @param field the {@link SiteRecord} component whose value is taken: {@code key} or {@code writeKey} */
    public DuplicateKeyException(String field, String message, Throwable cause) {
        super(message, cause);
        this.field = Objects.requireNonNull(field, "field");
    }

    /** {@code key} or {@code writeKey}. */
    public String field() {
        return field;
    }
}
