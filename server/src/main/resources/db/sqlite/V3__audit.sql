-- The history of who changed what (docs/console.md "History of changes"): one row per successful change
-- made through the admin API, written in the same transaction as the change itself. No secret and no
-- visitor's personal data is ever stored here (tokens appear as their last four characters, a forgotten
-- person only as counts). Rows are never updated; they are kept when their site is deleted.
--
-- kind is the API's collection name (sites, segments, event-definitions, campaigns, tokens, users,
-- operators, personal-tokens, test-clock); object_id the object's id in it (null when there is none to
-- show, e.g. a forgotten person); site null for changes outside a site (operators, the test clock).
-- before_json / after_json are the object as it was and as it became (null when created / deleted);
-- detail is a small JSON object (a status change, counts of a forgetting …).

CREATE TABLE audit_log (
    id               INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, -- never reused, so a cursor never repeats
    at               INTEGER NOT NULL,
    actor_type       TEXT    NOT NULL CHECK (actor_type IN ('operator', 'personal_token', 'admin_token', 'site_token')),
    actor_id         TEXT,
    actor_login      TEXT,
    actor_name       TEXT,
    actor_token      TEXT,
    actor_token_name TEXT,
    action           TEXT    NOT NULL,
    kind             TEXT    NOT NULL,
    object_id        TEXT,
    site             TEXT,
    before_json      TEXT,
    after_json       TEXT,
    detail           TEXT
);
CREATE INDEX audit_log_by_site ON audit_log (site, id);
CREATE INDEX audit_log_by_object ON audit_log (site, kind, object_id, id);
