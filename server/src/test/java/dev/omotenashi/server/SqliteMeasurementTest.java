package dev.omotenashi.server;

import dev.omotenashi.server.store.Storage;
import dev.omotenashi.server.store.sqlite.SqliteStorage;

import java.nio.file.Path;

/** Measurement over HTTP on the embedded SQLite backend. */
class SqliteMeasurementTest extends MeasurementContract {
    @Override
    protected Storage storage(Path data) {
        return SqliteStorage.open(data);
    }

    @Override
    protected Storage reopen(Path data) {
        return SqliteStorage.open(data);
    }
}
