package dev.omotenashi.engine.event;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omotenashi.engine.config.ConfigError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.omotenashi.engine.event.TrackBodies.assertRejected;
import static dev.omotenashi.engine.event.TrackBodies.errorsOf;
import static dev.omotenashi.engine.event.TrackBodies.event;
import static dev.omotenashi.engine.event.TrackBodies.events;
import static dev.omotenashi.engine.event.TrackBodies.example;
import static dev.omotenashi.engine.event.TrackBodies.parse;
import static dev.omotenashi.engine.event.TrackBodies.parseJson;
import static dev.omotenashi.engine.event.TrackBodies.props;
import static dev.omotenashi.engine.event.TrackBodies.repeat;
import static dev.omotenashi.engine.event.TrackRequestParser.INVALID_FORMAT;
import static dev.omotenashi.engine.event.TrackRequestParser.INVALID_TYPE;
import static dev.omotenashi.engine.event.TrackRequestParser.OUT_OF_RANGE;
import static dev.omotenashi.engine.event.TrackRequestParser.REQUIRED;
import static dev.omotenashi.engine.event.TrackRequestParser.RESERVED_NAME;
import static dev.omotenashi.engine.event.TrackRequestParser.TOO_DEEP;
import static dev.omotenashi.engine.event.TrackRequestParser.TOO_FEW;
import static dev.omotenashi.engine.event.TrackRequestParser.TOO_LARGE;
import static dev.omotenashi.engine.event.TrackRequestParser.TOO_LONG;
import static dev.omotenashi.engine.event.TrackRequestParser.TOO_MANY;
import static dev.omotenashi.engine.event.TrackRequestParser.TOO_SHORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Every limit of tracking-protocol.md §1, one test each, asserting the path and the code. */
class TrackRequestLimitsTest {

    private static final String LONE_SURROGATE = "\uD800";

    // ---- the request as a whole -----------------------------------------------------------------------

    @Test
    void bodyMustBeAnObject() {
        assertRejected(parseJson("[1, 2]"), "", INVALID_TYPE);
    }

    @Test
    void requestOver500KiBIsTooLarge() {
        ObjectNode body = example();
        // 20 events of ~26 KiB each: every event is within its own limit, the sum is not.
        for (int i = 0; i < 20; i++) {
            ObjectNode e = events(body).addObject().put("id", "big" + i).put("name", "blob");
            e.putObject("properties").put("data", repeat('x', 26 * 1024));
        }
        assertRejected(body, "", TOO_LARGE);
    }

    // ---- site, visitor, user, traits, decide -------------------------------------------------------------

    @Test
    void siteIsRequired() {
        ObjectNode body = example();
        body.remove("site");
        assertRejected(body, "site", REQUIRED);
    }

    @Test
    void siteMustBeAString() {
        ObjectNode body = example();
        body.put("site", 42);
        assertRejected(body, "site", INVALID_TYPE);
    }

    @Test
    void siteMustNotBeEmpty() {
        ObjectNode body = example();
        body.put("site", "");
        assertRejected(body, "site", TOO_SHORT);
    }

    @Test
    void siteIsAtMost128Characters() {
        ObjectNode body = example();
        body.put("site", repeat('k', 129));
        assertRejected(body, "site", TOO_LONG);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v_short", "v_has space_00", "v_slash/0000000", "v_ドット0000000"})
    void visitorMustBe8To64UrlSafeCharacters(String visitor) {
        ObjectNode body = example();
        body.put("visitor", visitor);
        assertRejected(body, "visitor", INVALID_FORMAT);
    }

    @Test
    void visitorIsAtMost64Characters() {
        ObjectNode body = example();
        body.put("visitor", repeat('v', 64));
        assertThat(parse(body).request().visitor()).hasSize(64);
        body.put("visitor", repeat('v', 65));
        assertRejected(body, "visitor", INVALID_FORMAT);
    }

    @Test
    void visitorMustBeAString() {
        ObjectNode body = example();
        body.put("visitor", 12345678);
        assertRejected(body, "visitor", INVALID_TYPE);
    }

    @Test
    void userMustNotBeEmpty() {
        ObjectNode body = example();
        body.put("user", "");
        assertRejected(body, "user", TOO_SHORT);
    }

    @Test
    void userIsAtMost256Characters() {
        ObjectNode body = example();
        body.put("user", repeat('u', 256));
        assertThat(parse(body).request().user()).hasSize(256);
        body.put("user", repeat('u', 257));
        assertRejected(body, "user", TOO_LONG);
    }

    @Test
    void userMustBeAString() {
        ObjectNode body = example();
        body.put("user", 1234);
        assertRejected(body, "user", INVALID_TYPE);
    }

    @Test
    void traitsMustBeAnObject() {
        ObjectNode body = example();
        body.putArray("traits").add("gold");
        assertRejected(body, "traits", INVALID_TYPE);
    }

    @Test
    void traitsAreAtMost32KiB() {
        ObjectNode body = example();
        body.putObject("traits").put("bio", repeat('b', 32 * 1024));
        assertRejected(body, "traits", TOO_LARGE);
    }

    @Test
    void traitsFollowThePropertyNameRules() {
        ObjectNode body = example();
        body.putObject("traits").put(repeat('t', 129), 1);
        assertRejected(body, "traits." + repeat('t', 129), TOO_LONG);
    }

    @Test
    void decideMustBeABoolean() {
        ObjectNode body = example();
        body.put("decide", "yes");
        assertRejected(body, "decide", INVALID_TYPE);
    }

    // ---- page ------------------------------------------------------------------------------------------

    @Test
    void pageMustBeAnObject() {
        ObjectNode body = example();
        body.put("page", "https://shop.example/");
        assertRejected(body, "page", INVALID_TYPE);
    }

    @Test
    void pageUrlIsAtMost4096Characters() {
        ObjectNode body = example();
        String base = "https://shop.example/?q=";
        body.withObject("page").put("url", base + repeat('q', 4096 - base.length()));
        assertThat(parse(body).request().page().url()).hasSize(4096);
        body.withObject("page").put("url", base + repeat('q', 4097 - base.length()));
        assertRejected(body, "page.url", TOO_LONG);
    }

    @Test
    void pageUrlMustBeAString() {
        ObjectNode body = example();
        body.withObject("page").put("url", 1);
        assertRejected(body, "page.url", INVALID_TYPE);
    }

    @Test
    void pageTitleMustBeAString() {
        ObjectNode body = example();
        body.withObject("page").putArray("title");
        assertRejected(body, "page.title", INVALID_TYPE);
    }

    @Test
    void pageTitleIsAtMost1024Characters() {
        ObjectNode body = example();
        body.withObject("page").put("title", repeat('t', 1025));
        assertRejected(body, "page.title", TOO_LONG);
    }

    @Test
    void pageReferrerIsAtMost4096Characters() {
        ObjectNode body = example();
        body.withObject("page").put("referrer", "https://r.example/" + repeat('r', 4096));
        assertRejected(body, "page.referrer", TOO_LONG);
    }

    // ---- context ---------------------------------------------------------------------------------------

    @Test
    void contextMustBeAnObject() {
        ObjectNode body = example();
        body.put("context", "mobile");
        assertRejected(body, "context", INVALID_TYPE);
    }

    @Test
    void viewportMustBeTwoNumbers() {
        ObjectNode body = example();
        body.withObject("context").putArray("viewport").add(390);
        assertRejected(body, "context.viewport", INVALID_TYPE);
    }

    @Test
    void viewportMustHoldIntegers() {
        ObjectNode body = example();
        body.withObject("context").putArray("viewport").add(390.5).add(844);
        assertRejected(body, "context.viewport[0]", INVALID_TYPE);
    }

    @Test
    void screenMustNotBeNegative() {
        ObjectNode body = example();
        body.withObject("context").putArray("screen").add(390).add(-1);
        assertRejected(body, "context.screen[1]", OUT_OF_RANGE);
    }

    @Test
    void langIsAtMost64Characters() {
        ObjectNode body = example();
        body.withObject("context").put("lang", repeat('j', 65));
        assertRejected(body, "context.lang", TOO_LONG);
    }

    @Test
    void timezoneMustBeAString() {
        ObjectNode body = example();
        body.withObject("context").put("tz", 9);
        assertRejected(body, "context.tz", INVALID_TYPE);
    }

    @Test
    void mobileMustBeABoolean() {
        ObjectNode body = example();
        body.withObject("context").put("mobile", "true");
        assertRejected(body, "context.mobile", INVALID_TYPE);
    }

    // ---- events ----------------------------------------------------------------------------------------

    @Test
    void eventsAreRequired() {
        ObjectNode body = example();
        body.remove("events");
        assertRejected(body, "events", REQUIRED);
    }

    @Test
    void eventsMustBeAnArray() {
        ObjectNode body = example();
        body.putObject("events");
        assertRejected(body, "events", INVALID_TYPE);
    }

    @Test
    void atLeastOneEvent() {
        ObjectNode body = example();
        body.putArray("events");
        assertRejected(body, "events", TOO_FEW);
    }

    @Test
    void atMost100Events() {
        ObjectNode body = example();
        ArrayNode events = body.putArray("events");
        for (int i = 0; i < 100; i++) events.addObject().put("id", "e" + i).put("name", "view");
        assertThat(parse(body).request().events()).hasSize(100);
        events.addObject().put("id", "e100").put("name", "view");
        assertRejected(body, "events", TOO_MANY);
    }

    @Test
    void eventMustBeAnObject() {
        ObjectNode body = example();
        events(body).add("view");
        assertRejected(body, "events[2]", INVALID_TYPE);
    }

    @Test
    void eventIdIsRequired() {
        ObjectNode body = example();
        event(body, 1).remove("id");
        assertRejected(body, "events[1].id", REQUIRED);
    }

    @Test
    void eventIdMustNotBeEmpty() {
        ObjectNode body = example();
        event(body, 1).put("id", "");
        assertRejected(body, "events[1].id", TOO_SHORT);
    }

    @Test
    void eventIdIsAtMost128Characters() {
        ObjectNode body = example();
        event(body, 1).put("id", repeat('e', 128));
        assertThat(parse(body).request().events().get(1).id()).hasSize(128);
        event(body, 1).put("id", repeat('e', 129));
        assertRejected(body, "events[1].id", TOO_LONG);
    }

    @ParameterizedTest
    @ValueSource(strings = {"e 1", "e/1", "e?1", "<script>", "e\n1", "ｅ１"})
    void eventIdMustBeUrlSafe(String id) {
        ObjectNode body = example();
        event(body, 1).put("id", id);
        assertRejected(body, "events[1].id", INVALID_FORMAT);
    }

    @Test
    void eventIdAcceptsUuidsAndDottedIds() {
        ObjectNode body = example();
        event(body, 0).put("id", "3f2504e0-4f89-11d3-9a0c-0305e82c3301");
        event(body, 1).put("id", "ajs-next:1764000000000.abc~1");
        assertThat(parse(body).request().events()).hasSize(2);
    }

    @Test
    void eventNameIsRequired() {
        ObjectNode body = example();
        event(body, 1).remove("name");
        assertRejected(body, "events[1].name", REQUIRED);
    }

    @Test
    void eventNameMustBeAString() {
        ObjectNode body = example();
        event(body, 1).put("name", 7);
        assertRejected(body, "events[1].name", INVALID_TYPE);
    }

    @Test
    void eventNameIsAtMost128Characters() {
        ObjectNode body = example();
        event(body, 1).put("name", repeat('名', 128));
        assertThat(parse(body).request().events().get(1).name()).hasSize(128);
        event(body, 1).put("name", repeat('名', 129));
        assertRejected(body, "events[1].name", TOO_LONG);
    }

    @Test
    void eventNameMustNotHoldControlCharacters() {
        ObjectNode body = example();
        event(body, 1).put("name", "cart\u0000");
        assertRejected(body, "events[1].name", INVALID_FORMAT);
    }

    @Test
    void aClientCannotForgeADerivedEventName() {
        ObjectNode body = example();
        event(body, 1).put("name", "view~3f9a0c1d2e4b");
        assertRejected(body, "events[1].name", RESERVED_NAME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"_action_delivered", "_internal", "_", "_view"})
    void underscoreNamesOtherThanTheActionEventsAreReserved(String name) {
        ObjectNode body = example();
        event(body, 1).put("name", name);
        assertRejected(body, "events[1].name", RESERVED_NAME);
    }

    @Test
    void eventNameWithLoneSurrogateIsInvalid() {
        ObjectNode body = example();
        event(body, 1).put("name", "cart" + LONE_SURROGATE);
        assertRejected(body, "events[1].name", INVALID_FORMAT);
    }

    @Test
    void timestampBefore2000IsOutOfRange() {
        ObjectNode body = example();
        event(body, 1).put("ts", 1_764_000_000L);   // seconds, not milliseconds: 1970-01-21
        assertRejected(body, "events[1].ts", OUT_OF_RANGE);
    }

    @Test
    void negativeTimestampIsOutOfRange() {
        ObjectNode body = example();
        event(body, 1).put("ts", -1);
        assertRejected(body, "events[1].ts", OUT_OF_RANGE);
    }

    @Test
    void infiniteTimestampIsOutOfRange() {
        ObjectNode body = example();
        // JSON text 1e400 is valid JSON, and Jackson reads it, by default, as an infinite double.
        event(body, 1).set("ts", parseJson("1e400"));
        assertRejected(body, "events[1].ts", OUT_OF_RANGE);
    }

    @Test
    void timestampMustBeANumberOrAString() {
        ObjectNode body = example();
        event(body, 1).put("ts", true);
        assertRejected(body, "events[1].ts", INVALID_TYPE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "1764000000000", "2025-11-24T16:00:00", "2025-11-24"})
    void timestampStringMustBeIsoWithOffset(String ts) {
        ObjectNode body = example();
        event(body, 1).put("ts", ts);
        assertRejected(body, "events[1].ts", INVALID_FORMAT);
    }

    @Test
    void propertiesMustBeAnObject() {
        ObjectNode body = example();
        event(body, 1).putArray("properties");
        assertRejected(body, "events[1].properties", INVALID_TYPE);
    }

    @Test
    void propertiesNestDeeperThan8AreTooDeep() {
        ObjectNode body = example();
        ObjectNode node = props(body, 1);
        StringBuilder path = new StringBuilder("events[1].properties");
        for (int level = 2; level <= TrackRequestParser.MAX_DEPTH + 1; level++) {
            node = node.putObject("n" + level);
            path.append(".n").append(level);
        }
        node.put("leaf", 1);
        assertRejected(body, path.toString(), TOO_DEEP);
    }

    @Test
    void arraysCountTowardsTheDepth() {
        ObjectNode body = example();
        // properties is level 1, "a" level 2, and each array inside one more: the eighth array is level 9.
        props(body, 1).set("a", parseJson("[[[[[[[[1]]]]]]]]"));
        assertRejected(body, "events[1].properties.a[0][0][0][0][0][0][0]", TOO_DEEP);
    }

    @Test
    void propertyNameIsAtMost128Characters() {
        ObjectNode body = example();
        props(body, 1).put(repeat('p', 128), 1);
        assertThat(parse(body).request().events()).hasSize(2);
        props(body, 1).putObject("item").put(repeat('p', 129), 1);
        assertRejected(body, "events[1].properties.item." + repeat('p', 129), TOO_LONG);
    }

    @Test
    void propertyNameMustNotBeEmpty() {
        ObjectNode body = example();
        props(body, 1).put("", 1);
        assertRejected(body, "events[1].properties.\"\"", TOO_SHORT);
    }

    @Test
    void propertyNameWithLoneSurrogateIsInvalid() {
        ObjectNode body = example();
        props(body, 1).put("price" + LONE_SURROGATE, 1);
        assertRejected(body, "events[1].properties.price" + LONE_SURROGATE, INVALID_FORMAT);
    }

    @Test
    void propertyValueWithLoneSurrogateIsInvalid() {
        ObjectNode body = (ObjectNode) parseJson(TrackBodies.EXAMPLE.replace("\"items\": 3", "\"items\": [\"ok\", \"\\udc00bad\"]"));
        assertRejected(body, "events[1].properties.items[1]", INVALID_FORMAT);
    }

    @Test
    void propertyNumberMustBeFinite() {
        ObjectNode body = example();
        props(body, 1).set("price", parseJson("-1e999"));
        assertRejected(body, "events[1].properties.price", OUT_OF_RANGE);
    }

    @Test
    void propertiesAreAtMost32KiBPerEvent() {
        ObjectNode body = example();
        // {"d":"…"} is 8 bytes of syntax around the value.
        props(body, 1).removeAll().put("d", repeat('x', 32 * 1024 - 8));
        assertThat(parse(body).request().events()).hasSize(2);
        props(body, 1).put("d", repeat('x', 32 * 1024 - 7));
        assertRejected(body, "events[1].properties", TOO_LARGE);
    }

    @Test
    void propertySizeCountsUtf8Bytes() {
        ObjectNode body = example();
        props(body, 1).removeAll().put("d", repeat('あ', 11 * 1024));   // 33 KiB in UTF-8, 11 Ki chars
        assertRejected(body, "events[1].properties", TOO_LARGE);
    }

    @Test
    void actionEventMustCarryCampaignVariantAndAction() {
        ObjectNode body = example();
        event(body, 1).put("name", "_action_clicked");
        props(body, 1).removeAll().put("variant", 2).put("action", "");
        assertThat(errorsOf(body)).extracting(ConfigError::path, ConfigError::code).containsExactly(
                tuple("events[1].properties.campaign", REQUIRED),
                tuple("events[1].properties.variant", INVALID_TYPE),
                tuple("events[1].properties.action", TOO_SHORT));
    }

    @Test
    void actionEventWithoutPropertiesLacksThemAll() {
        ObjectNode body = example();
        event(body, 1).put("name", "_action_shown").remove("properties");
        assertThat(errorsOf(body)).extracting(ConfigError::path).containsExactly(
                "events[1].properties.campaign", "events[1].properties.variant", "events[1].properties.action");
    }

    @Test
    void formSubmissionMustCarryFields() {
        ObjectNode body = example();
        event(body, 1).put("name", "_form_submitted");
        props(body, 1).removeAll().put("campaign", "survey").put("variant", "default").put("action", "a_1");
        assertRejected(body, "events[1].properties.fields", REQUIRED);
    }

    @Test
    void formSubmissionFieldsMustBeAnObject() {
        ObjectNode body = example();
        event(body, 1).put("name", "_form_submitted");
        props(body, 1).removeAll().put("campaign", "survey").put("variant", "default").put("action", "a_1")
                .put("fields", "height=162");
        assertRejected(body, "events[1].properties.fields", INVALID_TYPE);
    }

    // ---- strings everywhere --------------------------------------------------------------------------

    @Test
    void pageUrlWithLoneSurrogateIsInvalid() {
        ObjectNode body = example();
        body.withObject("page").put("url", "https://shop.example/" + LONE_SURROGATE);
        assertRejected(body, "page.url", INVALID_FORMAT);
    }

    @Test
    void userWithLoneSurrogateIsInvalid() {
        ObjectNode body = example();
        body.put("user", "u" + LONE_SURROGATE);
        assertRejected(body, "user", INVALID_FORMAT);
    }

    // ---- reporting -------------------------------------------------------------------------------------

    @Test
    void everyProblemIsReportedAtOnceInDocumentOrder() {
        ObjectNode body = example();
        body.remove("site");
        body.put("user", "");
        event(body, 0).remove("id");
        event(body, 1).put("name", "_action_delivered");
        assertThat(errorsOf(body)).extracting(ConfigError::path, ConfigError::code).containsExactly(
                tuple("site", REQUIRED), tuple("user", TOO_SHORT), tuple("events[0].id", REQUIRED),
                tuple("events[1].name", RESERVED_NAME));
    }

    @Test
    void reportIsCappedAtMaxErrors() {
        ObjectNode body = example();
        ArrayNode events = body.putArray("events");
        for (int i = 0; i < 100; i++) events.addObject().put("name", "_bad").put("ts", "never");
        assertThat(errorsOf(body)).hasSize(TrackRequestParser.MAX_ERRORS);
    }

    @Test
    void errorsNameWhatWasExpected() {
        ObjectNode body = example();
        body.put("site", 42);
        assertThat(errorsOf(body).get(0).message()).isEqualTo("expected a string");
    }
}
