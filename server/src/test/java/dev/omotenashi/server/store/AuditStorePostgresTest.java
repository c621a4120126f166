package dev.omotenashi.server.store;

import dev.omotenashi.server.store.postgres.TestSchema;

/** The history of changes on PostgreSQL (127.0.0.1:5432, database test), each test in a schema of its own. */
class AuditStorePostgresTest extends AuditStoreContract {
    private final TestSchema schema = new TestSchema();

    @Override
    protected Storage openStorage() {
        return schema.open();
    }

    @Override
    protected void discard() {
        schema.drop();
    }
}
