package dev.omotenashi.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.segment.analytics.Analytics;
import com.segment.analytics.messages.IdentifyMessage;
import com.segment.analytics.messages.PageMessage;
import com.segment.analytics.messages.TrackMessage;
import dev.omotenashi.server.store.sqlite.SqliteStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Segment's own Java library (com.segment.analytics.java:analytics), unmodified, pointed at Omotenashi:
 * what it sends must become the profile it describes.
 */
class SegmentLibraryCompatibilityTest {
    @TempDir
    Path data;

    @Test
    void segmentsJavaLibraryFeedsAProfile() throws Exception {
        try (TestServer server = TestServer.start(data, SqliteStorage::open)) {
            JsonNode site = server.createSite("site_segment");
            CountDownLatch flushed = new CountDownLatch(1);
            Analytics analytics = Analytics.builder(site.get("write_key").asText())
                    .endpoint(server.base())
                    .flushQueueSize(50)
                    .log(new com.segment.analytics.Log() {
                        @Override
                        public void print(Level level, String format, Object... args) {
                            System.err.println("segment " + level + ": " + String.format(format, args));
                        }

                        @Override
                        public void print(Level level, Throwable error, String format, Object... args) {
                            System.err.println("segment " + level + ": " + String.format(format, args) + " " + error);
                        }
                    })
                    .callback(new com.segment.analytics.Callback() {
                        @Override
                        public void success(com.segment.analytics.messages.Message message) {
                            if (message instanceof TrackMessage) flushed.countDown();
                        }

                        @Override
                        public void failure(com.segment.analytics.messages.Message message, Throwable throwable) {
                            throw new AssertionError("Segment library could not deliver " + message, throwable);
                        }
                    })
                    .build();
            try {
                analytics.enqueue(IdentifyMessage.builder().userId("u_segment").anonymousId("anon-segment-1")
                        .traits(Map.of("member_rank", "gold", "email", "hanako@example.jp")));
                analytics.enqueue(PageMessage.builder("Item 1").anonymousId("anon-segment-1").userId("u_segment")
                        .properties(Map.of("url", "https://shop.example/items/1")));
                analytics.enqueue(TrackMessage.builder("cart").userId("u_segment").anonymousId("anon-segment-1")
                        .properties(Map.of("in_cart_price", 4500, "items", 2)));
                analytics.flush();
                assertThat(flushed.await(30, TimeUnit.SECONDS)).as("the library reports the batch delivered").isTrue();
            } finally {
                analytics.shutdown();
            }
            JsonNode person = server.admin("GET", "/api/v1/sites/site_segment/users/u_segment", null).json();
            assertThat(person.at("/traits/member_rank").asText()).isEqualTo("gold");
            assertThat(person.at("/events/view/count_all").asDouble()).isEqualTo(1.0);
            assertThat(person.at("/events/cart/count_all").asDouble()).isEqualTo(1.0);
            assertThat(person.get("is_member").asBoolean()).isTrue();
        }
    }
}
