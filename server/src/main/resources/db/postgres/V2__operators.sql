-- The console's operators (docs/console.md): people who sign in, their sessions, personal API tokens and
-- one-time invitations. Secrets are never stored: passwords as Argon2id hashes, session ids, tokens and
-- invitations as SHA-256 hashes (they are random and long, so a fast hash is enough).

CREATE TABLE operators (
    id              text COLLATE "C" NOT NULL PRIMARY KEY,
    login           text COLLATE "C" NOT NULL UNIQUE,
    name            text,
    role            text             NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
    password_hash   text,
    failed_attempts integer          NOT NULL DEFAULT 0,
    locked_until    bigint           NOT NULL DEFAULT 0,
    created_at      bigint           NOT NULL
);

CREATE TABLE operator_sessions (
    id_hash     text COLLATE "C" NOT NULL PRIMARY KEY,
    operator_id text COLLATE "C" NOT NULL REFERENCES operators (id) ON DELETE CASCADE,
    csrf        text             NOT NULL,
    created_at  bigint           NOT NULL,
    expires_at  bigint           NOT NULL
);
CREATE INDEX operator_sessions_by_operator ON operator_sessions (operator_id);

CREATE TABLE operator_tokens (
    id           text COLLATE "C" NOT NULL PRIMARY KEY,
    operator_id  text COLLATE "C" NOT NULL REFERENCES operators (id) ON DELETE CASCADE,
    name         text             NOT NULL,
    token_hash   text COLLATE "C" NOT NULL UNIQUE,
    created_at   bigint           NOT NULL,
    last_used_at bigint
);
CREATE INDEX operator_tokens_by_operator ON operator_tokens (operator_id);

CREATE TABLE operator_invites (
    token_hash  text COLLATE "C" NOT NULL PRIMARY KEY,
    operator_id text COLLATE "C" NOT NULL REFERENCES operators (id) ON DELETE CASCADE,
    expires_at  bigint           NOT NULL
);
