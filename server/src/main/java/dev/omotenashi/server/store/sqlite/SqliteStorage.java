package dev.omotenashi.server.store.sqlite;

import dev.omotenashi.server.store.StoreException;
import dev.omotenashi.server.store.jdbc.JdbcStorage;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The embedded default: everything in one SQLite file, {@value #FILE_NAME}, in the data folder. WAL mode with
 * {@code synchronous=FULL}, so an append that returned survives {@code kill -9} and power loss; one writer
 * connection and a few read-only ones, so reads never wait for writes. Schemas are migrated by Flyway from
 * {@code db/sqlite/} when opened. See docs/storage.md.
 *
 * <p>One process should open a data folder at a time: a second one works (SQLite locks the file) but its
 * writes wait for the first's, up to a busy timeout of ten seconds. Thread-safe.
 */
public final class SqliteStorage extends JdbcStorage<SqliteDatabase> {
    private static final Logger log = LoggerFactory.getLogger(SqliteStorage.class);
    /** The database file's name inside the data folder. */
    public static final String FILE_NAME = "omotenashi.db";

    private SqliteStorage(SqliteDatabase db) {
        super(db);
    }

    /**
     * Opens (creating when missing) the data folder's database and migrates its schema.
     *
     * @throws StoreException when the folder or file cannot be created or opened, or a migration fails
     */
    public static SqliteStorage open(Path dataDir) {
        return open(dataDir, SqliteDatabase.CHECKPOINT_EVERY_MS, SqliteDatabase.RESTART_AT_FRAMES);
    }

    /** With another checkpoint rhythm and log length at which the write-ahead log starts over (tests). */
    static SqliteStorage open(Path dataDir, long checkpointEveryMs, int restartLogAtFrames) {
        Objects.requireNonNull(dataDir, "dataDir");
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StoreException("cannot create data folder " + dataDir + ": " + e.getMessage(), e);
        }
        migrate(file);
        // Readers are cheap (a file handle and a page cache each); a replay or a checkpoint load holds one for long.
        int readers = Math.clamp(Runtime.getRuntime().availableProcessors(), 4, 8);
        log.info("SQLite storage at {}", file.toAbsolutePath());
        return new SqliteStorage(new SqliteDatabase(file, readers, checkpointEveryMs, restartLogAtFrames));
    }

    private static void migrate(Path file) {
        SQLiteDataSource source = new SQLiteDataSource(SqliteDatabase.writerConfig());
        source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        try {
            Flyway.configure(SqliteStorage.class.getClassLoader())
                    .dataSource(source)
                    .locations("classpath:db/sqlite")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreException("cannot migrate SQLite database " + file + ": " + e.getMessage(), e);
        }
    }


    /** For tests: a pragma's value on the writer connection. */
    String writerPragma(String name) {
        return db.writerPragma(name);
    }
}
