package dev.omotenashi.server;

import dev.omotenashi.server.store.Storage;
import dev.omotenashi.server.store.postgres.PostgresStorage;
import dev.omotenashi.server.store.postgres.TestSchemas;
import org.junit.jupiter.api.AfterEach;

import java.nio.file.Path;

/** Measurement over HTTP on PostgreSQL (127.0.0.1:5432, database test), each test in a schema of its own. */
class PostgresMeasurementTest extends MeasurementContract {
    private String schema;

    @Override
    protected Storage storage(Path data) {
        schema = TestSchemas.create();
        return PostgresStorage.open(TestSchemas.url(schema));
    }

    @Override
    protected Storage reopen(Path data) {
        return PostgresStorage.open(TestSchemas.url(schema));
    }

    @AfterEach
    void dropSchema() {
        if (server != null) server.close();
        server = null;
        if (schema != null) TestSchemas.drop(schema);
    }
}
