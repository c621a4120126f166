package dev.omotenashi.server.store.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** SQL run in a test's schema from outside the server under test (to break a table on purpose, say). */
public final class SchemaSql {
    private SchemaSql() {}

    public static void execute(String schema, String sql) throws SQLException {
        try (Connection c = PostgresStorageTest.admin(); Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + schema);
            s.execute(sql);
        }
    }
}
