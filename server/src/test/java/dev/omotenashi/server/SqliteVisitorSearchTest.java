package dev.omotenashi.server;

import dev.omotenashi.server.store.Storage;
import dev.omotenashi.server.store.sqlite.SqliteStorage;

import java.nio.file.Path;

/** The visitor search over HTTP on the embedded SQLite backend. */
class SqliteVisitorSearchTest extends VisitorSearchContract {
    @Override
    protected Storage storage(Path data) {
        return SqliteStorage.open(data);
    }
}
