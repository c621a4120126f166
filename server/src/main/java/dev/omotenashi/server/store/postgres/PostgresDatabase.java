package dev.omotenashi.server.store.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.omotenashi.server.store.JournalRecord;
import dev.omotenashi.server.store.StoreException;
import dev.omotenashi.server.store.jdbc.Database;
import dev.omotenashi.server.store.jdbc.SqlWork;
import dev.omotenashi.server.store.jdbc.ThreadTransaction;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * PostgreSQL through a HikariCP pool whose connections never auto-commit: every call is one explicit
 * transaction (which also lets pgjdbc stream a replay through a cursor instead of loading it whole). Each
 * connection runs with {@code synchronous_commit = on}, whatever the server's or role's default, so a
 * commit that returned is on disk (and on synchronous standbys, where configured).
 */
final class PostgresDatabase implements Database {
    private final HikariDataSource pool;
    private final JournalPartitions partitions;
    private final ThreadTransaction transaction = new ThreadTransaction("PostgreSQL");

    PostgresDatabase(HikariDataSource pool) {
        this.pool = pool;
        this.partitions = new JournalPartitions(pool);
    }

    @Override
    public <T> T write(SqlWork<T> work) {
        return inTransaction(false, false, work);
    }

    @Override
    public <T> T read(SqlWork<T> work) {
        return inTransaction(true, false, work);
    }

    @Override
    public <T> T readSnapshot(SqlWork<T> work) {
        return inTransaction(true, true, work);
    }

    private <T> T inTransaction(boolean readOnly, boolean snapshot, SqlWork<T> work) {
        Connection joined = transaction.current();
        if (joined != null) return readOnly ? transaction.joinedRead(joined, work) : transaction.nestedWrite(joined, work);
        if (pool.isClosed()) throw new StoreException("PostgreSQL storage is closed");
        try (Connection c = pool.getConnection()) {
            // The pool resets both settings when the connection comes back.
            if (readOnly) c.setReadOnly(true);
            if (snapshot) c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                T result = readOnly ? work.run(c) : transaction.bind(c, work);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                try {
                    c.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("PostgreSQL " + (readOnly ? "read" : "write") + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    @Override
    public void beforeAppend(List<JournalRecord> batch) {
        partitions.ensureFor(batch);
    }

    @Override
    public boolean healthy() {
        if (pool.isClosed()) return false;
        try (Connection c = pool.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
