package dev.omotenashi.engine.config;

import dev.omotenashi.engine.campaign.Campaign;
import dev.omotenashi.engine.campaign.CampaignParser;
import dev.omotenashi.engine.eventdef.EventDefinition;
import dev.omotenashi.engine.eventdef.EventDefinitionParser;
import dev.omotenashi.engine.segment.Segment;
import dev.omotenashi.engine.segment.SegmentParser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The rules that span a site's objects: references must resolve, segments and definitions must not loop. */
class ConfigSetTest {

    private static Segment segment(String id, String condition) {
        return SegmentParser.parse(Json.parse("{'id': '" + id + "', 'name': '" + id + "', 'condition': " + condition + "}"));
    }

    private static Segment refs(String id, String... ids) {
        StringBuilder all = new StringBuilder("{'all': [{'attr': 'session.pv', 'op': 'gte', 'value': 1}");
        for (String ref : ids) all.append(", {'segment': '").append(ref).append("'}");
        return segment(id, all.append("]}").toString());
    }

    private static Campaign campaign(String id, String audience) {
        return CampaignParser.parse(Json.parse("{'id': '" + id + "', 'name': 'C', 'audience': " + audience
                + ", 'creative': {'template': 'popup', 'content': {'title': 'x'}}}"));
    }

    private static EventDefinition definition(String name, String from) {
        return EventDefinitionParser.parse(Json.parse("{'name': '" + name + "', 'from': '" + from
                + "', 'where': {'prop': 'x', 'op': 'exists'}}"));
    }

    private static List<ConfigError> errors(Runnable change) {
        return Problems.of(change);
    }

    @Test
    void anUnknownSegmentReferenceIsReportedAtItsPath() {
        assertThat(errors(() -> ConfigSet.EMPTY.withSegment(refs("a", "missing"))))
                .extracting(ConfigError::path, ConfigError::code)
                .containsExactly(tuple("condition.all[1].segment", Codes.UNKNOWN_REFERENCE));
        assertThat(errors(() -> ConfigSet.EMPTY.withCampaign(campaign("c", "{'not': {'segment': 'vip'}}"))))
                .extracting(ConfigError::path, ConfigError::code)
                .containsExactly(tuple("audience.not.segment", Codes.UNKNOWN_REFERENCE));
    }

    @Test
    void anUnknownCampaignReferenceIsReportedButACampaignMayReferenceItself() {
        String shownOther = "{'action': 'other', 'metric': 'shown', 'op': 'eq', 'value': 0}";
        assertThat(errors(() -> ConfigSet.EMPTY.withCampaign(campaign("c", shownOther))))
                .extracting(ConfigError::path).containsExactly("audience.action");
        assertThat(errors(() -> ConfigSet.EMPTY.withSegment(segment("s", shownOther))))
                .extracting(ConfigError::path).containsExactly("condition.action");
        ConfigSet set = ConfigSet.EMPTY.withCampaign(campaign("c", "{'action': 'c', 'metric': 'closed', 'op': 'lt', 'value': 3}"));
        assertThat(set.campaign("c")).isNotNull();
    }

    @Test
    void aSegmentReferenceCycleIsRejectedAndNamed() {
        ConfigSet set = ConfigSet.EMPTY.withSegment(refs("c")).withSegment(refs("b", "c")).withSegment(refs("a", "b"));
        List<ConfigError> errors = errors(() -> set.withSegment(refs("c", "a")));
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("condition.all[1].segment");
            assertThat(e.code()).isEqualTo(Codes.CYCLE);
            assertThat(e.message()).contains("c → a → b → c");
        });
        assertThat(errors(() -> ConfigSet.EMPTY.withSegment(refs("self", "self"))))
                .singleElement().satisfies(e -> assertThat(e.message()).contains("self → self"));
    }

    @Test
    void deletingAReferencedSegmentFailsNamingEveryReferrer() {
        ConfigSet set = ConfigSet.EMPTY.withSegment(refs("vip")).withSegment(refs("vip-cart", "vip"))
                .withCampaign(campaign("gold", "{'any': [{'attr': 'session.pv', 'op': 'eq', 'value': 1}, {'segment': 'vip'}]}"));
        List<ConfigError> errors = errors(() -> set.withoutSegment("vip"));
        assertThat(errors).extracting(ConfigError::code).containsOnly(Codes.STILL_REFERENCED);
        assertThat(errors).extracting(ConfigError::message).anySatisfy(m -> assertThat(m).contains("segment 'vip-cart'").contains("condition.all[1].segment"))
                .anySatisfy(m -> assertThat(m).contains("campaign 'gold'").contains("audience.any[1].segment"));
        assertThat(set.segment("vip")).isNotNull();

        ConfigSet after = set.withoutCampaign("gold").withoutSegment("vip-cart").withoutSegment("vip");
        assertThat(after.segments()).isEmpty();
        assertThat(after.withoutSegment("never-existed")).isSameAs(after);
    }

    @Test
    void deletingACampaignThatOthersReferenceFails() {
        ConfigSet set = ConfigSet.EMPTY.withCampaign(campaign("a", "{'all': []}"))
                .withCampaign(campaign("b", "{'action': 'a', 'metric': 'shown', 'scope': 'session', 'op': 'gte', 'value': 1}"));
        assertThat(errors(() -> set.withoutCampaign("a"))).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("campaign 'b'").contains("audience.action"));
        assertThat(set.withoutCampaign("b").withoutCampaign("a").campaigns()).isEmpty();
    }

    @Test
    void eventDefinitionsMayChainButNotLoop() {
        ConfigSet set = ConfigSet.EMPTY.withEventDefinition(definition("sale_view", "view"))
                .withEventDefinition(definition("big_sale_view", "sale_view"));
        assertThat(set.eventDefinitions()).containsOnlyKeys("sale_view", "big_sale_view");
        assertThat(errors(() -> set.withEventDefinition(definition("sale_view", "big_sale_view"))))
                .singleElement().satisfies(e -> {
                    assertThat(e.path()).isEqualTo("from");
                    assertThat(e.code()).isEqualTo(Codes.CYCLE);
                    assertThat(e.message()).contains("sale_view ← big_sale_view ← sale_view");
                });
        assertThat(set.withoutEventDefinition("sale_view").eventDefinitions()).containsOnlyKeys("big_sale_view");
    }

    @Test
    void aFailedChangeLeavesTheSetAsItWas() {
        ConfigSet set = ConfigSet.EMPTY.withSegment(refs("a"));
        Segment before = set.segment("a");
        assertThatThrownBy(() -> set.withSegment(refs("a", "missing"))).isInstanceOf(ValidationException.class);
        assertThat(set.segment("a")).isSameAs(before);
        assertThatThrownBy(() -> set.segments().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aWholeConfigurationIsCheckedAtOnceWithIndexedPaths() {
        List<ConfigError> errors = errors(() -> ConfigSet.of(
                List.of(refs("a", "b"), refs("b", "a"), refs("c", "nope"), refs("c")),
                List.of(definition("x", "y"), definition("y", "x")),
                List.of(campaign("k", "{'segment': 'ghost'}"))));
        // Duplicates are reported first: the rest cannot be judged while an id means two things.
        assertThat(errors).extracting(ConfigError::path).containsExactly("segments[3].id");

        errors = errors(() -> ConfigSet.of(
                List.of(refs("a", "b"), refs("b", "a"), refs("c", "nope")),
                List.of(definition("x", "y"), definition("y", "x")),
                List.of(campaign("k", "{'segment': 'ghost'}"))));
        assertThat(errors).extracting(ConfigError::path, ConfigError::code).containsExactlyInAnyOrder(
                tuple("segments[0].condition.all[1].segment", Codes.CYCLE),
                tuple("segments[1].condition.all[1].segment", Codes.CYCLE),
                tuple("segments[2].condition.all[1].segment", Codes.UNKNOWN_REFERENCE),
                tuple("event_definitions[0].from", Codes.CYCLE),
                tuple("event_definitions[1].from", Codes.CYCLE),
                tuple("campaigns[0].audience.segment", Codes.UNKNOWN_REFERENCE));
    }

    @Test
    void objectsThatReferenceEachOtherCanBeInstalledTogether() {
        ConfigSet set = ConfigSet.of(List.of(refs("b", "a"), refs("a")), List.of(),
                List.of(campaign("second", "{'action': 'first', 'metric': 'shown', 'op': 'gte', 'value': 1}"), campaign("first", "{'segment': 'b'}")));
        assertThat(set.segments()).containsOnlyKeys("a", "b");
        assertThat(set.campaigns().keySet()).containsExactly("first", "second");
    }
}
