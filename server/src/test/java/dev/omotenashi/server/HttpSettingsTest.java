package dev.omotenashi.server;

import dev.omotenashi.server.store.sqlite.SqliteStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP settings chosen by measurement (docs/http-server.md) are the ones the server runs with. */
class HttpSettingsTest {
    @TempDir
    Path data;

    @Test
    void headerValuesAreNotCachedPerConnection() {
        try (TestServer server = TestServer.start(data, SqliteStorage::open)) {
            assertThat(server.app().httpConfiguration().getHeaderCacheSize()).isZero();
        }
    }
}
