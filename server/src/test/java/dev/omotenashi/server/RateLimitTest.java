package dev.omotenashi.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omotenashi.server.store.sqlite.SqliteStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitTest {
    @TempDir
    Path data;

    @Test
    void aClientOverItsRateGets429WithRetryAfterAndNothingIsStored() {
        try (TestServer server = TestServer.start(data, SqliteStorage::open, new App.RateLimits(0, 0.001))) {
            JsonNode site = server.createSite("site_alpha");
            String body = """
                    {"site": "%s", "visitor": "v_limited1", "events": [{"id": "e_%s", "name": "view"}]}""";
            int accepted = 0;
            TestServer.Reply last = null;
            for (int i = 0; i < 5; i++) {
                last = server.track(body.formatted(site.get("key").asText(), i));
                if (last.status() == 200) accepted++;
            }
            assertThat(accepted).isEqualTo(1); // a burst of one at this rate
            assertThat(last.status()).isEqualTo(429);
            assertThat(Long.parseLong(last.header("Retry-After"))).isPositive();
            assertThat(last.json().at("/error/code").asText()).isEqualTo("rate_limited");
            JsonNode profile = server.admin("GET", "/api/v1/sites/site_alpha/profiles/v_limited1", null).json();
            assertThat(profile.at("/events/view/count_all").asDouble()).isEqualTo(1.0);
        }
    }
}
