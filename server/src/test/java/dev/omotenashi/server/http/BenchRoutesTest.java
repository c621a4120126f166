package dev.omotenashi.server.http;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.omotenashi.server.App;
import dev.omotenashi.server.TestServer;
import dev.omotenashi.server.site.Sites;
import dev.omotenashi.server.store.sqlite.SqliteStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The load benchmark's endpoints ({@code --bench-endpoints}). */
class BenchRoutesTest {
    @TempDir
    Path data;

    @Test
    void aCheckpointAskedForRunsOnTheServersCheckpointThreadAndAnswersOnceSaved() {
        Logger sitesLog = (Logger) LoggerFactory.getLogger(Sites.class);
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        sitesLog.addAppender(seen);
        App.Options o = new App.Options(0, data, null, TestServer.ADMIN, true, App.RateLimits.DEFAULT, true);
        try (TestServer server = TestServer.start(o, SqliteStorage::open)) {
            String key = server.createSite("site_alpha").get("key").asText();
            TestServer.Reply tracked = server.track("""
                    {"site": "%s", "visitor": "v_bench01", "page": {"url": "https://shop.example/"},
                     "events": [{"id": "e_bench1", "name": "view"}]}""".formatted(key));
            assertThat(tracked.status()).as(tracked.body()).isEqualTo(200);

            TestServer.Reply r = server.send("POST", "/bench/checkpoint", null);

            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode answer = r.json();
            assertThat(answer.get("sites").asInt()).isEqualTo(1);
            assertThat(server.app().storage().checkpoints().load("site_alpha")).as("saved before the answer").isPresent();
            // Not the request's virtual thread: it would hold one of the carriers every request runs on.
            assertThat(seen.list).filteredOn(e -> e.getFormattedMessage().contains("checkpoint at journal position"))
                    .extracting(ILoggingEvent::getThreadName).containsExactly("checkpoints");
        } finally {
            sitesLog.detachAppender(seen);
        }
    }

    @Test
    void withoutTheFlagTheBenchEndpointsAreNotThere() {
        try (TestServer server = TestServer.start(data, SqliteStorage::open)) {
            assertThat(server.send("POST", "/bench/checkpoint", null).status()).isEqualTo(404);
            assertThat(server.send("POST", "/bench/noop", "{}").status()).isEqualTo(404);
        }
    }
}
