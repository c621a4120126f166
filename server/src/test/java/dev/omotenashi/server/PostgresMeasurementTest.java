package dev.omotenashi.server;

import dev.omotenashi.server.store.Storage;
import dev.omotenashi.server.store.postgres.TestSchema;
import org.junit.jupiter.api.AfterEach;

import java.nio.file.Path;

/** Measurement over HTTP on PostgreSQL (127.0.0.1:5432, database test), each test in a schema of its own. */
class PostgresMeasurementTest extends MeasurementContract {
    private final TestSchema schema = new TestSchema();

    @Override
    protected Storage storage(Path data) {
        return schema.open();
    }

    @Override
    protected Storage reopen(Path data) {
        return schema.reopen();
    }

    @AfterEach
    void dropSchema() {
        if (server != null) server.close();
        server = null;
        schema.drop();
    }
}
