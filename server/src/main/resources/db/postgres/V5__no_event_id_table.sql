-- The event ids a record carries stay in its own row (journal.event_ids); the separate table of them goes.
-- The running server never read it: it drops retried events with its in-memory window of recent ids,
-- rebuilt from the journal's rows at start-up. Writing it cost about a third of the pages of each commit
-- (docs/performance.md, the eleventh session), so every acknowledged request paid for an index only tests read.
DROP TABLE event_ids;
