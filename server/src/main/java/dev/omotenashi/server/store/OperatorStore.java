package dev.omotenashi.server.store;

import java.util.List;
import java.util.Optional;

/**
 * The console's operators, their sign-in sessions, personal API tokens and one-time invitations
 * (docs/console.md). Secrets arrive here already hashed: this store never sees a password, session id or
 * token. Implementations: SQLite and PostgreSQL (one JDBC implementation). Thread-safe; every method atomic.
 */
public interface OperatorStore {
    /** An operator. {@code passwordHash} is null until an invitation is accepted. */
    record Operator(String id, String login, String name, String role, String passwordHash,
                    int failedAttempts, long lockedUntil, long createdAt) {}

    /** A sign-in session, found by the SHA-256 of its cookie value. */
    record Session(String idHash, String operatorId, String csrf, long createdAt, long expiresAt) {}

    /** A personal API token (its hash only). */
    record Token(String id, String operatorId, String name, String tokenHash, long createdAt, Long lastUsedAt) {}

    /** How many operators there are. */
    long count();

    List<Operator> operators();

    Optional<Operator> byId(String id);

    Optional<Operator> byLogin(String login);

    /**
     * Creates an operator.
     *
     * @throws DuplicateKeyException when the login is taken
     */
    void create(Operator operator);

    /** Changes name and role. False when there is no such operator. */
    boolean update(String id, String name, String role);

    /** Sets the password hash and clears failures and lock-out. */
    void setPassword(String id, String passwordHash);

    /**
     * Counts a failed sign-in, atomically (parallel guesses each count), and returns the new count of
     * failures in a row.
     */
    int countFailure(String id);

    /** Locks an operator until the given time and clears the failure count. */
    void lock(String id, long lockedUntil);

    /** Clears failures after a successful sign-in. */
    void clearFailures(String id);

    /** Deletes an operator with their sessions, tokens and invitations. False when there was none. */
    boolean delete(String id);

    void putSession(Session session);

    Optional<Session> session(String idHash);

    void deleteSession(String idHash);

    /** Deletes every session of an operator (role change, deletion, password change). */
    void deleteSessions(String operatorId);

    /** Deletes every session that expired before {@code now}. */
    int deleteExpiredSessions(long now);

    void putToken(Token token);

    List<Token> tokens(String operatorId);

    Optional<Token> tokenByHash(String tokenHash);

    /** Records a token's use, at most once a minute per token worth writing; callers decide. */
    void touchToken(String id, long at);

    /** Deletes one of an operator's tokens. False when the operator has no such token. */
    boolean deleteToken(String operatorId, String id);

    /** Stores an invitation; an operator has at most one (a new one replaces the old). */
    void putInvite(String tokenHash, String operatorId, long expiresAt);

    /**
     * Takes an invitation: returns its operator id and deletes it, in one transaction, when it exists and
     * has not expired at {@code now}; empty otherwise (a second use finds nothing).
     */
    Optional<String> takeInvite(String tokenHash, long now);
}
