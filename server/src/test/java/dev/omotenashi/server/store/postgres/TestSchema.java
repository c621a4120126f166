package dev.omotenashi.server.store.postgres;

import dev.omotenashi.server.store.Storage;

/**
 * One test's PostgreSQL schema, for the HTTP contract suites run on PostgreSQL: created when the server
 * first opens its storage, reopened by a restart, dropped after the test.
 */
public final class TestSchema {
    private String schema;

    /** Storage in a new schema of its own. */
    public Storage open() {
        schema = TestSchemas.create();
        return reopen();
    }

    /** Storage in the same schema again (a restarted server). */
    public Storage reopen() {
        return PostgresStorage.open(TestSchemas.url(schema));
    }

    /** Drops the schema, if one was made. */
    public void drop() {
        if (schema != null) TestSchemas.drop(schema);
        schema = null;
    }
}
