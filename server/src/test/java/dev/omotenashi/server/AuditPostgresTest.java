package dev.omotenashi.server;

import dev.omotenashi.server.store.Storage;
import dev.omotenashi.server.store.postgres.SchemaSql;
import dev.omotenashi.server.store.postgres.TestSchemas;
import org.junit.jupiter.api.AfterEach;

import java.nio.file.Path;

/** The history of changes over HTTP on PostgreSQL (127.0.0.1:5432, database test), each test in a schema of its own. */
class AuditPostgresTest extends AuditContract {
    private String schema;

    @Override
    protected Storage storage(Path data) {
        schema = TestSchemas.create();
        return dev.omotenashi.server.store.postgres.PostgresStorage.open(TestSchemas.url(schema));
    }

    @Override
    protected void sql(String statement) throws Exception {
        SchemaSql.execute(schema, statement);
    }

    @AfterEach
    void dropSchema() {
        if (server != null) server.close();
        server = null;
        if (schema != null) TestSchemas.drop(schema);
    }
}
