-- A visitor's records are chained instead of indexed (docs/storage.md, "A visitor's records"): each record
-- holds the seq of the same visitor's previous record (0 for its first), and the server keeps the newest
-- seq of each browser with its profile. The index on (site, visitor, seq) cost a random page write per
-- record appended, the largest part of a commit under load.
ALTER TABLE journal ADD COLUMN prev_seq INTEGER NOT NULL DEFAULT 0;

-- The links of the records already stored, found with the index before it goes.
UPDATE journal SET prev_seq = coalesce((SELECT max(p.seq) FROM journal p
    WHERE p.site = journal.site AND p.visitor = journal.visitor AND p.seq < journal.seq), 0);

DROP INDEX journal_by_visitor;

-- Checkpoints written before this do not know where each browser's chain starts; the server rebuilds the
-- profiles from the journal, which holds every record, at its next start (and checkpoints again).
DELETE FROM checkpoint_profiles;
DELETE FROM checkpoints;
