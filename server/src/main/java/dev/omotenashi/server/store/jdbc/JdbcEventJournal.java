package dev.omotenashi.server.store.jdbc;

import dev.omotenashi.server.store.EventJournal;
import dev.omotenashi.server.store.JournalRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The journal in table {@code journal}, keyed by (site, seq), each record linked to its visitor's previous one
 * ({@code prev_seq}: a chain rather than an index by visitor, whose random inserts cost a page write per
 * record). A record's event ids are in its own row ({@code event_ids}, a JSON array); there is no table of
 * them (V5 dropped it): the server de-duplicates with its in-memory window of recent ids, and an index only
 * {@link #knownEventIds} read cost about a third of the pages of every commit.
 *
 * <p><b>{@link #lastSeq} never goes back</b>: {@link #deleteVisitor} records the highest seq it deleted in
 * {@code journal_floor}, so deleting the person whose records were the newest cannot make the server hand out
 * a seq again (one a checkpoint may already claim to cover).
 *
 * <p>Thread-safe: every method is one transaction of the {@link Database}.
 */
public final class JdbcEventJournal implements EventJournal {
    private static final Logger log = LoggerFactory.getLogger(JdbcEventJournal.class);
    /** Rows per JDBC batch sent: bounds the driver's buffers when a batch has many thousand records. */
    private static final int SEND_EVERY = 1_000;
    private static final String RECORD_COLUMNS = "site, seq, visitor, user_id, event_ids, received_at, request, prev_seq";

    private final Database db;

    public JdbcEventJournal(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /**
     * {@inheritDoc}
     *
     * <p>A (site, seq) that is already stored is a caller bug: SQLite rejects the whole batch; PostgreSQL,
     * whose day partitions cannot enforce uniqueness across days, does not check it.
     */
    @Override
    public void append(List<JournalRecord> batch) {
        Objects.requireNonNull(batch, "batch");
        if (batch.isEmpty()) return;
        db.beforeAppend(batch);
        db.write(c -> {
            try (PreparedStatement records = c.prepareStatement(
                    "INSERT INTO journal (" + RECORD_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                int pending = 0;
                for (JournalRecord r : batch) {
                    records.setString(1, r.site());
                    records.setLong(2, r.seq());
                    records.setString(3, r.visitor());
                    if (r.user() == null) records.setNull(4, Types.VARCHAR);
                    else records.setString(4, r.user());
                    records.setString(5, Json.strings(r.eventIds()));
                    records.setLong(6, r.receivedAt());
                    records.setString(7, r.request());
                    records.setLong(8, r.prevSeq());
                    records.addBatch();
                    if (++pending == SEND_EVERY) {
                        records.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) records.executeBatch();
                return null;
            }
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>Rows are streamed: one connection (and, on SQLite, one read snapshot) is held until the sink has seen
     * the last record. The sink runs on the calling thread; an exception it throws ends the replay and is
     * rethrown.
     */
    @Override
    public void replay(String site, long afterSeq, Consumer<JournalRecord> sink) {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(sink, "sink");
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + RECORD_COLUMNS + " FROM journal WHERE site = ? AND seq > ? ORDER BY seq")) {
                ps.setFetchSize(SEND_EVERY);
                ps.setString(1, site);
                ps.setLong(2, afterSeq);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) sink.accept(record(rs));
                }
            }
            return null;
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>Follows the visitor's chain ({@code prev_seq}) by primary key: one lookup per record returned, and
     * with a cursor the walk starts at the cursor's record rather than at the head. A link the journal lacks
     * (its commit failed) is stepped over by scanning the site's older records for the visitor, which is
     * slow but only happens after a failure.
     *
     * @throws IllegalArgumentException when limit is negative
     */
    @Override
    public List<JournalRecord> byVisitor(String site, String visitor, long head, long beforeSeq, int limit) {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(visitor, "visitor");
        if (limit < 0) throw new IllegalArgumentException("limit must not be negative: " + limit);
        if (limit == 0 || head <= 0) return List.of();
        return db.read(c -> {
            List<JournalRecord> out = new ArrayList<>();
            walk(c, site, visitor, head, beforeSeq, rec -> {
                out.add(rec);
                return out.size() < limit;
            });
            return out;
        });
    }

    /**
     * Hands {@code sink} the visitor's records with {@code seq < beforeSeq}, newest first, from the chain
     * that starts at {@code head}, until it returns false or the chain ends.
     */
    private static void walk(Connection c, String site, String visitor, long head, long beforeSeq,
                             Predicate<JournalRecord> sink) throws SQLException {
        try (PreparedStatement at = c.prepareStatement("SELECT " + RECORD_COLUMNS + " FROM journal WHERE site = ? AND seq = ?")) {
            long next = head;
            if (beforeSeq <= head) {
                // a cursor from a page before: its record, if it is this visitor's, links on to the next page
                JournalRecord cursor = recordAt(at, site, beforeSeq);
                if (cursor != null && cursor.visitor().equals(visitor)) next = cursor.prevSeq();
            }
            while (next > 0) {
                JournalRecord rec = recordAt(at, site, next);
                if (rec == null || !rec.visitor().equals(visitor)) {
                    scanOlder(c, site, visitor, Math.min(next, beforeSeq), sink);
                    return;
                }
                if (rec.seq() < beforeSeq && !sink.test(rec)) return;
                next = rec.prevSeq();
            }
        }
    }

    private static JournalRecord recordAt(PreparedStatement at, String site, long seq) throws SQLException {
        at.setString(1, site);
        at.setLong(2, seq);
        try (ResultSet rs = at.executeQuery()) {
            return rs.next() ? record(rs) : null;
        }
    }

    /** The missing link's way round: every older record of the site, the visitor's among them, newest first. */
    private static void scanOlder(Connection c, String site, String visitor, long beforeSeq,
                                  Predicate<JournalRecord> sink) throws SQLException {
        log.info("journal chain of a visitor of site {} misses a link before seq {}; scanning the older records", site, beforeSeq);
        try (PreparedStatement ps = c.prepareStatement("SELECT " + RECORD_COLUMNS + " FROM journal"
                + " WHERE site = ? AND seq < ? AND visitor = ? ORDER BY seq DESC")) {
            ps.setFetchSize(SEND_EVERY);
            ps.setString(1, site);
            ps.setLong(2, beforeSeq);
            ps.setString(3, visitor);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!sink.test(record(rs))) return;
                }
            }
        }
    }

    /** {@inheritDoc} Records deleted by {@link #deleteVisitor} still count: the answer never decreases. */
    @Override
    public long lastSeq(String site) {
        Objects.requireNonNull(site, "site");
        return db.read(c -> Math.max(maxSeq(c, site), longOrZero(c, "SELECT seq FROM journal_floor WHERE site = ?", site)));
    }

    /**
     * {@inheritDoc}
     *
     * <p>A scan of the site's records (their {@code event_ids} column), streamed, that stops once every id asked
     * about was found. Only tests call it, never the hot path, where the server asks its in-memory window.
     */
    @Override
    public Set<String> knownEventIds(String site, Collection<String> eventIds) {
        Objects.requireNonNull(site, "site");
        Set<String> wanted = new HashSet<>(eventIds);
        if (wanted.isEmpty()) return Set.of();
        return db.read(c -> {
            Set<String> known = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT event_ids FROM journal WHERE site = ?")) {
                ps.setFetchSize(SEND_EVERY);
                ps.setString(1, site);
                try (ResultSet rs = ps.executeQuery()) {
                    while (known.size() < wanted.size() && rs.next()) {
                        for (String id : Json.strings(rs.getString(1))) if (wanted.contains(id)) known.add(id);
                    }
                }
            }
            return known;
        });
    }

    /**
     * {@inheritDoc} The ids of the deleted records' events are forgotten with them. The records are found as
     * {@link #byVisitor} finds them, before the deleting transaction: a chain that ends at {@code head} gets
     * no new links, and its walk (a scan, past a missing link) must not hold the writer that commits every
     * site's requests.
     */
    @Override
    public int deleteVisitor(String site, String visitor, long head) {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(visitor, "visitor");
        if (head <= 0) return 0;
        List<JournalRecord> doomed = db.read(c -> {
            List<JournalRecord> found = new ArrayList<>();
            walk(c, site, visitor, head, Long.MAX_VALUE, found::add);
            return found;
        });
        if (doomed.isEmpty()) return 0;
        return db.write(c -> {
            int deleted = 0;
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM journal WHERE site = ? AND seq = ?")) {
                int pending = 0;
                for (JournalRecord rec : doomed) {
                    delete.setString(1, site);
                    delete.setLong(2, rec.seq());
                    delete.addBatch();
                    if (++pending == SEND_EVERY) {
                        deleted += rows(delete.executeBatch());
                        pending = 0;
                    }
                }
                if (pending > 0) deleted += rows(delete.executeBatch());
            }
            if (deleted == 0) return 0; // another deletion took them meanwhile
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO journal_floor (site, seq) VALUES (?, ?)"
                    + " ON CONFLICT (site) DO UPDATE SET seq = CASE WHEN excluded.seq > journal_floor.seq"
                    + " THEN excluded.seq ELSE journal_floor.seq END")) {
                ps.setString(1, site);
                ps.setLong(2, doomed.getFirst().seq()); // newest first
                ps.executeUpdate();
            }
            return deleted;
        });
    }

    /** Rows a batch changed; a driver that does not know a statement's count (-2) counts as one. */
    private static int rows(int[] counts) {
        int n = 0;
        for (int count : counts) n += count == Statement.SUCCESS_NO_INFO ? 1 : Math.max(0, count);
        return n;
    }

    private static long maxSeq(Connection c, String site) throws SQLException {
        return longOrZero(c, "SELECT max(seq) FROM journal WHERE site = ?", site);
    }

    private static long longOrZero(Connection c, String sql, String site) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, site);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0; // getLong of SQL NULL (max of no rows) is 0
            }
        }
    }

    private static JournalRecord record(ResultSet rs) throws SQLException {
        return new JournalRecord(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                Json.strings(rs.getString(5)), rs.getLong(6), rs.getString(7), rs.getLong(8));
    }
}
