package dev.omotenashi.server.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.omotenashi.server.store.StoreException;
import dev.omotenashi.server.store.jdbc.JdbcStorage;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/**
 * The scale-out backend: PostgreSQL, shared by any number of stateless nodes. A HikariCP pool; synchronous
 * commit; the journal partitioned by day; JDBC batches rewritten into multi-row inserts. Schemas are migrated
 * by Flyway from {@code db/postgres/} when opened (Flyway's lock makes concurrent starts safe). The schema is
 * the connection's current schema ({@code currentSchema=} in the URL, else {@code public}). See
 * docs/storage.md. Thread-safe.
 */
public final class PostgresStorage extends JdbcStorage<PostgresDatabase> {
    private static final Logger log = LoggerFactory.getLogger(PostgresStorage.class);
    /** Connections per node: a few more than the threads that use the store at once (writer, readers). */
    public static final int DEFAULT_POOL_SIZE = 10;

    private PostgresStorage(PostgresDatabase db) {
        super(db);
    }

    /**
     * Connects with a pool of {@value #DEFAULT_POOL_SIZE} and migrates the schema.
     *
     * @param url {@code jdbc:postgresql://…} or {@code postgresql://user:password@host:port/db?…} (see
     *            {@link PostgresUrl})
     * @throws IllegalArgumentException when the URL is in neither form
     * @throws StoreException           when the database cannot be reached or a migration fails
     */
    public static PostgresStorage open(String url) {
        return open(url, DEFAULT_POOL_SIZE);
    }

    /** As {@link #open(String)}, with this many pooled connections at most. */
    public static PostgresStorage open(String url, int poolSize) {
        PostgresUrl where = PostgresUrl.parse(Objects.requireNonNull(url, "url"));
        if (poolSize < 1) throw new IllegalArgumentException("poolSize must be at least 1: " + poolSize);
        HikariConfig config = new HikariConfig();
        config.setPoolName("omotenashi-pg");
        config.setJdbcUrl(where.jdbcUrl());
        if (where.user() != null) config.setUsername(where.user());
        if (where.password() != null) config.setPassword(where.password());
        config.setMaximumPoolSize(poolSize);
        config.setAutoCommit(false);
        config.setConnectionTimeout(10_000);
        config.setConnectionInitSql("SET synchronous_commit = on");
        // Commit the init SQL: with auto-commit off, Hikari otherwise hands out a new connection inside the
        // transaction that statement began, and a read then fails to set it read-only ("Cannot change
        // transaction read-only property in the middle of a transaction"): seen with parallel sign-ins.
        config.setIsolateInternalQueries(true);
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("ApplicationName", "omotenashi");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot connect to PostgreSQL at " + PostgresUrl.redact(where.jdbcUrl())
                    + ": " + e.getMessage(), e);
        }
        try {
            Flyway.configure(PostgresStorage.class.getClassLoader())
                    .dataSource(pool)
                    .locations("classpath:db/postgres")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            pool.close();
            throw new StoreException("cannot migrate PostgreSQL at " + PostgresUrl.redact(where.jdbcUrl())
                    + ": " + e.getMessage(), e);
        }
        log.info("PostgreSQL storage at {}", PostgresUrl.redact(where.jdbcUrl()));
        return new PostgresStorage(new PostgresDatabase(pool));
    }

    /** For tests: a run-time setting as a pooled connection sees it. */
    String setting(String name) {
        return db.read(c -> {
            try (var ps = c.prepareStatement("SELECT current_setting(?)")) {
                ps.setString(1, name);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }

}
