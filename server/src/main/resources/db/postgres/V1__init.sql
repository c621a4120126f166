-- Omotenashi's scale-out schema (PostgreSQL). docs/storage.md explains each table.
-- Times are epoch milliseconds; lists of strings are JSON array text (read back whole, never queried).
-- Identifiers use the C collation: byte order, as in SQLite, so both backends list things in the same
-- order, and comparisons skip the locale.

CREATE TABLE sites (
    id                      text COLLATE "C" NOT NULL PRIMARY KEY,
    name                    text,
    key                     text COLLATE "C" NOT NULL UNIQUE,
    write_key               text COLLATE "C" NOT NULL UNIQUE,
    domains                 text             NOT NULL,
    timezone                text             NOT NULL,
    session_timeout_seconds bigint           NOT NULL,
    settings                text             NOT NULL,
    created_at              bigint           NOT NULL,
    updated_at              bigint           NOT NULL
);

-- Segments, event definitions, campaigns, journeys: the validated JSON the admin API accepted.
CREATE TABLE config_objects (
    site       text COLLATE "C" NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    kind       text COLLATE "C" NOT NULL,
    id         text COLLATE "C" NOT NULL,
    json       text             NOT NULL,
    updated_at bigint           NOT NULL,
    PRIMARY KEY (site, kind, id)
);

-- The event journal, the source of truth: one row per acknowledged request, partitioned by the UTC day of
-- received_at. Partitions are named journal_YYYYMMDD and created by the server on demand, one day ahead,
-- with CREATE TABLE … LIKE journal and ATTACH PARTITION (which does not block reads or inserts). Old days
-- can be detached or dropped whole. A unique key of a partitioned table must contain the partition key, so
-- (site, seq) is unique per day only: the server assigns seqs. No foreign key to sites (a per-row check on
-- the hot path); deleting a site deletes its rows explicitly.
CREATE TABLE journal (
    site        text COLLATE "C" NOT NULL,
    seq         bigint           NOT NULL,
    visitor     text COLLATE "C" NOT NULL,
    user_id     text COLLATE "C",
    event_ids   text             NOT NULL,
    received_at bigint           NOT NULL,
    request     text             NOT NULL,
    PRIMARY KEY (site, seq, received_at)
) PARTITION BY RANGE (received_at);
CREATE INDEX journal_by_visitor ON journal (site, visitor, seq);

-- De-duplication of retried events: each event id of a site, and the record that carries it.
CREATE TABLE event_ids (
    site     text COLLATE "C" NOT NULL,
    event_id text COLLATE "C" NOT NULL,
    seq      bigint           NOT NULL,
    PRIMARY KEY (site, event_id)
);

-- The highest seq a site had when records were deleted (a person's deletion), so lastSeq never goes back.
CREATE TABLE journal_floor (
    site text COLLATE "C" NOT NULL PRIMARY KEY,
    seq  bigint           NOT NULL
);

-- Checkpoints of profiles, one generation per save: writing -> complete -> obsolete.
CREATE TABLE checkpoints (
    generation    bigint           NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    site          text COLLATE "C" NOT NULL,
    seq           bigint           NOT NULL,
    state         text             NOT NULL CHECK (state IN ('writing', 'complete', 'obsolete')),
    profile_count bigint           NOT NULL
);
CREATE INDEX checkpoints_by_site ON checkpoints (site, state, generation);

-- The encoded profiles of each generation. No foreign key: rows are written and deleted in chunks.
CREATE TABLE checkpoint_profiles (
    generation bigint           NOT NULL,
    person     text COLLATE "C" NOT NULL,
    data       bytea            NOT NULL,
    PRIMARY KEY (generation, person)
);
