package dev.omotenashi.server.store.postgres;

import dev.omotenashi.server.store.JournalRecord;
import dev.omotenashi.server.store.StoreException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The journal's day partitions: {@code journal_YYYYMMDD} holds the records whose {@code received_at} falls on
 * that UTC day. Before a batch is appended, the partitions of its days and of the day after each exist.
 *
 * <p>A partition is made with {@code CREATE TABLE … (LIKE journal …)} and {@code ALTER TABLE journal ATTACH
 * PARTITION}, not {@code CREATE TABLE … PARTITION OF}: attaching locks the parent in SHARE UPDATE EXCLUSIVE
 * mode, which neither waits for nor blocks running replays and appends, while {@code PARTITION OF} needs
 * ACCESS EXCLUSIVE and would queue every append behind a long replay. Creators on several nodes serialise on
 * a transaction-scoped advisory lock and re-check, so a day is created once. Days already seen are
 * remembered, so the check costs one set lookup per batch. Thread-safe.
 */
final class JournalPartitions {
    private static final long DAY_MS = 86_400_000L;
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'journal_'yyyyMMdd");
    /** The last day a partition can be named for (the name has four digits of year). */
    private static final long MAX_RECEIVED_AT = LocalDate.of(9999, 12, 31).toEpochDay() * DAY_MS;

    private final DataSource pool;
    private final Set<LocalDate> present = ConcurrentHashMap.newKeySet();

    JournalPartitions(DataSource pool) {
        this.pool = pool;
    }

    /** @throws IllegalArgumentException when a record's receivedAt is before 1970 or after 9999 */
    void ensureFor(List<JournalRecord> batch) {
        Set<LocalDate> missing = new TreeSet<>();
        for (JournalRecord r : batch) {
            if (r.receivedAt() < 0 || r.receivedAt() > MAX_RECEIVED_AT) {
                throw new IllegalArgumentException("receivedAt out of range (1970 to 9999): " + r.receivedAt());
            }
            LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(r.receivedAt(), DAY_MS));
            if (!present.contains(day)) missing.add(day);
            if (!present.contains(day.plusDays(1))) missing.add(day.plusDays(1)); // ahead: midnight finds it made
        }
        for (LocalDate day : missing) create(day);
    }

    static String name(LocalDate day) {
        return NAME.format(day);
    }

    private void create(LocalDate day) {
        String table = name(day);
        long from = day.toEpochDay() * DAY_MS;
        try (Connection c = pool.getConnection()) {
            try {
                try (PreparedStatement lock = c.prepareStatement(
                        "SELECT pg_advisory_xact_lock(hashtext(current_schema()), hashtext('journal partitions'))")) {
                    lock.execute();
                }
                if (!exists(c, table)) {
                    try (Statement s = c.createStatement()) {
                        s.execute("CREATE TABLE " + table + " (LIKE journal INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
                        s.execute("ALTER TABLE journal ATTACH PARTITION " + table
                                + " FOR VALUES FROM (" + from + ") TO (" + (from + DAY_MS) + ")");
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot create journal partition " + table + ": " + e.getMessage(), e);
        }
        present.add(day);
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_inherits i"
                + " JOIN pg_class child ON child.oid = i.inhrelid"
                + " JOIN pg_class parent ON parent.oid = i.inhparent"
                + " JOIN pg_namespace n ON n.oid = child.relnamespace"
                + " WHERE n.nspname = current_schema() AND parent.relname = 'journal' AND child.relname = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
