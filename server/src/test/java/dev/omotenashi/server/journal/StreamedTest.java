package dev.omotenashi.server.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Streamed#tree} writes exactly what the mapper writes for the same tree, byte for byte. */
class StreamedTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyKindOfNodeIsWrittenAsTheMapperWritesIt() throws Exception {
        ObjectNode built = json.createObjectNode();
        built.put("int", 7).put("negative", -12).put("long", 9_007_199_254_740_993L).put("short", (short) 3)
                .put("float", 1.25f).put("double", 172.5).put("tiny", 1e-300).put("big", new BigInteger("123456789012345678901234567890"))
                .put("decimal", new BigDecimal("4500.10")).put("true", true).put("false", false).putNull("null")
                .put("text", "冬のセール \"引用\" \\ </script> \u0001 \uD83C\uDF81").put("empty", "");
        built.putObject("nested").putArray("deep").add(1).addObject().putArray("deeper");
        built.putArray("emptyArray");
        built.putObject("emptyObject");
        ArrayNode mixed = built.putArray("mixed");
        mixed.add("a").add(2).add(2.5).addNull().add(false).addArray();

        List<JsonNode> trees = List.of(built,
                json.readTree("{\"item_id\":\"i_1\",\"price\":1980,\"tags\":[\"冬\",\"セール\"],\"x\":{\"y\":null},\"f\":0.1,\"e\":1E+3,\"n\":-0}"),
                json.readTree("[1, \"two\", [], {}, null, true, 12345678901234567890123]"),
                json.readTree("\"just a string\""),
                json.readTree("42"),
                json.createObjectNode());

        for (JsonNode tree : trees) {
            String ours = Streamed.string(json, g -> Streamed.tree(g, tree));
            assertThat(ours).as("%s", tree).isEqualTo(json.writeValueAsString(tree));
            byte[] ourBytes = Streamed.bytes(json, g -> Streamed.tree(g, tree));
            assertThat(ourBytes).as("%s", tree).isEqualTo(json.writeValueAsBytes(tree));
        }
    }
}
