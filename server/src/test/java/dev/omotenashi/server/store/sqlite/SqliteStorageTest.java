package dev.omotenashi.server.store.sqlite;

import dev.omotenashi.server.store.JournalRecord;
import dev.omotenashi.server.store.Storage;
import dev.omotenashi.server.store.StorageContract;
import dev.omotenashi.server.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The storage contract on SQLite, plus what only the embedded backend promises. */
class SqliteStorageTest extends StorageContract {
    @TempDir
    Path temp;
    private Path dataDir;

    @Override
    protected void prepare() {
        dataDir = temp.resolve("data"); // does not exist yet: open creates it
    }

    @Override
    protected Storage openStorage() {
        return SqliteStorage.open(dataDir);
    }

    @Override
    protected void discard() {
        // @TempDir removes the folder
    }

    @Override
    protected long rowsIn(String table) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(SqliteStorage.FILE_NAME));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * V4 replaces the index by visitor with a chain: the records stored before get their links, and the
     * checkpoints, which do not know where the chains start, are dropped so the next start replays.
     */
    @Test
    void aVersion3DatabaseGetsItsChainsAndLosesItsCheckpoints() throws Exception {
        Path old = temp.resolve("old");
        String url = databaseAtVersion(old, "3");
        String[] visitors = {"a", "b", "a", "a", "b", "c"};
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (int i = 0; i < visitors.length; i++) {
                s.execute("INSERT INTO journal (site, seq, visitor, event_ids, received_at, request) VALUES ('shop', "
                        + (i + 1) + ", '" + visitors[i] + "', '[\"e" + (i + 1) + "\"]', " + (i + 1) + ", '{}')");
            }
            s.execute("INSERT INTO journal (site, seq, visitor, event_ids, received_at, request) VALUES ('other', 1, 'a', '[]', 1, '{}')");
            s.execute("INSERT INTO checkpoints (site, seq, state, profile_count) VALUES ('shop', 6, 'complete', 1)");
            s.execute("INSERT INTO checkpoint_profiles (generation, person, data) VALUES (1, 'v:a', x'02')");
        }

        try (SqliteStorage migrated = SqliteStorage.open(old)) {
            List<JournalRecord> all = new java.util.ArrayList<>();
            migrated.journal().replay("shop", 0, all::add);
            assertThat(all).extracting(JournalRecord::prevSeq).containsExactly(0L, 0L, 1L, 3L, 2L, 0L);
            assertThat(migrated.journal().byVisitor("shop", "a", 4, Long.MAX_VALUE, 10))
                    .extracting(JournalRecord::seq).containsExactly(4L, 3L, 1L);
            assertThat(migrated.journal().byVisitor("other", "a", 1, Long.MAX_VALUE, 10)).hasSize(1);
            assertThat(migrated.checkpoints().load("shop")).isEmpty();
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE name = 'journal_by_visitor'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    /** V6 keys a checkpoint's rows by generation and ordinal: the checkpoints stored before keep their profiles. */
    @Test
    void aVersion5DatabaseKeepsItsCheckpointInTheNewLayout() throws Exception {
        Path old = temp.resolve("old5");
        String url = databaseAtVersion(old, "5");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("INSERT INTO checkpoints (site, seq, state, profile_count) VALUES ('shop', 6, 'obsolete', 1)");
            s.execute("INSERT INTO checkpoints (site, seq, state, profile_count) VALUES ('shop', 9, 'complete', 3)");
            s.execute("INSERT INTO checkpoint_profiles (generation, person, data) VALUES (1, 'v:a', x'01')");
            for (String p : List.of("v:c", "v:a", "u:b")) {
                s.execute("INSERT INTO checkpoint_profiles (generation, person, data) VALUES (2, '" + p + "', x'" + (p.equals("v:a") ? "0a" : "0b") + "')");
            }
        }
        try (SqliteStorage migrated = SqliteStorage.open(old)) {
            theVersion5CheckpointWasCarriedOver(migrated);
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM checkpoint_rows")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the deleted checkpoint's rows, both generations").isZero();
        }
    }

    /** A database in {@code dir} migrated up to {@code version} only, as an older build left it; its JDBC URL. */
    private String databaseAtVersion(Path dir, String version) throws java.io.IOException {
        Files.createDirectories(dir);
        String url = "jdbc:sqlite:" + dir.resolve(SqliteStorage.FILE_NAME);
        org.flywaydb.core.Flyway.configure(getClass().getClassLoader()).dataSource(url, null, null)
                .locations("classpath:db/sqlite").target(version).load().migrate();
        return url;
    }

    @Test
    void theDatabaseIsOneFileInTheDataFolder() {
        assertThat(Files.isRegularFile(dataDir.resolve(SqliteStorage.FILE_NAME))).isTrue();
    }

    @Test
    void theWriterSyncsEveryCommitOfAWriteAheadLog() {
        SqliteStorage sqlite = (SqliteStorage) storage;
        assertThat(sqlite.writerPragma("journal_mode")).isEqualToIgnoringCase("wal");
        assertThat(sqlite.writerPragma("synchronous")).isEqualTo("2"); // FULL
        assertThat(sqlite.writerPragma("foreign_keys")).isEqualTo("1");
        assertThat(Integer.parseInt(sqlite.writerPragma("busy_timeout"))).isPositive();
        assertThat(sqlite.writerPragma("wal_autocheckpoint")).as("checkpoints run off the commit path").isEqualTo("0");
    }

    @Test
    void theCheckpointerCopiesTheLogIntoTheDatabaseFileWithoutTheWriter() throws Exception {
        storage.sites().putSite(site("shop"));
        Path file = dataDir.resolve(SqliteStorage.FILE_NAME);
        long before = Files.size(file);
        for (int i = 1; i <= 500; i++) storage.journal().append(List.of(record("shop", i, "visitor-" + i, "event-" + i)));
        // The writer never checkpoints (wal_autocheckpoint=0): the database file grows only when the
        // checkpointer thread copies the log's pages into it.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (Files.size(file) <= before && System.nanoTime() < deadline) Thread.sleep(50);
        assertThat(Files.size(file)).as("the database file took the appended pages").isGreaterThan(before);
    }

    @Test
    void theLogStartsOverUnderSustainedWritesInsteadOfGrowingWithEveryPage() throws Exception {
        storage.close();
        storage = SqliteStorage.open(dataDir, 20, 256); // checkpoints every 20 ms; start over past 1 MB of log, not 64
        storage.sites().putSite(site("shop"));
        Path wal = dataDir.resolve(SqliteStorage.FILE_NAME + "-wal");
        String payload = "x".repeat(6_000);
        long largest = 0;
        long seq = 0;
        // 3,000 commits back to back (many checkpoint rounds): a passive checkpoint alone never finds the log
        // fully copied, so without the restart the log keeps every page written (over 18 MB here).
        while (seq < 3_000) {
            seq++;
            storage.journal().append(List.of(new JournalRecord("shop", seq, "visitor-" + (seq * 7919 % 1000), null,
                    List.of("event-" + seq), seq, "{\"pad\":\"" + payload + "\"}", 0)));
            if (seq % 50 == 0 && Files.exists(wal)) largest = Math.max(largest, Files.size(wal));
        }
        long written = seq * payload.length();
        assertThat(largest).as("largest log seen, after %d commits of %d bytes", seq, payload.length())
                .isLessThan(written / 3);
        assertThat(replay("shop", 0)).hasSize((int) seq); // and nothing was lost by starting over
    }

    @Test
    void theWriterIsAskedToStartTheLogOverOnlyOnceTheCheckpointerHasCaughtUp() {
        int restartAt = 16_384; // 1 MB of new frames (256) is the most the writer is left to copy
        assertThat(SqliteDatabase.caughtUp(-1, 20_000, 20_000, restartAt)).as("a first round: how fast the log moves is unknown").isFalse();
        assertThat(SqliteDatabase.caughtUp(17_000, 20_000, 20_000, restartAt)).as("3,000 frames came during the last round").isFalse();
        assertThat(SqliteDatabase.caughtUp(20_000, 20_200, 20_200, restartAt)).as("200 frames came: a short round").isTrue();
        assertThat(SqliteDatabase.caughtUp(20_000, 20_256, 20_256, restartAt)).isTrue();
        assertThat(SqliteDatabase.caughtUp(20_000, 20_257, 20_257, restartAt)).isFalse();
        assertThat(SqliteDatabase.caughtUp(20_000, 20_100, 19_000, restartAt)).as("a reader kept frames from being copied").isFalse();
        assertThat(SqliteDatabase.caughtUp(20_000, 300, 300, restartAt)).as("the log started over in between").isFalse();
        assertThat(SqliteDatabase.caughtUp(300, 364, 364, 256)).as("a small log limit still allows 64 frames").isTrue();
        assertThat(SqliteDatabase.caughtUp(300, 365, 365, 256)).isFalse();
    }

    @Test
    void readsDoNotWaitForAWriterHoldingTheDatabase() throws Exception {
        storage.sites().putSite(site("shop"));
        storage.journal().append(List.of(record("shop", 1, "v", "e1")));
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(SqliteStorage.FILE_NAME));
             Statement s = other.createStatement()) {
            // Another writer (a second process, say) holds the strongest lock SQLite has, mid-transaction.
            // Without WAL this would make every read below wait out the busy timeout and fail.
            s.execute("BEGIN EXCLUSIVE");
            s.execute("INSERT INTO journal (site, seq, visitor, event_ids, received_at, request)"
                    + " VALUES ('shop', 2, 'v', '[]', 0, '{}')");

            assertThat(storage.sites().site("shop")).isPresent();
            assertThat(replay("shop", 0)).extracting(JournalRecord::seq).containsExactly(1L); // not the uncommitted 2
            assertThat(storage.journal().knownEventIds("shop", List.of("e1"))).containsExactly("e1");
            assertThat(storage.checkpoints().load("shop")).isEmpty();
            assertThat(storage.healthy()).isTrue();
            s.execute("ROLLBACK");
        }
    }

    @Test
    void aBatchWithAnAlreadyStoredSeqStoresNothing() {
        storage.journal().append(List.of(record("shop", 1, "v", "e1")));

        assertThatThrownBy(() -> storage.journal().append(List.of(record("shop", 2, "v", "e2"), record("shop", 1, "w", "e3"))))
                .isInstanceOf(StoreException.class);

        assertThat(replay("shop", 0)).extracting(JournalRecord::seq).containsExactly(1L);
        assertThat(storage.journal().knownEventIds("shop", List.of("e2", "e3"))).isEmpty();
        storage.journal().append(List.of(record("shop", 2, "v", "e2"))); // the writer is usable afterwards
        assertThat(storage.journal().lastSeq("shop")).isEqualTo(2);
    }
}
