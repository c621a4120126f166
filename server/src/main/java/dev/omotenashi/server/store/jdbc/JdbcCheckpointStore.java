package dev.omotenashi.server.store.jdbc;

import dev.omotenashi.server.store.CheckpointStore;
import dev.omotenashi.server.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.BiConsumer;

/**
 * Checkpoints as generations: {@code checkpoints} has one row per save (its generation, site, seq and state
 * {@code writing → complete → obsolete}), {@code checkpoint_rows} the profiles of each generation, keyed by
 * {@link #rowId generation × 2³² + ordinal}: rows are stored in the order they are written, and a generation's
 * rows are one range of the key, so a save appends to the end of one B-tree and a deletion empties
 * consecutive pages (a key of (generation, person) cost three to five times the pages; docs/storage.md).
 *
 * <p>A save writes its generation's rows in transactions of {@value #CHUNK} profiles, then flips it to
 * {@code complete} and every older generation of the site to {@code obsolete} in one small transaction; then
 * deletes obsolete generations, again in chunks. The flip is what makes the replacement atomic: a reader takes
 * the newest complete generation in one snapshot. Chunking is deliberate: SQLite has one writer, and a single
 * transaction inserting and deleting hundreds of thousands of profiles would hold it for seconds, stalling the
 * journal's appends (the hot path) behind it. A crash mid-save leaves a {@code writing} generation that
 * {@link #load} ignores and the next save or delete of the site removes.
 *
 * <p>The latest checkpoint is the complete generation that started last. Two saves of one site racing (two
 * nodes) both succeed; the one that started later wins. Thread-safe.
 */
public final class JdbcCheckpointStore implements CheckpointStore {
    private static final Logger log = LoggerFactory.getLogger(JdbcCheckpointStore.class);
    /**
     * Profiles written or deleted per transaction: about 250 KB, a few milliseconds, which is as long as a
     * journal commit waits for one on SQLite's single writer.
     */
    static final int CHUNK = 250;

    /** A generation's rows: {@code [generation << ORDINAL_BITS, (generation + 1) << ORDINAL_BITS)}. */
    static final int ORDINAL_BITS = 32;
    /** The highest generation whose rows' keys fit a signed 64-bit id, with room for the range's end. */
    static final long MAX_GENERATION = (Long.MAX_VALUE >> ORDINAL_BITS) - 1;

    private final Database db;

    public JdbcCheckpointStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public Writer begin(String site, long seq) {
        Objects.requireNonNull(site, "site");
        long generation = db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO checkpoints (site, seq, state, profile_count)"
                    + " VALUES (?, ?, 'writing', 0) RETURNING generation")) {
                ps.setString(1, site);
                ps.setLong(2, seq);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        if (generation > MAX_GENERATION) { // never in practice: two billion saves
            throw new StoreException("checkpoint generation " + generation + " does not fit the rows' key; start the data over");
        }
        return new GenerationWriter(site, generation);
    }

    /** The rows of one generation, {@value #CHUNK} per transaction so that journal appends interleave. */
    private final class GenerationWriter implements Writer {
        private final String site;
        private final long generation;
        private long written;
        private boolean complete;

        GenerationWriter(String site, long generation) {
            this.site = site;
            this.generation = generation;
        }

        @Override
        public void write(Map<String, byte[]> profiles) {
            Objects.requireNonNull(profiles, "profiles");
            if (complete) throw new IllegalStateException("checkpoint generation " + generation + " is complete already");
            if (written + profiles.size() >= 1L << ORDINAL_BITS) {
                throw new IllegalArgumentException("a checkpoint holds at most 2^32 profiles");
            }
            writeProfiles(generation, profiles);
        }

        @Override
        public void complete() {
            if (!flip(site, generation, written)) {
                throw new StoreException("checkpoint of site " + site
                        + " was superseded (deleted, or replaced by a later save) while it was being saved");
            }
            complete = true;
            collectGarbage(site);
        }

        @Override
        public void close() {
            if (!complete) discard(generation);
        }

        /** Writes {@code profiles} as the generation's next rows, counting each chunk once it is committed. */
        private void writeProfiles(long generation, Map<String, byte[]> profiles) {
            Iterator<Map.Entry<String, byte[]>> next = profiles.entrySet().iterator();
            while (next.hasNext()) {
                long from = written;
                written += db.write(c -> {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO checkpoint_rows (id, person, data) VALUES (?, ?, ?)")) {
                        int n = 0;
                        for (; n < CHUNK && next.hasNext(); n++) {
                            Map.Entry<String, byte[]> profile = next.next();
                            ps.setLong(1, rowId(generation, from + n));
                            ps.setString(2, Objects.requireNonNull(profile.getKey(), "a profile's key"));
                            ps.setBytes(3, Objects.requireNonNull(profile.getValue(), "a profile's bytes"));
                            ps.addBatch();
                        }
                        ps.executeBatch();
                        return n;
                    }
                });
            }
        }
    }

    /** The key of a generation's row: the generation in the high bits, the row's ordinal in the low ones. */
    static long rowId(long generation, long ordinal) {
        return (generation << ORDINAL_BITS) + ordinal;
    }

    /** Makes the generation the site's checkpoint; false when it was made obsolete meanwhile. */
    private boolean flip(String site, long generation, long profiles) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE checkpoints SET state = 'complete', profile_count = ? WHERE generation = ? AND state = 'writing'")) {
                ps.setLong(1, profiles);
                ps.setLong(2, generation);
                if (ps.executeUpdate() == 0) return false;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE checkpoints SET state = 'obsolete'"
                    + " WHERE site = ? AND generation < ? AND state <> 'obsolete'")) {
                ps.setString(1, site);
                ps.setLong(2, generation);
                ps.executeUpdate();
            }
            return true;
        });
    }

    /** Best effort after a failed save: its rows must not outlive it. */
    private void discard(long generation) {
        try {
            deleteGeneration(generation);
        } catch (StoreException e) {
            log.warn("could not delete the rows of failed checkpoint generation {}", generation, e);
        }
    }

    @Override
    public OptionalLong load(String site, BiConsumer<String, byte[]> sink) {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(sink, "sink");
        return db.readSnapshot(c -> {
            long generation;
            long seq;
            try (PreparedStatement ps = c.prepareStatement("SELECT generation, seq FROM checkpoints"
                    + " WHERE site = ? AND state = 'complete' ORDER BY generation DESC LIMIT 1")) {
                ps.setString(1, site);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return OptionalLong.empty();
                    generation = rs.getLong(1);
                    seq = rs.getLong(2);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT person, data FROM checkpoint_rows WHERE id >= ? AND id < ? ORDER BY id")) {
                ps.setFetchSize(CHUNK);
                ps.setLong(1, rowId(generation, 0));
                ps.setLong(2, rowId(generation + 1, 0));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) sink.accept(rs.getString(1), rs.getBytes(2));
                }
            }
            return OptionalLong.of(seq);
        });
    }

    @Override
    public void delete(String site) {
        Objects.requireNonNull(site, "site");
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE checkpoints SET state = 'obsolete' WHERE site = ? AND state <> 'obsolete'")) {
                ps.setString(1, site);
                ps.executeUpdate();
            }
            return null;
        });
        collectGarbage(site);
    }

    /**
     * Deletes the site's obsolete generations, {@value #CHUNK} rows per transaction. The checkpoint is already
     * replaced or deleted when this runs, so a failure here loses nothing: it is logged, and the next save or
     * delete of the site retries.
     */
    private void collectGarbage(String site) {
        try {
            List<Long> obsolete = db.read(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT generation FROM checkpoints WHERE site = ? AND state = 'obsolete'")) {
                    ps.setString(1, site);
                    try (ResultSet rs = ps.executeQuery()) {
                        List<Long> generations = new ArrayList<>();
                        while (rs.next()) generations.add(rs.getLong(1));
                        return generations;
                    }
                }
            });
            for (long generation : obsolete) deleteGeneration(generation);
        } catch (StoreException e) {
            log.warn("could not delete old checkpoints of site {}; the next save retries", site, e);
        }
    }

    private void deleteGeneration(long generation) {
        // one chunk of consecutive rows per transaction, so that appends interleave; the last row is read again
        // after each pass, since a save that a delete or a later save made obsolete may still be writing rows
        // (its writer's close() discards them too, but a crash there must not leave any behind)
        for (Long last = lastRow(generation); last != null; last = lastRow(generation)) {
            for (long from = rowId(generation, 0); from <= last; from += CHUNK) {
                long lo = from, hi = Math.min(from + CHUNK, last + 1);
                db.write(c -> {
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM checkpoint_rows WHERE id >= ? AND id < ?")) {
                        ps.setLong(1, lo);
                        ps.setLong(2, hi);
                        return ps.executeUpdate();
                    }
                });
            }
        }
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM checkpoints WHERE generation = ?")) {
                ps.setLong(1, generation);
                return ps.executeUpdate();
            }
        });
    }

    /** The id of the generation's last row, null when it has none. */
    private Long lastRow(long generation) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT max(id) FROM checkpoint_rows WHERE id >= ? AND id < ?")) {
                ps.setLong(1, rowId(generation, 0));
                ps.setLong(2, rowId(generation + 1, 0));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long max = rs.getLong(1);
                    return rs.wasNull() ? null : max;
                }
            }
        });
    }
}
