package dev.omotenashi.server;

import dev.omotenashi.server.store.Storage;
import dev.omotenashi.server.store.sqlite.SqliteStorage;

import java.nio.file.Path;

/** The console's security rules on the embedded SQLite backend. */
class SqliteConsoleSecurityTest extends ConsoleSecurityContract {
    @Override
    protected Storage storage(Path data) {
        return SqliteStorage.open(data);
    }
}
