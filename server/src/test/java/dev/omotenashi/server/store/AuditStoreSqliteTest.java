package dev.omotenashi.server.store;

import dev.omotenashi.server.store.sqlite.SqliteStorage;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The history of changes on SQLite. */
class AuditStoreSqliteTest extends AuditStoreContract {
    @TempDir
    Path data;

    @Override
    protected Storage openStorage() {
        return SqliteStorage.open(data);
    }

    @Override
    protected void discard() {
        // @TempDir removes the folder
    }
}
