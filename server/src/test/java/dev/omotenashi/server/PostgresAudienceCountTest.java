package dev.omotenashi.server;

import dev.omotenashi.server.store.Storage;
import dev.omotenashi.server.store.postgres.TestSchema;
import org.junit.jupiter.api.AfterEach;

import java.nio.file.Path;

/** The audience count on PostgreSQL (127.0.0.1:5432, database test), each test in a schema of its own. */
class PostgresAudienceCountTest extends AudienceCountContract {
    private final TestSchema schema = new TestSchema();

    @Override
    protected Storage storage(Path data) {
        return schema.open();
    }

    @AfterEach
    void dropSchema() {
        if (server != null) server.close();
        server = null;
        schema.drop();
    }
}
