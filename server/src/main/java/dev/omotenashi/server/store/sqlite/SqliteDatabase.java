package dev.omotenashi.server.store.sqlite;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.omotenashi.server.store.StoreException;
import dev.omotenashi.server.store.jdbc.Database;
import dev.omotenashi.server.store.jdbc.SqlWork;
import dev.omotenashi.server.store.jdbc.ThreadTransaction;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One SQLite file with SQLite's concurrency model made explicit: one writer connection, used by one thread
 * at a time under a lock, and a small pool of read-only connections. In WAL mode readers never wait for the
 * writer and the writer never waits for readers; the lock only orders this process's writes, which SQLite
 * would serialise anyway.
 *
 * <p>Write transactions are {@code BEGIN IMMEDIATE … COMMIT} issued by hand on a connection left in JDBC
 * auto-commit mode: sqlite-jdbc's own non-auto-commit mode begins the next transaction as soon as one commits,
 * which in immediate mode would hold the file's write lock between transactions and shut out other processes
 * (the CLI, a backup) for the life of the server.
 *
 * <p>Checkpoints (copying the write-ahead log into the database file) run on a thread of their own, not in
 * the committing connection: SQLite's automatic checkpoint would run inside whichever COMMIT crossed the
 * threshold, and every journal append waiting for that group commit would wait for the copy and its fsync
 * too. The writer has {@code wal_autocheckpoint=0}; a second connection runs {@code wal_checkpoint(PASSIVE)}
 * every {@link #CHECKPOINT_EVERY_MS} ms, which never blocks the writer or the readers. The log starts over
 * from its beginning once everything in it has been copied; under sustained writes the writer makes that
 * happen when the log grows long ({@link #restartLogIfWanted}), so the file stays small. It does so only once
 * the checkpointer has caught up with the log, so that what the writer copies while appends wait is small.
 */
final class SqliteDatabase implements Database {
    private static final Logger log = LoggerFactory.getLogger(SqliteDatabase.class);
    /** How long a statement waits for another process's lock before failing with SQLITE_BUSY. */
    static final int BUSY_TIMEOUT_MS = 10_000;
    /** How often the checkpointer copies the write-ahead log into the database file. */
    static final long CHECKPOINT_EVERY_MS = 250;
    /**
     * Frames in the log (64 MB of 4 KB pages, the journal size limit) past which the checkpointer also starts
     * the log over. Under sustained writes the log never empties by itself: a commit always lands while a
     * passive checkpoint copies, so the writer never finds everything copied, and the file would grow by
     * every page ever written (tens of MB a second at full load), each write extending the file.
     */
    static final int RESTART_AT_FRAMES = 16_384;
    /** Passive rounds back to back at most, per scheduled round, while a long log is catching up. */
    private static final int CATCH_UP_ROUNDS = 8;
    /** A round that copied at most restartAtFrames / this many new frames has caught up (256 frames, 1 MB). */
    private static final int REMAINDER_DIVISOR = 64;
    /** The least a round may have found new and still count as caught up, for small limits (tests). */
    private static final int MIN_REMAINDER_FRAMES = 64;
    /**
     * The log's length, in multiples of {@link #RESTART_AT_FRAMES}, at which the writer starts it over even if
     * the checkpointer never catches up (writes faster than it copies): the file's size stays bounded.
     */
    private static final int FORCE_RESTART_FACTOR = 4;

    private final String url;
    private final Connection writer;
    /**
     * Orders this process's writes. Fair: a long task writing in many short transactions (a checkpoint's
     * chunks) queues behind the journal's commit after each one, instead of taking the lock back before the
     * waiting writer wakes up, which held every append (and so every answer) for the whole save.
     */
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final ThreadTransaction transaction = new ThreadTransaction("SQLite");
    private final HikariDataSource readers;
    private final Connection checkpointer;
    private final ScheduledExecutorService checkpoints;
    private final int restartAtFrames;
    /** Set by the checkpointer when the log is long: the writer finishes the copy after its next commit. */
    private volatile boolean restartWanted;
    private volatile boolean closed;

    SqliteDatabase(Path file, int readConnections) {
        this(file, readConnections, CHECKPOINT_EVERY_MS, RESTART_AT_FRAMES);
    }

    SqliteDatabase(Path file, int readConnections, long checkpointEveryMs, int restartAtFrames) {
        this.restartAtFrames = restartAtFrames;
        this.url = "jdbc:sqlite:" + file.toAbsolutePath();
        try {
            this.writer = writerConfig().createConnection(url);
        } catch (SQLException e) {
            throw new StoreException("cannot open SQLite database " + file + ": " + e.getMessage(), e);
        }
        try (Statement s = writer.createStatement()) {
            s.execute("PRAGMA wal_autocheckpoint=0");
            this.checkpointer = writerConfig().createConnection(url);

        } catch (SQLException e) {
            closeQuietly(writer);
            throw new StoreException("cannot open SQLite database " + file + ": " + e.getMessage(), e);
        }
        try {
            SQLiteDataSource readOnly = new SQLiteDataSource(readerConfig());
            readOnly.setUrl(url);
            HikariConfig pool = new HikariConfig();
            pool.setDataSource(readOnly);
            pool.setPoolName("omotenashi-sqlite-read");
            pool.setReadOnly(true); // the pool sets the flag on each connection; sqlite-jdbc refuses to change it
            pool.setMaximumPoolSize(readConnections);
            pool.setConnectionTimeout(BUSY_TIMEOUT_MS);
            this.readers = new HikariDataSource(pool);
        } catch (RuntimeException e) {
            closeQuietly(checkpointer);
            closeQuietly(writer);
            throw new StoreException("cannot open SQLite readers of " + file + ": " + e.getMessage(), e);
        }
        this.checkpoints = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sqlite-checkpoint");
            t.setDaemon(true);
            return t;
        });
        checkpoints.scheduleWithFixedDelay(this::checkpoint, checkpointEveryMs, checkpointEveryMs, TimeUnit.MILLISECONDS);
    }

    /**
     * Copies what it can of the write-ahead log into the database file without waiting for anyone; a
     * failure (a full disk, say) is left for the next round, and the log keeps the data meanwhile. When the
     * log has grown past {@link #restartAtFrames}, it copies again at once until a round finds little new
     * ({@link #caughtUp}), and then asks the writer to start the log over (see {@link #restartLogIfWanted}).
     */
    private void checkpoint() {
        int previous = -1; // frames in the log at the previous round, -1 before the first
        for (int round = 0; round < CATCH_UP_ROUNDS && !closed; round++) {
            int frames;
            int copied;
            try (Statement st = checkpointer.createStatement(); ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
                rs.next();
                frames = rs.getInt(2); // (busy, frames in the log, frames copied)
                copied = rs.getInt(3);
            } catch (SQLException | RuntimeException e) {
                if (!closed) log.debug("WAL checkpoint failed, retried at the next round: {}", e.getMessage());
                return;
            }
            if (frames < restartAtFrames) return;
            if (caughtUp(previous, frames, copied, restartAtFrames) || frames >= FORCE_RESTART_FACTOR * restartAtFrames) {
                restartWanted = true;
                return;
            }
            previous = frames; // a long log that was still moving: copy again at once, the next round has less
        }
    }

    /**
     * Whether the writer may start the log over now: this round copied everything, and it had only a few
     * frames to copy beyond what the round before it had seen, so it was short, and few frames can have been
     * committed during it. The writer's copy, which appends wait for, is then small. A checkpoint of profiles
     * writes tens of MB a second; asking at once, as the writer used to be asked, left it 100–150 ms of log to
     * copy while every append waited (docs/performance.md, fifteenth session).
     * @param previous frames in the log at the round before, -1 if this is the first
     */
    static boolean caughtUp(int previous, int frames, int copied, int restartAtFrames) {
        return previous >= 0 && frames >= previous && copied == frames
                && frames - previous <= Math.max(MIN_REMAINDER_FRAMES, restartAtFrames / REMAINDER_DIVISOR);
    }

    /**
     * Under sustained writes the log never empties by itself: a commit always lands while the checkpointer
     * copies, so no transaction of the writer ever starts on a fully copied log, which is what lets SQLite
     * start the log over. The file would grow by every page ever written (tens of MB a second at full load),
     * each write extending it. So when the checkpointer finds the log long, the writer itself, right after a
     * commit and before its next one, copies the few frames committed since the checkpointer's last round.
     * Its next transaction then finds the log fully copied and rewrites it from its first block. A passive
     * copy never waits for a lock: what a reader still needs is skipped, and the restart is tried again later.
     * Appends queued meanwhile do wait for the copy and its sync, once per 64 MB of log; the checkpointer asks
     * only once it has caught up ({@link #caughtUp}), so that copy is of at most about a megabyte.
     */
    private void restartLogIfWanted() {
        if (!restartWanted || closed) return;
        restartWanted = false;
        try (Statement s = writer.createStatement(); ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            rs.next();
        } catch (SQLException | RuntimeException e) {
            log.debug("WAL copy before a restart failed; tried again later: {}", e.getMessage());
        }
    }

    /**
     * The writer's settings. {@code synchronous=FULL} syncs the WAL on every commit, so an append that
     * returned survives power loss (as far as the disk honours fsync); NORMAL, SQLite's usual WAL choice, may
     * lose the last commits then, which would break the promise of a 2xx.
     */
    static SQLiteConfig writerConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        // Keep the WAL file from staying at its high-water mark after a big checkpoint save.
        config.setJournalSizeLimit(64 * 1024 * 1024);
        return config;
    }

    private static SQLiteConfig readerConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true); // a write through a reader would bypass the write lock
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        return config;
    }

    @Override
    public <T> T write(SqlWork<T> work) {
        Connection joined = transaction.current();
        if (joined != null) return transaction.nestedWrite(joined, work);
        writeLock.lock();
        try {
            ensureOpen();
            try {
                return inTransaction(writer, "BEGIN IMMEDIATE", c -> transaction.bind(c, work));
            } finally {
                restartLogIfWanted();
            }
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public <T> T read(SqlWork<T> work) {
        Connection joined = transaction.current();
        if (joined != null) return transaction.joinedRead(joined, work);
        ensureOpen();
        try (Connection c = readers.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException("SQLite read failed: " + e.getMessage(), e);
        }
    }

    @Override
    public <T> T readSnapshot(SqlWork<T> work) {
        Connection joined = transaction.current();
        if (joined != null) return transaction.joinedRead(joined, work); // one transaction: one snapshot already
        ensureOpen();
        try (Connection c = readers.getConnection()) {
            // A deferred transaction takes its WAL snapshot at the first read and keeps it to the end.
            return inTransaction(c, "BEGIN", work);
        } catch (SQLException e) {
            throw new StoreException("SQLite read failed: " + e.getMessage(), e);
        }
    }

    private static <T> T inTransaction(Connection c, String begin, SqlWork<T> work) {
        try (Statement s = c.createStatement()) {
            s.execute(begin);
            T result;
            try {
                result = work.run(c);
                s.execute("COMMIT");
            } catch (SQLException | RuntimeException | Error e) {
                rollback(s, e);
                throw e;
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException("SQLite transaction failed: " + e.getMessage(), e);
        }
    }

    private static void rollback(Statement s, Throwable cause) {
        try {
            s.execute("ROLLBACK");
        } catch (SQLException e) {
            // Some errors (SQLITE_FULL, SQLITE_IOERR …) make SQLite roll back by itself; nothing is left to undo.
            if (e.getMessage() == null || !e.getMessage().contains("no transaction is active")) cause.addSuppressed(e);
        }
    }

    @Override
    public boolean isUniqueViolation(SQLException e) {
        return e instanceof SQLiteException se
                && (se.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                || se.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY);
    }

    @Override
    public boolean healthy() {
        if (closed) return false;
        try {
            return read(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
                    return rs.next();
                }
            });
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A pragma's value as the writer connection sees it (tests check the durability settings). */
    String writerPragma(String name) {
        return write(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
    }

    @Override
    public void close() {
        writeLock.lock(); // wait for the write in flight
        try {
            if (closed) return;
            closed = true;
            checkpoints.shutdown();
            try {
                checkpoints.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            readers.close();
            closeQuietly(checkpointer);
            closeQuietly(writer); // the last connection to close checkpoints the whole log
        } finally {
            writeLock.unlock();
        }
    }

    private void ensureOpen() {
        if (closed) throw new StoreException("SQLite storage " + url + " is closed");
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing after a failure: the first error is the one reported
        }
    }
}
