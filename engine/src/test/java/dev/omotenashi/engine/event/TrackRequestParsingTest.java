package dev.omotenashi.engine.event;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omotenashi.engine.ClientContext;
import dev.omotenashi.engine.Page;
import dev.omotenashi.engine.TrackRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.omotenashi.engine.event.TrackBodies.JSON;
import static dev.omotenashi.engine.event.TrackBodies.NOW;
import static dev.omotenashi.engine.event.TrackBodies.UA;
import static dev.omotenashi.engine.event.TrackBodies.event;
import static dev.omotenashi.engine.event.TrackBodies.example;
import static dev.omotenashi.engine.event.TrackBodies.parse;
import static dev.omotenashi.engine.event.TrackBodies.parseJson;
import static dev.omotenashi.engine.event.TrackBodies.props;
import static org.assertj.core.api.Assertions.assertThat;

class TrackRequestParsingTest {

    @Test
    void specExampleParsesIntoTheExpectedRequest() {
        ParsedTrack parsed = parse(example());

        assertThat(parsed.site()).isEqualTo("pk_live_3f9a0c");
        assertThat(parsed.mintedVisitor()).isFalse();
        TrackRequest r = parsed.request();
        assertThat(r.visitor()).isEqualTo("v_01JD3Z8K4QXW5T7B9N2M6R8P0C");
        assertThat(r.user()).isEqualTo("u_1234");
        assertThat(r.traits()).isEqualTo(parseJson("{\"member_rank\": \"gold\"}"));
        assertThat(r.page()).isEqualTo(new Page("https://shop.example/cart?x=1", "Cart", "https://www.google.com/"));
        assertThat(r.context()).isEqualTo(new ClientContext(UA, true, "ja-JP", "Asia/Tokyo"));
        assertThat(r.decide()).isTrue();
        assertThat(r.events()).containsExactly(
                new Event("e_01JD3Z8K4QXW5T7B9N2M6R8P0D", "view", 1_764_000_000_000L, JSON.createObjectNode()),
                new Event("e_01JD40AAAAAAAAAAAAAAAAAAAA", "cart", 1_764_000_000_100L,
                        (ObjectNode) parseJson("{\"in_cart_price\": 4500, \"items\": 3}")));
    }

    @Test
    void sentAtCorrectsTheClientsClockAsSegmentDoes() {
        long behind = 10 * 60_000L; // the browser's clock is ten minutes slow
        ObjectNode body = (ObjectNode) parseJson("""
                {"site": "pk_1", "visitor": "v_abcdefgh", "sent_at": %d,
                 "events": [{"id": "e1", "name": "view", "ts": %d}, {"id": "e2", "name": "cart"}]}"""
                .formatted(NOW - behind, NOW - behind - 5_000));
        List<dev.omotenashi.engine.event.Event> events = TrackRequestParser.parse(body, NOW, () -> "unused", null).request().events();
        assertThat(events.get(0).ts()).as("five seconds before it was sent, on the server's clock").isEqualTo(NOW - 5_000);
        assertThat(events.get(1).ts()).as("no ts: the server's now").isEqualTo(NOW);

        ObjectNode ahead = (ObjectNode) parseJson("""
                {"site": "pk_1", "visitor": "v_abcdefgh", "sent_at": %d, "events": [{"id": "e1", "name": "view", "ts": %d}]}"""
                .formatted(NOW + behind, NOW + behind - 1_000));
        assertThat(TrackRequestParser.parse(ahead, NOW, () -> "unused", null).request().events().get(0).ts()).isEqualTo(NOW - 1_000);
    }

    @Test
    void aBadSentAtIsRefusedAtItsPath() {
        ObjectNode body = (ObjectNode) parseJson("""
                {"site": "pk_1", "visitor": "v_abcdefgh", "sent_at": "yesterday", "events": [{"id": "e1", "name": "view"}]}""");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TrackRequestParser.parse(body, NOW, () -> "unused", null))
                .isInstanceOf(dev.omotenashi.engine.config.ValidationException.class)
                .satisfies(e -> assertThat(((dev.omotenashi.engine.config.ValidationException) e).errors())
                        .extracting(dev.omotenashi.engine.config.ConfigError::path).containsExactly("sent_at"));
    }

    @Test
    void minimalRequestGetsDefaults() {
        ObjectNode body = (ObjectNode) parseJson("""
                {"site": "pk_1", "visitor": "v_abcdefgh", "events": [{"id": "e1", "name": "view"}]}""");
        TrackRequest r = TrackRequestParser.parse(body, NOW, () -> "unused", null).request();
        assertThat(r.user()).isNull();
        assertThat(r.traits()).isNull();
        assertThat(r.page()).isEqualTo(new Page(null, null, null));
        assertThat(r.context()).isEqualTo(ClientContext.EMPTY);
        assertThat(r.decide()).as("omitted decide means decide").isTrue();
        assertThat(r.events().get(0).properties()).isEmpty();
    }

    @Test
    void nullFieldsCountAsAbsent() {
        ObjectNode body = (ObjectNode) parseJson("""
                {"site": "pk_1", "visitor": null, "user": null, "traits": null, "page": null, "context": null,
                 "decide": null, "events": [{"id": "e1", "name": "view", "ts": null, "properties": null}]}""");
        ParsedTrack parsed = parse(body);
        assertThat(parsed.mintedVisitor()).isTrue();
        assertThat(parsed.request().events().get(0).ts()).isEqualTo(NOW);
    }

    @Test
    void missingVisitorIsMintedOnce() {
        ObjectNode body = example();
        body.remove("visitor");
        TrackBodies.Minter minter = new TrackBodies.Minter();
        ParsedTrack parsed = TrackRequestParser.parse(body, NOW, minter, UA);
        assertThat(parsed.mintedVisitor()).isTrue();
        assertThat(parsed.request().visitor()).isEqualTo("v_minted00000000000000000000");
        assertThat(minter.calls).hasValue(1);
    }

    @Test
    void givenVisitorIsNotMinted() {
        TrackBodies.Minter minter = new TrackBodies.Minter();
        TrackRequestParser.parse(example(), NOW, minter, UA);
        assertThat(minter.calls).hasValue(0);
    }

    @Test
    void missingTimestampIsNow() {
        ObjectNode body = example();
        event(body, 0).remove("ts");
        assertThat(parse(body).request().events().get(0).ts()).isEqualTo(NOW);
    }

    @Test
    void futureTimestampIsClampedToNow() {
        ObjectNode body = example();
        event(body, 0).put("ts", NOW + 86_400_000L);
        event(body, 1).put("ts", "2999-01-01T00:00:00Z");
        assertThat(parse(body).request().events()).extracting(Event::ts).containsExactly(NOW, NOW);
    }

    @Test
    void pastTimestampIsKept() {
        ObjectNode body = example();
        event(body, 0).put("ts", 1_700_000_000_000L);
        assertThat(parse(body).request().events().get(0).ts()).isEqualTo(1_700_000_000_000L);
    }

    @Test
    void isoTimestampWithOffsetIsAccepted() {
        ObjectNode body = example();
        event(body, 0).put("ts", "2025-11-25T01:00:00+09:00");
        event(body, 1).put("ts", "2025-11-24T16:00:00.250Z");
        assertThat(parse(body).request().events()).extracting(Event::ts)
                .containsExactly(1_764_000_000_000L, 1_764_000_000_250L);
    }

    @Test
    void fractionalMillisecondsAreTruncated() {
        ObjectNode body = example();
        event(body, 0).put("ts", 1_764_000_000_000.7);
        assertThat(parse(body).request().events().get(0).ts()).isEqualTo(1_764_000_000_000L);
    }

    @Test
    void unknownFieldsAreIgnored() {
        ObjectNode body = example();
        body.put("sdk", "omotenashi-tag/2.0");
        body.withObject("page").put("canonical", "https://shop.example/cart");
        body.withObject("context").put("dpr", 3);
        event(body, 0).put("session_hint", "x");
        assertThat(parse(body).request().events()).hasSize(2);
    }

    @Test
    void decideFalseIsKept() {
        ObjectNode body = example();
        body.put("decide", false);
        assertThat(parse(body).request().decide()).isFalse();
    }

    @Test
    void blankUserAgentIsNull() {
        assertThat(TrackRequestParser.parse(example(), NOW, () -> "x", "  ").request().context().userAgent()).isNull();
    }

    @Test
    void clientReservedEventsAreAccepted() {
        ObjectNode body = example();
        body.set("events", parseJson("""
                [{"id": "e1", "name": "_action_shown",   "properties": {"campaign": "c", "variant": "default", "action": "a_1"}},
                 {"id": "e2", "name": "_action_clicked", "properties": {"campaign": "c", "variant": "default", "action": "a_1"}},
                 {"id": "e3", "name": "_action_closed",  "properties": {"campaign": "c", "variant": "default", "action": "a_1"}},
                 {"id": "e4", "name": "_action_control", "properties": {"campaign": "c", "variant": "default", "action": "a_1"}},
                 {"id": "e5", "name": "_form_submitted", "properties": {"campaign": "c", "variant": "default", "action": "a_1",
                                                                        "fields": {"height": 162}}},
                 {"id": "e6", "name": "identify"}]"""));
        assertThat(parse(body).request().events()).extracting(Event::name).containsExactly(
                "_action_shown", "_action_clicked", "_action_closed", "_action_control", "_form_submitted", "identify");
    }

    @Test
    void nestedPropertiesUpToTheDepthLimitAreAccepted() {
        ObjectNode body = example();
        ObjectNode node = props(body, 1);
        for (int level = 2; level <= TrackRequestParser.MAX_DEPTH; level++) node = node.putObject("n" + level);
        node.put("leaf", 1);
        assertThat(parse(body).request().events().get(1).property("n2.n3.n4.n5.n6.n7.n8.leaf").intValue()).isEqualTo(1);
    }

    @Test
    void textWithValidSurrogatePairsIsAccepted() {
        ObjectNode body = example();
        event(body, 1).put("name", "いいね👍");
        props(body, 1).put("note", "😀");
        assertThat(parse(body).request().events().get(1).name()).isEqualTo("いいね👍");
    }

    @Test
    void eventsKeepTheirOrder() {
        ObjectNode body = example();
        assertThat(parse(body).request().events()).extracting(Event::name).isEqualTo(List.of("view", "cart"));
    }
}
