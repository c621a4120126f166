-- A checkpoint's profiles are stored in the order they are written (docs/storage.md, "Checkpoints"): the key is
-- generation * 2^32 + the profile's ordinal in its generation, the table's own rowid, with no second index.
-- The old key, (generation, person), had a separate index that each save filled in random order (persons come
-- in hash order) and each garbage collection emptied in person order, scattered over the table: a save of
-- 94,000 profiles wrote 101,000 pages and its deletion 165,000, against 29,000 and 30,000 now
-- (bench/load/checkpoint-layout.py). Every journal commit shared the disk and the write lock with them.
CREATE TABLE checkpoint_rows (
    id     INTEGER NOT NULL PRIMARY KEY, -- generation * 4294967296 + ordinal
    person TEXT    NOT NULL,
    data   BLOB    NOT NULL
);

-- The generations stored so far keep their profiles, numbered in person order.
INSERT INTO checkpoint_rows (id, person, data)
SELECT generation * 4294967296 + row_number() OVER (PARTITION BY generation ORDER BY person) - 1, person, data
FROM checkpoint_profiles;

DROP TABLE checkpoint_profiles;
