-- A visitor's records are chained instead of indexed (docs/storage.md, "A visitor's records"): each record
-- holds the seq of the same visitor's previous record (0 for its first), and the server keeps the newest
-- seq of each browser with its profile. The index on (site, visitor, seq) cost a random page write per
-- record appended, the largest part of a commit under load.
ALTER TABLE journal ADD COLUMN prev_seq INTEGER NOT NULL DEFAULT 0;

-- The links of the records already stored: one pass in (site, visitor, seq) order, along the index before it
-- goes. Only records with a predecessor are rewritten.
UPDATE journal SET prev_seq = linked.prev
FROM (SELECT site, seq, lag(seq) OVER (PARTITION BY site, visitor ORDER BY seq) AS prev FROM journal) AS linked
WHERE journal.site = linked.site AND journal.seq = linked.seq AND linked.prev IS NOT NULL;

DROP INDEX journal_by_visitor;

-- Checkpoints written before this do not know where each browser's chain starts; the server rebuilds the
-- profiles from the journal, which holds every record, at its next start (and checkpoints again).
DELETE FROM checkpoint_profiles;
DELETE FROM checkpoints;
