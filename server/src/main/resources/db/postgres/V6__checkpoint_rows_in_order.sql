-- A checkpoint's profiles are stored in the order they are written (docs/storage.md, "Checkpoints"): the key is
-- generation * 2^32 + the profile's ordinal in its generation. The old key, (generation, person), was an index
-- each save filled in random order (persons come in hash order): every insert dirtied a random leaf page, and
-- each garbage collection emptied it scattered over the table.
CREATE TABLE checkpoint_rows (
    id     bigint           NOT NULL PRIMARY KEY, -- generation * 4294967296 + ordinal
    person text COLLATE "C" NOT NULL,
    data   bytea            NOT NULL
);

-- The generations stored so far keep their profiles, numbered in person order.
INSERT INTO checkpoint_rows (id, person, data)
SELECT generation * 4294967296 + row_number() OVER (PARTITION BY generation ORDER BY person) - 1, person, data
FROM checkpoint_profiles;

DROP TABLE checkpoint_profiles;
