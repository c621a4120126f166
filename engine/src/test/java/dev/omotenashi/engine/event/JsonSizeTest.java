package dev.omotenashi.engine.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static dev.omotenashi.engine.event.TrackBodies.JSON;
import static dev.omotenashi.engine.event.TrackBodies.parseJson;
import static org.assertj.core.api.Assertions.assertThat;

/** The walked size must be what Jackson writes, or the 32 KiB and 500 KiB limits would drift. */
class JsonSizeTest {

    @ParameterizedTest
    @ValueSource(strings = {"{}", "[]", "null", "true", "false", "0", "-12", "12345678901234567890", "\"\"",
            "{\"a\":1,\"b\":[1,2,{\"c\":null}],\"d\":\"x\"}", "\"quote\\\" back\\\\ nl\\n tab\\t bell\\u0007\"",
            "\"日本語とemoji😀\"", "{\"名前\":\"値\"}", "[[[[]]]]", "{\"a\":{}}"})
    void sizeIsTheCompactUtf8Serialization(String json) throws JsonProcessingException {
        JsonNode node = parseJson(json);
        long written = JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8).length;
        assertThat(JsonSize.of(node, Long.MAX_VALUE)).isEqualTo(written);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 10, 100})
    void measuringStopsPastTheLimit(int limit) {
        JsonNode big = parseJson("[\"" + "x".repeat(10_000) + "\", \"" + "y".repeat(10_000) + "\"]");
        assertThat(JsonSize.of(big, limit)).isGreaterThan(limit).isLessThan(20_000);
    }
}
