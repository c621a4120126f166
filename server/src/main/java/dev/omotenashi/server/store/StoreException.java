package dev.omotenashi.server.store;

/**
 * A storage operation failed (I/O, constraint, connection). Nothing of the failed operation was applied.
 * Not final so that failures a caller answers differently (a taken key: {@link DuplicateKeyException}) can be
 * told apart while every storage failure is still a {@code StoreException}.
 */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
