package dev.omotenashi.server.store.jdbc;

import dev.omotenashi.server.store.ConfigObject;
import dev.omotenashi.server.store.DuplicateKeyException;
import dev.omotenashi.server.store.SiteRecord;
import dev.omotenashi.server.store.SiteStore;
import dev.omotenashi.server.store.StoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Sites in table {@code sites}, their objects in {@code config_objects}. A taken key is reported as a
 * {@link DuplicateKeyException} naming the field. Deleting a site deletes everything stored under its id, in
 * one transaction: objects, journal, event ids and checkpoints. Thread-safe.
 */
public final class JdbcSiteStore implements SiteStore {
    private static final String SITE_COLUMNS =
            "id, name, key, write_key, domains, timezone, session_timeout_seconds, settings, created_at, updated_at";

    private final Database db;

    public JdbcSiteStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public List<SiteRecord> sites() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + SITE_COLUMNS + " FROM sites ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                List<SiteRecord> sites = new ArrayList<>();
                while (rs.next()) sites.add(site(rs));
                return sites;
            }
        });
    }

    @Override
    public Optional<SiteRecord> site(String id) {
        Objects.requireNonNull(id, "id");
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + SITE_COLUMNS + " FROM sites WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(site(rs)) : Optional.empty();
                }
            }
        });
    }

    /** @throws DuplicateKeyException when another site has this key or write key */
    @Override
    public void putSite(SiteRecord site) {
        Objects.requireNonNull(site, "site");
        try {
            db.write(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO sites (" + SITE_COLUMNS + ")"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                        + " name = excluded.name, key = excluded.key, write_key = excluded.write_key,"
                        + " domains = excluded.domains, timezone = excluded.timezone,"
                        + " session_timeout_seconds = excluded.session_timeout_seconds, settings = excluded.settings,"
                        + " created_at = excluded.created_at, updated_at = excluded.updated_at")) {
                    ps.setString(1, site.id());
                    ps.setString(2, site.name());
                    ps.setString(3, site.key());
                    ps.setString(4, site.writeKey());
                    ps.setString(5, Json.strings(site.domains()));
                    ps.setString(6, site.timezone());
                    ps.setLong(7, site.sessionTimeoutSeconds());
                    ps.setString(8, site.settingsJson());
                    ps.setLong(9, site.createdAt());
                    ps.setLong(10, site.updatedAt());
                    ps.executeUpdate();
                }
                return null;
            });
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException sql && db.isUniqueViolation(sql)) throw duplicateKey(site, e);
            throw e;
        }
    }

    /** Names the key that is taken; the write has been rolled back, so this reads what others committed. */
    private DuplicateKeyException duplicateKey(SiteRecord site, StoreException failure) {
        String field = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sites WHERE key = ? AND id <> ?")) {
                ps.setString(1, site.key());
                ps.setString(2, site.id());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? "key" : "writeKey";
                }
            }
        });
        String value = field.equals("key") ? site.key() : "(the write key)"; // never echo a secret
        return new DuplicateKeyException(field, "another site already has " + field + " " + value, failure.getCause());
    }

    @Override
    public boolean deleteSite(String id) {
        Objects.requireNonNull(id, "id");
        return db.write(c -> {
            // Rows without a foreign key to sites (the journal's tables are written on the hot path, where a
            // per-row foreign-key check costs) are deleted explicitly, in this same transaction.
            update(c, "DELETE FROM config_objects WHERE site = ?", id);
            update(c, "DELETE FROM journal WHERE site = ?", id);
            update(c, "DELETE FROM journal_floor WHERE site = ?", id);
            // the site's checkpoints, then each one's rows (one range of the key); a save still writing rows of one
            // of them removes them when its writer closes (JdbcCheckpointStore.deleteGeneration)
            List<Long> generations = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM checkpoints WHERE site = ? RETURNING generation")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) generations.add(rs.getLong(1));
                }
            }
            for (long g : generations) { // a generation's rows are one range of the key
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM checkpoint_rows WHERE id >= ? AND id < ?")) {
                    ps.setLong(1, JdbcCheckpointStore.rowId(g, 0));
                    ps.setLong(2, JdbcCheckpointStore.rowId(g + 1, 0));
                    ps.executeUpdate();
                }
            }
            return update(c, "DELETE FROM sites WHERE id = ?", id) > 0;
        });
    }

    @Override
    public List<ConfigObject> objects(String site, String kind) {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(kind, "kind");
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT site, kind, id, json, updated_at FROM config_objects"
                    + " WHERE site = ? AND kind = ? ORDER BY id")) {
                ps.setString(1, site);
                ps.setString(2, kind);
                try (ResultSet rs = ps.executeQuery()) {
                    List<ConfigObject> objects = new ArrayList<>();
                    while (rs.next()) objects.add(object(rs));
                    return objects;
                }
            }
        });
    }

    @Override
    public Optional<ConfigObject> object(String site, String kind, String id) {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT site, kind, id, json, updated_at FROM config_objects"
                    + " WHERE site = ? AND kind = ? AND id = ?")) {
                ps.setString(1, site);
                ps.setString(2, kind);
                ps.setString(3, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(object(rs)) : Optional.empty();
                }
            }
        });
    }

    /** @throws StoreException when the object's site does not exist (foreign key) */
    @Override
    public void putObject(ConfigObject object) {
        Objects.requireNonNull(object, "object");
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO config_objects (site, kind, id, json, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (site, kind, id) DO UPDATE SET"
                    + " json = excluded.json, updated_at = excluded.updated_at")) {
                ps.setString(1, object.site());
                ps.setString(2, object.kind());
                ps.setString(3, object.id());
                ps.setString(4, object.json());
                ps.setLong(5, object.updatedAt());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public boolean deleteObject(String site, String kind, String id) {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM config_objects WHERE site = ? AND kind = ? AND id = ?")) {
                ps.setString(1, site);
                ps.setString(2, kind);
                ps.setString(3, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    private static int update(Connection c, String sql, String param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            return ps.executeUpdate();
        }
    }

    private static SiteRecord site(ResultSet rs) throws SQLException {
        return new SiteRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Json.strings(rs.getString(5)), rs.getString(6), rs.getLong(7), rs.getString(8), rs.getLong(9),
                rs.getLong(10));
    }

    private static ConfigObject object(ResultSet rs) throws SQLException {
        return new ConfigObject(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5));
    }
}
