-- The console's operators (docs/console.md): people who sign in, their sessions, personal API tokens and
-- one-time invitations. Secrets are never stored: passwords as Argon2id hashes, session ids, tokens and
-- invitations as SHA-256 hashes (they are random and long, so a fast hash is enough).

CREATE TABLE operators (
    id              TEXT    NOT NULL PRIMARY KEY,
    login           TEXT    NOT NULL UNIQUE,
    name            TEXT,
    role            TEXT    NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
    password_hash   TEXT,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until    INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL
);

CREATE TABLE operator_sessions (
    id_hash     TEXT    NOT NULL PRIMARY KEY,
    operator_id TEXT    NOT NULL REFERENCES operators (id) ON DELETE CASCADE,
    csrf        TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL
);
CREATE INDEX operator_sessions_by_operator ON operator_sessions (operator_id);

CREATE TABLE operator_tokens (
    id           TEXT    NOT NULL PRIMARY KEY,
    operator_id  TEXT    NOT NULL REFERENCES operators (id) ON DELETE CASCADE,
    name         TEXT    NOT NULL,
    token_hash   TEXT    NOT NULL UNIQUE,
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER
);
CREATE INDEX operator_tokens_by_operator ON operator_tokens (operator_id);

CREATE TABLE operator_invites (
    token_hash  TEXT    NOT NULL PRIMARY KEY,
    operator_id TEXT    NOT NULL REFERENCES operators (id) ON DELETE CASCADE,
    expires_at  INTEGER NOT NULL
);
