package dev.omotenashi.server.store.jdbc;

import dev.omotenashi.server.store.JournalRecord;
import dev.omotenashi.server.store.StoreException;

import java.sql.SQLException;
import java.util.List;

/**
 * What the shared JDBC stores need from a backend: transactions on its connections, and the few things in
 * which SQLite and PostgreSQL differ at run time. The stores' SQL itself is portable (both speak
 * {@code INSERT … ON CONFLICT}, {@code RETURNING} and row subqueries); schemas differ and live in one set of
 * Flyway migrations per dialect.
 *
 * <p>Thread-safe. Every method wraps {@link SQLException} in {@link StoreException} after rolling back; a
 * {@link RuntimeException} thrown by the work itself is rethrown unchanged, also after rolling back.
 */
public interface Database extends AutoCloseable {

    /**
     * Runs work in a write transaction: committed (durably) when it returns normally, else rolled back.
     *
     * <p>Called while this thread is already inside a write of this database, the work joins that
     * transaction instead, in a savepoint: when it fails only its own statements are undone (and its exception
     * propagates); when it succeeds its statements commit or roll back with the enclosing transaction. Work
     * inside a write must therefore not wait for another thread that writes to this database.
     */
    <T> T write(SqlWork<T> work);

    /**
     * Runs read-only work. Each statement sees committed data; two statements may see different commits.
     * A result set may be streamed: the connection is held until the work returns. Called inside a write of
     * this thread, the work runs on the write's connection and sees its uncommitted changes.
     */
    <T> T read(SqlWork<T> work);

    /** Runs read-only work whose statements all see one snapshot (a checkpoint's header and its rows). */
    <T> T readSnapshot(SqlWork<T> work);

    /** Whether the exception is a violated unique or primary key constraint. */
    boolean isUniqueViolation(SQLException e);

    /** Called before a batch's write transaction, outside it (PostgreSQL creates the day partitions). */
    default void beforeAppend(List<JournalRecord> batch) {
    }

    /** Whether the database answers a trivial query now. Never throws. */
    boolean healthy();

    /** Closes every connection. Idempotent; later calls of the other methods throw {@link StoreException}. */
    @Override
    void close();
}
