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
 * {@code writing → complete → obsolete}), {@code checkpoint_profiles} the rows of each generation.
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
            written += writeProfiles(generation, profiles);
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
    }

    private int writeProfiles(long generation, Map<String, byte[]> profiles) {
        Iterator<Map.Entry<String, byte[]>> next = profiles.entrySet().iterator();
        int written = 0;
        while (next.hasNext()) {
            written += db.write(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO checkpoint_profiles (generation, person, data) VALUES (?, ?, ?)")) {
                    int n = 0;
                    for (; n < CHUNK && next.hasNext(); n++) {
                        Map.Entry<String, byte[]> profile = next.next();
                        ps.setLong(1, generation);
                        ps.setString(2, Objects.requireNonNull(profile.getKey(), "a profile's key"));
                        ps.setBytes(3, Objects.requireNonNull(profile.getValue(), "a profile's bytes"));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                    return n;
                }
            });
        }
        return written;
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
                    "SELECT person, data FROM checkpoint_profiles WHERE generation = ? ORDER BY person")) {
                ps.setFetchSize(CHUNK);
                ps.setLong(1, generation);
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
        while (db.write(c -> deleteSomeRows(c, generation)) > 0) {
            // one chunk per transaction, so that appends interleave
        }
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM checkpoints WHERE generation = ?")) {
                ps.setLong(1, generation);
                return ps.executeUpdate();
            }
        });
    }

    private static int deleteSomeRows(Connection c, long generation) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM checkpoint_profiles WHERE generation = ? AND person IN"
                + " (SELECT person FROM checkpoint_profiles WHERE generation = ? ORDER BY person LIMIT " + CHUNK + ")")) {
            ps.setLong(1, generation);
            ps.setLong(2, generation);
            return ps.executeUpdate();
        }
    }
}
