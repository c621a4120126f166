package dev.omotenashi.server.store;

/** A storage operation failed (I/O, constraint, connection). Nothing of the failed operation was applied. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
