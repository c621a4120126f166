package dev.omotenashi.server;

import dev.omotenashi.server.store.Storage;
import dev.omotenashi.server.store.sqlite.SqliteStorage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** The history of changes over HTTP on the embedded SQLite backend. */
class AuditSqliteTest extends AuditContract {
    @Override
    protected Storage storage(Path data) {
        return SqliteStorage.open(data);
    }

    @Override
    protected void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(SqliteStorage.FILE_NAME).toAbsolutePath());
             Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 10000");
            s.execute(statement);
        }
    }
}
