package dev.omotenashi.server.journal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omotenashi.engine.ClientContext;
import dev.omotenashi.engine.Page;
import dev.omotenashi.engine.TrackRequest;
import dev.omotenashi.engine.event.Event;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The journal record is the source of truth: what is encoded must come back exactly, in its short form. */
class JournalCodecTest {
    private final ObjectMapper json = new ObjectMapper();
    private final JournalCodec codec = new JournalCodec(json);

    @Test
    void everyFieldComesBackAsItWasAndTheFormIsTheDocumentedOne() throws Exception {
        ObjectNode traits = json.createObjectNode().put("member_rank", "gold").put("height", 172.5);
        ObjectNode props = (ObjectNode) json.readTree("{\"item_id\":\"i \\\"1\\\"\",\"price\":1980,\"tags\":[\"冬\",\"セール\"],\"x\":{\"y\":null}}");
        TrackRequest request = new TrackRequest("v_1", "u_9", traits,
                new Page("https://shop.example/items/1?a=1&b=</script>", "商品 \"1\"", "https://www.google.com/"),
                new ClientContext("Mozilla/5.0 (iPhone)", false, "ja-JP", "Asia/Tokyo"),
                List.of(new Event("e_1", "view", 1_700_000_000_123L, props),
                        new Event("e_1~delivered~c1", "_action_delivered", 1_700_000_000_124L, json.createObjectNode())),
                true);

        String text = codec.encode(request, request.events());

        assertThat(json.readTree(text)).isEqualTo(json.readTree("""
                {"v":"v_1","u":"u_9","tr":{"member_rank":"gold","height":172.5},
                 "url":"https://shop.example/items/1?a=1&b=</script>","title":"商品 \\"1\\"","ref":"https://www.google.com/",
                 "ua":"Mozilla/5.0 (iPhone)","mob":false,"lang":"ja-JP","tz":"Asia/Tokyo",
                 "e":[{"id":"e_1","n":"view","ts":1700000000123,"p":{"item_id":"i \\"1\\"","price":1980,"tags":["冬","セール"],"x":{"y":null}}},
                      {"id":"e_1~delivered~c1","n":"_action_delivered","ts":1700000000124}]}
                """));
        TrackRequest back = codec.decode(text);
        assertThat(back.visitor()).isEqualTo("v_1");
        assertThat(back.user()).isEqualTo("u_9");
        assertThat(back.traits()).isEqualTo(traits);
        assertThat(back.page()).isEqualTo(request.page());
        assertThat(back.context()).isEqualTo(request.context());
        assertThat(back.events()).hasSize(2);
        assertThat(back.events().get(0)).isEqualTo(request.events().get(0));
        assertThat(back.events().get(1).properties()).isNullOrEmpty();
        assertThat(back.decide()).isFalse();
    }

    @Test
    void absentOptionalFieldsAreLeftOut() throws Exception {
        TrackRequest request = new TrackRequest("v_2", null, null, null, null,
                List.of(new Event("e_2", "view", 5L, null)), false);

        String text = codec.encode(request, request.events());

        assertThat(json.readTree(text)).isEqualTo(json.readTree("{\"v\":\"v_2\",\"e\":[{\"id\":\"e_2\",\"n\":\"view\",\"ts\":5}]}"));
        TrackRequest back = codec.decode(text);
        assertThat(back.user()).isNull();
        assertThat(back.context()).isEqualTo(ClientContext.EMPTY);
        assertThat(back.page()).isEqualTo(new Page(null, null, null));
    }
}
