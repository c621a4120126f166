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
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at               bigint           NOT NULL,
    actor_type       text             NOT NULL CHECK (actor_type IN ('operator', 'personal_token', 'admin_token', 'site_token')),
    actor_id         text COLLATE "C",
    actor_login      text,
    actor_name       text,
    actor_token      text,
    actor_token_name text,
    action           text             NOT NULL,
    kind             text COLLATE "C" NOT NULL,
    object_id        text COLLATE "C",
    site             text COLLATE "C",
    before_json      text,
    after_json       text,
    detail           text
);
CREATE INDEX audit_log_by_site ON audit_log (site, id);
CREATE INDEX audit_log_by_object ON audit_log (site, kind, object_id, id);
