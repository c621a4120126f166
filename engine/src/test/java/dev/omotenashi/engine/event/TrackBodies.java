package dev.omotenashi.engine.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omotenashi.engine.config.ConfigError;
import dev.omotenashi.engine.config.ValidationException;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** Request bodies for the parser tests: the spec's example, made concrete, and ways to break it. */
final class TrackBodies {
    private TrackBodies() {}

    static final ObjectMapper JSON = new ObjectMapper();
    /** The server clock in the tests: 2025-11-24T17:00:00Z, an hour after the example's events. */
    static final long NOW = 1_764_000_000_000L + 3_600_000L;
    static final String UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15";

    /** tracking-protocol.md §1's example, with concrete ids where the spec elides them. */
    static final String EXAMPLE = """
            {
              "site": "pk_live_3f9a0c",
              "visitor": "v_01JD3Z8K4QXW5T7B9N2M6R8P0C",
              "user": "u_1234",
              "traits": {"member_rank": "gold"},
              "page": {"url": "https://shop.example/cart?x=1", "title": "Cart", "referrer": "https://www.google.com/"},
              "context": {"viewport": [390, 844], "screen": [390, 844], "lang": "ja-JP", "tz": "Asia/Tokyo", "mobile": true},
              "events": [
                {"id": "e_01JD3Z8K4QXW5T7B9N2M6R8P0D", "name": "view", "ts": 1764000000000, "properties": {}},
                {"id": "e_01JD40AAAAAAAAAAAAAAAAAAAA", "name": "cart", "ts": 1764000000100, "properties": {"in_cart_price": 4500, "items": 3}}
              ],
              "decide": true
            }
            """;

    static ObjectNode example() {
        return (ObjectNode) parseJson(EXAMPLE);
    }

    static com.fasterxml.jackson.databind.JsonNode parseJson(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static ObjectNode event(ObjectNode body, int i) {
        return (ObjectNode) body.withArray("events").get(i);
    }

    static ObjectNode props(ObjectNode body, int i) {
        return event(body, i).withObject("properties");
    }

    static ArrayNode events(ObjectNode body) {
        return body.withArray("events");
    }

    static String repeat(char c, int n) {
        return String.valueOf(c).repeat(n);
    }

    /** A visitor id minter that counts its calls. */
    static final class Minter implements Supplier<String> {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String get() {
            calls.incrementAndGet();
            return "v_minted00000000000000000000";
        }
    }

    static ParsedTrack parse(ObjectNode body) {
        return TrackRequestParser.parse(body, NOW, new Minter(), UA);
    }

    static List<ConfigError> errorsOf(com.fasterxml.jackson.databind.JsonNode body) {
        Minter minter = new Minter();
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> TrackRequestParser.parse(body, NOW, minter, UA));
        assertThat(e).as("expected the body to be rejected").isNotNull();
        assertThat(minter.calls).as("nothing is minted for a rejected request").hasValue(0);
        return e.errors();
    }

    /** Asserts that the body is rejected with exactly one problem, at {@code path} with {@code code}. */
    static void assertRejected(com.fasterxml.jackson.databind.JsonNode body, String path, String code) {
        assertThat(errorsOf(body)).extracting(ConfigError::path, ConfigError::code).containsExactly(tuple(path, code));
    }
}
