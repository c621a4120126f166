package dev.omotenashi.server.store.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** Fresh PostgreSQL schemas for tests outside this package (the server over HTTP on PostgreSQL). */
public final class TestSchemas {
    private TestSchemas() {}

    /** Creates a schema of its own and returns its name. */
    public static String create() {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = PostgresStorageTest.admin(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test schema at " + PostgresStorageTest.baseUrl(), e);
        }
        return schema;
    }

    /** The URL of the test database with that schema current. */
    public static String url(String schema) {
        return PostgresStorageTest.urlIn(schema);
    }

    public static void drop(String schema) {
        try (Connection c = PostgresStorageTest.admin(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test schema " + schema, e);
        }
    }
}
