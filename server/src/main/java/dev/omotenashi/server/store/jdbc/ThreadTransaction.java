package dev.omotenashi.server.store.jdbc;

import dev.omotenashi.server.store.StoreException;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The write transaction a thread is inside, for one {@link Database}: while a write runs, its connection is
 * bound to the thread, and the stores' calls made from inside it join it instead of opening their own. This
 * is how several stores' writes, and the audit entry that records them, commit together
 * ({@link dev.omotenashi.server.store.Storage#inTransaction}).
 *
 * <p>A write that joins runs inside a savepoint: when it fails, only its own statements are undone and its
 * exception propagates, as a write of its own would have left nothing behind; the enclosing transaction
 * stays usable (PostgreSQL would otherwise refuse every later statement of an aborted transaction) and the
 * caller decides whether the whole fails. A read that joins runs on the transaction's connection, so it sees
 * the transaction's own writes.
 *
 * <p>Each thread sees only its own binding (requests run on virtual threads, one per request).
 */
public final class ThreadTransaction {
    private final String name;
    private final ThreadLocal<Connection> bound = new ThreadLocal<>();

    /** @param name the backend's name, for error messages */
    public ThreadTransaction(String name) {
        this.name = name;
    }

    /** The connection of the write transaction this thread is inside, or null. */
    public Connection current() {
        return bound.get();
    }

    /** Runs a transaction's work with its connection bound to this thread. */
    public <T> T bind(Connection c, SqlWork<T> work) throws SQLException {
        bound.set(c);
        try {
            return work.run(c);
        } finally {
            bound.remove();
        }
    }

    /** Runs a write inside the bound transaction, in a savepoint of its own. */
    public <T> T nestedWrite(Connection c, SqlWork<T> work) {
        try (Statement s = c.createStatement()) {
            s.execute("SAVEPOINT nested_write");
            T result;
            try {
                result = work.run(c);
            } catch (SQLException | RuntimeException | Error e) {
                try {
                    s.execute("ROLLBACK TO SAVEPOINT nested_write");
                    s.execute("RELEASE SAVEPOINT nested_write");
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
            s.execute("RELEASE SAVEPOINT nested_write");
            return result;
        } catch (SQLException e) {
            throw new StoreException(name + " write failed: " + e.getMessage(), e);
        }
    }

    /** Runs a read on the bound transaction's connection. */
    public <T> T joinedRead(Connection c, SqlWork<T> work) {
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(name + " read failed: " + e.getMessage(), e);
        }
    }
}
