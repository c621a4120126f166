package dev.omotenashi.server.store.jdbc;

import dev.omotenashi.server.store.AuditStore;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The history of changes in {@code audit_log} (migration V3). {@link #append} runs through
 * {@link Database#write}, which joins the thread's transaction when it is inside one: that is how a change
 * and its entry commit together. Thread-safe.
 */
public final class JdbcAuditStore implements AuditStore {
    private static final String COLUMNS = "id, at, actor_type, actor_id, actor_login, actor_name, actor_token, actor_token_name,"
            + " action, kind, object_id, site, before_json, after_json, detail";

    private final Database db;

    public JdbcAuditStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public long append(Entry e) {
        Objects.requireNonNull(e, "entry");
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (at, actor_type, actor_id, actor_login,"
                    + " actor_name, actor_token, actor_token_name, action, kind, object_id, site, before_json, after_json, detail)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
                ps.setLong(1, e.at());
                ps.setString(2, e.actor().type());
                setNullable(ps, 3, e.actor().operatorId());
                setNullable(ps, 4, e.actor().login());
                setNullable(ps, 5, e.actor().name());
                setNullable(ps, 6, e.actor().token());
                setNullable(ps, 7, e.actor().tokenName());
                ps.setString(8, e.action());
                ps.setString(9, e.kind());
                setNullable(ps, 10, e.objectId());
                setNullable(ps, 11, e.site());
                setNullable(ps, 12, e.before());
                setNullable(ps, 13, e.after());
                setNullable(ps, 14, e.detail());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) throw new SQLException("INSERT … RETURNING id returned no row");
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public List<Entry> list(Query q) {
        Objects.requireNonNull(q, "query");
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM audit_log WHERE id < ?");
        List<String> params = new ArrayList<>();
        if (q.site() != null) {
            sql.append(" AND site = ?");
            params.add(q.site());
        }
        if (q.kind() != null) {
            sql.append(" AND kind = ?");
            params.add(q.kind());
        }
        if (q.objectId() != null) {
            sql.append(" AND object_id = ?");
            params.add(q.objectId());
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int i = 1;
                ps.setLong(i++, q.before());
                for (String p : params) ps.setString(i++, p);
                ps.setInt(i, q.limit());
                try (ResultSet rs = ps.executeQuery()) {
                    List<Entry> out = new ArrayList<>();
                    while (rs.next()) out.add(entry(rs));
                    return out;
                }
            }
        });
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        Actor actor = new Actor(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getString(8));
        return new Entry(rs.getLong(1), rs.getLong(2), actor, rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15));
    }

    private static void setNullable(PreparedStatement ps, int i, String value) throws SQLException {
        if (value == null) ps.setNull(i, Types.VARCHAR);
        else ps.setString(i, value);
    }
}
