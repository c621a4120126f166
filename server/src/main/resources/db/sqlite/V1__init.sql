-- Omotenashi's embedded schema (SQLite). docs/storage.md explains each table.
-- Times are epoch milliseconds; lists of strings are JSON array text.

CREATE TABLE sites (
    id                      TEXT    NOT NULL PRIMARY KEY,
    name                    TEXT,
    key                     TEXT    NOT NULL UNIQUE,
    write_key               TEXT    NOT NULL UNIQUE,
    domains                 TEXT    NOT NULL,
    timezone                TEXT    NOT NULL,
    session_timeout_seconds INTEGER NOT NULL,
    settings                TEXT    NOT NULL,
    created_at              INTEGER NOT NULL,
    updated_at              INTEGER NOT NULL
);

-- Segments, event definitions, campaigns, journeys: the validated JSON the admin API accepted.
CREATE TABLE config_objects (
    site       TEXT    NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL,
    id         TEXT    NOT NULL,
    json       TEXT    NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (site, kind, id)
);

-- The event journal, the source of truth: one row per acknowledged request. No foreign key to sites (a
-- per-row check on the hot path); deleting a site deletes its rows explicitly.
CREATE TABLE journal (
    site        TEXT    NOT NULL,
    seq         INTEGER NOT NULL,
    visitor     TEXT    NOT NULL,
    user_id     TEXT,
    event_ids   TEXT    NOT NULL,
    received_at INTEGER NOT NULL,
    request     TEXT    NOT NULL,
    PRIMARY KEY (site, seq)
);
CREATE INDEX journal_by_visitor ON journal (site, visitor, seq);

-- De-duplication of retried events: each event id of a site, and the record that carries it.
CREATE TABLE event_ids (
    site     TEXT    NOT NULL,
    event_id TEXT    NOT NULL,
    seq      INTEGER NOT NULL,
    PRIMARY KEY (site, event_id)
) WITHOUT ROWID;

-- The highest seq a site had when records were deleted (a person's deletion), so lastSeq never goes back.
CREATE TABLE journal_floor (
    site TEXT    NOT NULL PRIMARY KEY,
    seq  INTEGER NOT NULL
);

-- Checkpoints of profiles, one generation per save: writing -> complete -> obsolete.
CREATE TABLE checkpoints (
    generation    INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    site          TEXT    NOT NULL,
    seq           INTEGER NOT NULL,
    state         TEXT    NOT NULL CHECK (state IN ('writing', 'complete', 'obsolete')),
    profile_count INTEGER NOT NULL
);
CREATE INDEX checkpoints_by_site ON checkpoints (site, state, generation);

-- The encoded profiles of each generation. No foreign key: rows are written and deleted in chunks.
CREATE TABLE checkpoint_profiles (
    generation INTEGER NOT NULL,
    person     TEXT    NOT NULL,
    data       BLOB    NOT NULL,
    PRIMARY KEY (generation, person)
);
