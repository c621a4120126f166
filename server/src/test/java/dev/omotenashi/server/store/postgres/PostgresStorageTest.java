package dev.omotenashi.server.store.postgres;

import dev.omotenashi.server.store.JournalRecord;
import dev.omotenashi.server.store.Storage;
import dev.omotenashi.server.store.StorageContract;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The storage contract on a real PostgreSQL, plus what only this backend promises. Each test runs in a fresh
 * schema of its own ({@code t_<random>}), dropped afterwards, so runs never see each other's data.
 *
 * <p>The server: {@code OMOTENASHI_TEST_DATABASE_URL}, else {@value #DEFAULT_URL} (trust auth). The test fails
 * (it does not skip) when nothing answers there: the contract is only proven where it runs.
 */
class PostgresStorageTest extends StorageContract {
    static final String DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/test";

    private String schema;

    static String baseUrl() {
        String url = System.getenv("OMOTENASHI_TEST_DATABASE_URL");
        return url == null || url.isBlank() ? DEFAULT_URL : url;
    }

    /** A connection outside the storage under test, to make and drop schemas and to look inside. */
    static Connection admin() throws SQLException {
        PostgresUrl url = PostgresUrl.parse(baseUrl());
        return DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
    }

    @Override
    protected void prepare() throws SQLException {
        schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
    }

    @Override
    protected Storage openStorage() {
        return PostgresStorage.open(urlIn(schema));
    }

    static String urlIn(String schema) {
        String base = baseUrl();
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    protected void discard() throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    /** A new schema migrated up to {@code version} only, as an older build left it; its name (the test drops it). */
    private String schemaAtVersion(String version) throws SQLException {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        PostgresUrl url = PostgresUrl.parse(urlIn(schema));
        org.flywaydb.core.Flyway.configure(getClass().getClassLoader())
                .dataSource(url.jdbcUrl(), url.user(), url.password())
                .locations("classpath:db/postgres").target(version).load().migrate();
        return schema;
    }

    /** As on SQLite: V4 links the records stored before, across day partitions, and drops the checkpoints. */
    @Test
    void aVersion3DatabaseGetsItsChainsAndLosesItsCheckpoints() throws Exception {
        String old = schemaAtVersion("3");
        try {
            String[] visitors = {"a", "b", "a", "a", "b", "c"};
            try (Connection c = admin(); Statement s = c.createStatement()) {
                for (String day : List.of("d1", "d2")) {
                    long from = day.equals("d1") ? 0 : 4;
                    s.execute("CREATE TABLE " + old + ".journal_" + day + " (LIKE " + old + ".journal INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
                    s.execute("ALTER TABLE " + old + ".journal ATTACH PARTITION " + old + ".journal_" + day
                            + " FOR VALUES FROM (" + from + ") TO (" + (from + 4) + ")");
                }
                for (int i = 0; i < visitors.length; i++) {
                    s.execute("INSERT INTO " + old + ".journal (site, seq, visitor, event_ids, received_at, request) VALUES ('shop', "
                            + (i + 1) + ", '" + visitors[i] + "', '[]', " + (i + 1) + ", '{}')");
                }
                s.execute("INSERT INTO " + old + ".checkpoints (site, seq, state, profile_count) VALUES ('shop', 6, 'complete', 0)");
            }
            try (Storage migrated = PostgresStorage.open(urlIn(old))) {
                List<JournalRecord> all = new ArrayList<>();
                migrated.journal().replay("shop", 0, all::add);
                assertThat(all).extracting(JournalRecord::prevSeq).containsExactly(0L, 0L, 1L, 3L, 2L, 0L);
                assertThat(migrated.journal().byVisitor("shop", "b", 5, Long.MAX_VALUE, 10))
                        .extracting(JournalRecord::seq).containsExactly(5L, 2L);
                assertThat(migrated.checkpoints().load("shop")).isEmpty();
            }
        } finally {
            try (Connection c = admin(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + old + " CASCADE");
            }
        }
    }

    /** As on SQLite: V6 keys a checkpoint's rows by generation and ordinal, and the stored ones keep their profiles. */
    @Test
    void aVersion5DatabaseKeepsItsCheckpointInTheNewLayout() throws Exception {
        String old = schemaAtVersion("5");
        try {
            try (Connection c = admin(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO " + old + ".checkpoints (site, seq, state, profile_count) VALUES ('shop', 6, 'obsolete', 1)");
                s.execute("INSERT INTO " + old + ".checkpoints (site, seq, state, profile_count) VALUES ('shop', 9, 'complete', 3)");
                s.execute("INSERT INTO " + old + ".checkpoint_profiles (generation, person, data) VALUES (1, 'v:a', '\\x01')");
                for (String p : List.of("v:c", "v:a", "u:b")) {
                    s.execute("INSERT INTO " + old + ".checkpoint_profiles (generation, person, data) VALUES (2, '" + p + "', '\\x"
                            + (p.equals("v:a") ? "0a" : "0b") + "')");
                }
            }
            try (Storage migrated = PostgresStorage.open(urlIn(old))) {
                theVersion5CheckpointWasCarriedOver(migrated);
            }
            try (Connection c = admin(); Statement s = c.createStatement();
                 java.sql.ResultSet rs = s.executeQuery("SELECT count(*) FROM " + old + ".checkpoint_rows")) {
                rs.next();
                assertThat(rs.getInt(1)).as("the deleted checkpoint's rows, both generations").isZero();
            }
        } finally {
            try (Connection c = admin(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + old + " CASCADE");
            }
        }
    }

    @Test
    void theJournalHasOnePartitionPerDayOfArrivalAndOneDayAhead() throws SQLException {
        storage.journal().append(List.of(
                new JournalRecord("shop", 1, "v", null, List.of(), DAY0 + 10, "{}", 0),
                new JournalRecord("shop", 2, "v", null, List.of(), DAY0 + 3 * DAY_MS - 1, "{}", 1)));

        assertThat(partitions()).containsExactly("journal_20261122", "journal_20261123", "journal_20261124",
                "journal_20261125");
        assertThat(rowsIn("journal_20261122")).isEqualTo(1);
        assertThat(rowsIn("journal_20261124")).isEqualTo(1);

        reopen(); // a new process finds the partitions made and appends into them
        storage.journal().append(List.of(new JournalRecord("shop", 3, "v", null, List.of(), DAY0 + 20, "{}", 2)));
        assertThat(rowsIn("journal_20261122")).isEqualTo(2);
        assertThat(partitions()).hasSize(4);
    }

    @Test
    void twoNodesMakingTheSameNewDaysAtOnceBothAppend() throws Exception {
        Storage other = open(); // a second node on the same database
        List<Storage> nodes = List.of(storage, other, storage, other);
        AtomicLong seq = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Storage node : nodes) {
                done.add(pool.submit(() -> {
                    for (int day = 0; day < 10; day++) {
                        long s = seq.incrementAndGet();
                        node.journal().append(List.of(new JournalRecord("shop", s, "v", null, List.of("e" + s),
                                DAY0 + day * DAY_MS + s, "{}", 0)));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get(2, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }

        assertThat(replay("shop", 0)).hasSize(40);
        assertThat(partitions()).hasSize(11);
    }

    @Test
    void everyConnectionCommitsSynchronouslyWhateverTheUrlAsks() throws SQLException {
        // An operator's URL that turns synchronous commit off must not weaken the journal's promise.
        try (Storage asked = PostgresStorage.open(urlIn(schema) + "&options=-c%20synchronous_commit%3Doff")) {
            assertThat(((PostgresStorage) asked).setting("synchronous_commit")).isEqualTo("on");
        }
        assertThat(((PostgresStorage) storage).setting("synchronous_commit")).isEqualTo("on");
    }

    private List<String> partitions() throws SQLException {
        try (Connection c = admin(); PreparedStatement ps = c.prepareStatement("SELECT child.relname FROM pg_inherits i"
                + " JOIN pg_class child ON child.oid = i.inhrelid JOIN pg_class parent ON parent.oid = i.inhparent"
                + " JOIN pg_namespace n ON n.oid = parent.relnamespace"
                + " WHERE n.nspname = ? AND parent.relname = 'journal' ORDER BY 1")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> names = new ArrayList<>();
                while (rs.next()) names.add(rs.getString(1));
                return names;
            }
        }
    }

    @Override
    protected long rowsIn(String table) throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + schema + "." + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
