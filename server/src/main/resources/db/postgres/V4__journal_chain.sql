-- A visitor's records are chained instead of indexed (docs/storage.md, "A visitor's records"): each record
-- holds the seq of the same visitor's previous record (0 for its first), and the server keeps the newest
-- seq of each browser with its profile. The index on (site, visitor, seq) cost a random page write per
-- record appended. The day partitions, existing and future (CREATE TABLE ... LIKE journal), get the column.
ALTER TABLE journal ADD COLUMN prev_seq bigint NOT NULL DEFAULT 0;

-- The links of the records already stored: one pass in (site, visitor, seq) order. Only records with a
-- predecessor are rewritten; received_at names each row's partition.
UPDATE journal j SET prev_seq = linked.prev
FROM (SELECT site, seq, received_at, lag(seq) OVER (PARTITION BY site, visitor ORDER BY seq) AS prev FROM journal) AS linked
WHERE j.site = linked.site AND j.seq = linked.seq AND j.received_at = linked.received_at AND linked.prev IS NOT NULL;

DROP INDEX journal_by_visitor;

-- Checkpoints written before this do not know where each browser's chain starts; the server rebuilds the
-- profiles from the journal, which holds every record, at its next start (and checkpoints again).
DELETE FROM checkpoint_profiles;
DELETE FROM checkpoints;
