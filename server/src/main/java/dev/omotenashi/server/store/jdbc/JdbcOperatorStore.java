package dev.omotenashi.server.store.jdbc;

import dev.omotenashi.server.store.DuplicateKeyException;
import dev.omotenashi.server.store.OperatorStore;
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
 * Operators in {@code operators}, with {@code operator_sessions}, {@code operator_tokens} and
 * {@code operator_invites} (migration V2). Dependent rows are deleted explicitly (SQLite runs without
 * foreign-key enforcement). Thread-safe.
 */
public final class JdbcOperatorStore implements OperatorStore {
    private static final String OPERATOR_COLUMNS =
            "id, login, name, role, password_hash, failed_attempts, locked_until, created_at";
    private static final String TOKEN_COLUMNS = "id, operator_id, name, token_hash, created_at, last_used_at";

    private final Database db;

    public JdbcOperatorStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public long count() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM operators");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public List<Operator> operators() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + OPERATOR_COLUMNS + " FROM operators ORDER BY login");
                 ResultSet rs = ps.executeQuery()) {
                List<Operator> out = new ArrayList<>();
                while (rs.next()) out.add(operator(rs));
                return out;
            }
        });
    }

    @Override
    public Optional<Operator> byId(String id) {
        return one("SELECT " + OPERATOR_COLUMNS + " FROM operators WHERE id = ?", id);
    }

    @Override
    public Optional<Operator> byLogin(String login) {
        return one("SELECT " + OPERATOR_COLUMNS + " FROM operators WHERE login = ?", login);
    }

    private Optional<Operator> one(String sql, String param) {
        Objects.requireNonNull(param, "param");
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, param);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(operator(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void create(Operator o) {
        try {
            db.write(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO operators (" + OPERATOR_COLUMNS + ")"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, o.id());
                    ps.setString(2, o.login());
                    ps.setString(3, o.name());
                    ps.setString(4, o.role());
                    ps.setString(5, o.passwordHash());
                    ps.setInt(6, o.failedAttempts());
                    ps.setLong(7, o.lockedUntil());
                    ps.setLong(8, o.createdAt());
                    ps.executeUpdate();
                }
                return null;
            });
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException sql && db.isUniqueViolation(sql)) {
                throw new DuplicateKeyException("login", "another operator already signs in as " + o.login(), sql);
            }
            throw e;
        }
    }

    @Override
    public boolean update(String id, String name, String role) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE operators SET name = ?, role = ? WHERE id = ?")) {
                ps.setString(1, name);
                ps.setString(2, role);
                ps.setString(3, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public void setPassword(String id, String passwordHash) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE operators SET password_hash = ?, failed_attempts = 0, locked_until = 0 WHERE id = ?")) {
                ps.setString(1, passwordHash);
                ps.setString(2, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public int countFailure(String id) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE operators SET failed_attempts = failed_attempts + 1 WHERE id = ? RETURNING failed_attempts")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    @Override
    public void lock(String id, long lockedUntil) {
        setFailures(id, 0, lockedUntil);
    }

    @Override
    public void clearFailures(String id) {
        setFailures(id, 0, 0);
    }

    private void setFailures(String id, int failedAttempts, long lockedUntil) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE operators SET failed_attempts = ?, locked_until = ? WHERE id = ?")) {
                ps.setInt(1, failedAttempts);
                ps.setLong(2, lockedUntil);
                ps.setString(3, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public boolean delete(String id) {
        return db.write(c -> {
            update(c, "DELETE FROM operator_sessions WHERE operator_id = ?", id);
            update(c, "DELETE FROM operator_tokens WHERE operator_id = ?", id);
            update(c, "DELETE FROM operator_invites WHERE operator_id = ?", id);
            return update(c, "DELETE FROM operators WHERE id = ?", id) > 0;
        });
    }

    @Override
    public void putSession(Session s) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO operator_sessions"
                    + " (id_hash, operator_id, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, s.idHash());
                ps.setString(2, s.operatorId());
                ps.setString(3, s.csrf());
                ps.setLong(4, s.createdAt());
                ps.setLong(5, s.expiresAt());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<Session> session(String idHash) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id_hash, operator_id, csrf, created_at, expires_at"
                    + " FROM operator_sessions WHERE id_hash = ?")) {
                ps.setString(1, idHash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Session(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getLong(4), rs.getLong(5))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void deleteSession(String idHash) {
        db.write(c -> update(c, "DELETE FROM operator_sessions WHERE id_hash = ?", idHash));
    }

    @Override
    public void deleteSessions(String operatorId) {
        db.write(c -> update(c, "DELETE FROM operator_sessions WHERE operator_id = ?", operatorId));
    }

    @Override
    public int deleteExpiredSessions(long now) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM operator_sessions WHERE expires_at < ?")) {
                ps.setLong(1, now);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public void putToken(Token t) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO operator_tokens (" + TOKEN_COLUMNS + ")"
                    + " VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, t.id());
                ps.setString(2, t.operatorId());
                ps.setString(3, t.name());
                ps.setString(4, t.tokenHash());
                ps.setLong(5, t.createdAt());
                if (t.lastUsedAt() == null) ps.setNull(6, java.sql.Types.BIGINT);
                else ps.setLong(6, t.lastUsedAt());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<Token> tokens(String operatorId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + TOKEN_COLUMNS
                    + " FROM operator_tokens WHERE operator_id = ? ORDER BY created_at, id")) {
                ps.setString(1, operatorId);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Token> out = new ArrayList<>();
                    while (rs.next()) out.add(token(rs));
                    return out;
                }
            }
        });
    }

    @Override
    public Optional<Token> tokenByHash(String tokenHash) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + TOKEN_COLUMNS + " FROM operator_tokens WHERE token_hash = ?")) {
                ps.setString(1, tokenHash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(token(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void touchToken(String id, long at) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE operator_tokens SET last_used_at = ? WHERE id = ?")) {
                ps.setLong(1, at);
                ps.setString(2, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public boolean deleteToken(String operatorId, String id) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM operator_tokens WHERE operator_id = ? AND id = ?")) {
                ps.setString(1, operatorId);
                ps.setString(2, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public void putInvite(String tokenHash, String operatorId, long expiresAt) {
        db.write(c -> {
            update(c, "DELETE FROM operator_invites WHERE operator_id = ?", operatorId);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO operator_invites (token_hash, operator_id, expires_at) VALUES (?, ?, ?)")) {
                ps.setString(1, tokenHash);
                ps.setString(2, operatorId);
                ps.setLong(3, expiresAt);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<String> takeInvite(String tokenHash, long now) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM operator_invites WHERE token_hash = ? RETURNING operator_id, expires_at")) {
                ps.setString(1, tokenHash);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.<String>empty();
                    return rs.getLong(2) >= now ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    private static int update(Connection c, String sql, String param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            return ps.executeUpdate();
        }
    }

    private static Operator operator(ResultSet rs) throws SQLException {
        return new Operator(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getInt(6), rs.getLong(7), rs.getLong(8));
    }

    private static Token token(ResultSet rs) throws SQLException {
        long used = rs.getLong(6);
        Long lastUsed = rs.wasNull() ? null : used;
        return new Token(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), lastUsed);
    }
}
