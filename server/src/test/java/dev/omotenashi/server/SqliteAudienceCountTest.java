package dev.omotenashi.server;

import dev.omotenashi.server.store.Storage;
import dev.omotenashi.server.store.sqlite.SqliteStorage;

import java.nio.file.Path;

/** The audience count on the embedded SQLite backend. */
class SqliteAudienceCountTest extends AudienceCountContract {
    @Override
    protected Storage storage(Path data) {
        return SqliteStorage.open(data);
    }
}
