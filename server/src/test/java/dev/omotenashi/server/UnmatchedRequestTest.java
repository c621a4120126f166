package dev.omotenashi.server;

import dev.omotenashi.server.store.sqlite.SqliteStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A request no route matches is answered 404, not 500 (the request logger used to fail on it). */
class UnmatchedRequestTest {
    @TempDir
    Path data;
    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(data, SqliteStorage::open);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anUnknownPathIsNotFound() {
        assertThat(server.send("GET", "/favicon.ico", null).status()).isEqualTo(404);
    }

    @Test
    void aHeadRequestIsNotAServerError() {
        assertThat(server.send("HEAD", "/t.js", null).status()).isLessThan(500);
        assertThat(server.send("HEAD", "/health", null).status()).isLessThan(500);
    }
}
