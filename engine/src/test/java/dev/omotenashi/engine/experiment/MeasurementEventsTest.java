package dev.omotenashi.engine.experiment;

import dev.omotenashi.engine.Action;
import dev.omotenashi.engine.campaign.Campaign;
import dev.omotenashi.engine.campaign.CampaignParser;
import dev.omotenashi.engine.config.ConfigError;
import dev.omotenashi.engine.config.ValidationException;
import dev.omotenashi.engine.event.Event;
import dev.omotenashi.engine.testing.Shop;
import dev.omotenashi.engine.testing.ShopVisitor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.omotenashi.engine.testing.Delivered.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the engine derives for the server's measurement counters: {@code _exposure} once per person and
 * campaign, {@code _goal} with the exposure time and the goal value; and the {@code allocation} field.
 */
class MeasurementEventsTest {
    private static final String AB = """
            {"id": "ab", "name": "A/B", "status": "live",
             "variants": [{"id": "a", "creative": {"template": "banner", "content": {"text": "A"}}},
                          {"id": "b", "creative": {"template": "banner", "content": {"text": "B"}}}],
             "frequency": {"per": "pageview"},
             "goal": {"event": "buy", "window": "P7D", "value": "total"}%s}""";

    private final Shop shop = Shop.open().campaign(AB.formatted(""));

    @Test
    void theFirstExposureIsDerivedOncePerPersonAndCampaign() {
        ShopVisitor v = shop.pcVisitor();
        Action a = only(v.view("/"), "ab");
        v.shown(a);
        List<Event> first = v.lastDerived("_exposure");
        assertThat(first).hasSize(1);
        assertThat(first.getFirst().property("campaign").asText()).isEqualTo("ab");
        assertThat(first.getFirst().property("variant").asText()).isEqualTo(a.variant());
        assertThat(first.getFirst().property("control").asBoolean()).isFalse();

        v.shown(only(v.view("/items/1"), "ab"));
        assertThat(v.lastDerived("_exposure")).isEmpty();
    }

    @Test
    void theExposuresArmIsTheAssignedOneWhateverTheReportSays() {
        ShopVisitor v = shop.pcVisitor();
        Action a = only(v.view("/"), "ab");
        String other = a.variant().equals("a") ? "b" : "a";
        v.track("_action_shown", ShopVisitor.props("campaign", "ab", "variant", other, "action", a.action()));
        Event exposure = v.lastDerived("_exposure").getFirst();
        assertThat(exposure.property("variant").asText()).as("the delivered arm, not the reported one").isEqualTo(a.variant());
        assertThat(v.profile().campaign("ab").exposedVariant()).isEqualTo(a.variant());
    }

    @Test
    void aReportWithoutAVariantCountsUnderTheAssignedArm() {
        ShopVisitor v = shop.pcVisitor();
        Action a = only(v.view("/"), "ab");
        v.track("_action_shown", ShopVisitor.props("campaign", "ab", "action", a.action()));
        assertThat(v.lastDerived("_exposure").getFirst().property("variant").asText()).isEqualTo(a.variant());
    }

    @Test
    void aGoalCarriesTheExposureTimeAndTheNumericValueOfItsProperty() {
        ShopVisitor v = shop.pcVisitor();
        v.shown(only(v.view("/"), "ab"));
        long exposedAt = shop.clock().millis();
        shop.after(Duration.ofDays(2));
        v.track("buy", (com.fasterxml.jackson.databind.node.ObjectNode) Shop.parse("{\"total\": 4800}"));

        Event goal = v.lastDerived("_goal").getFirst();
        assertThat(goal.property("exposed_at").asLong()).isEqualTo(exposedAt);
        assertThat(goal.property("value").asDouble()).isEqualTo(4800.0);
    }

    @Test
    void aGoalValueMayBeANestedPropertyNamedWithDots() {
        Shop nested = Shop.open().campaign(AB.formatted("").replace("\"value\": \"total\"", "\"value\": \"order.total\""));
        ShopVisitor v = nested.pcVisitor();
        v.shown(only(v.view("/"), "ab"));
        v.track("buy", (com.fasterxml.jackson.databind.node.ObjectNode) Shop.parse("{\"order\": {\"total\": 1200.5}}"));
        assertThat(v.lastDerived("_goal").getFirst().property("value").asDouble()).isEqualTo(1200.5);
    }

    @Test
    void aGoalWhoseValuePropertyIsNotANumberHasNoValue() {
        ShopVisitor v = shop.pcVisitor();
        v.shown(only(v.view("/"), "ab"));
        v.track("buy", (com.fasterxml.jackson.databind.node.ObjectNode) Shop.parse("{\"total\": \"lots\"}"));
        assertThat(v.lastDerived("_goal").getFirst().property("value")).isNull();
    }

    @Test
    void allocationIsParsedAndValidatedWithItsPath() {
        Campaign c = CampaignParser.parse(Shop.parse(AB.formatted(", \"allocation\": \"bandit\"")));
        assertThat(c.allocation()).isEqualTo(Campaign.Allocation.BANDIT);
        assertThat(c.goal().value()).isEqualTo("total");
        assertThat(CampaignParser.parse(Shop.parse(AB.formatted(""))).allocation()).isEqualTo(Campaign.Allocation.WEIGHTS);

        assertThat(paths(AB.formatted(", \"allocation\": \"greedy\""))).containsExactly("allocation");
        assertThat(paths("""
                {"id": "one", "name": "x", "allocation": "bandit",
                 "creative": {"template": "banner", "content": {"text": "A"}}}""")).contains("allocation");
        assertThat(paths("""
                {"id": "one", "name": "x", "goal": {"event": "buy", "value": 3},
                 "creative": {"template": "banner", "content": {"text": "A"}}}""")).containsExactly("goal.value");
    }

    @Test
    void aBanditSendsMostNewVisitorsToTheVariantWhoseCountsAreBest() {
        Shop bandit = Shop.open().campaign(AB.formatted(", \"allocation\": \"bandit\""));
        bandit.engine().configuration().bandits().update("ab",
                List.of(ArmStats.of("a", 5_000, 100), ArmStats.of("b", 5_000, 400)));
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < 200; i++) seen.merge(only(bandit.pcVisitor().view("/"), "ab").variant(), 1, Integer::sum);
        assertThat(seen.getOrDefault("b", 0)).isEqualTo(200);
    }

    @Test
    void aBanditVisitorKeepsTheVariantItWasFirstGiven() {
        Shop bandit = Shop.open().campaign(AB.formatted(", \"allocation\": \"bandit\""));
        ShopVisitor v = bandit.pcVisitor();
        String first = only(v.view("/"), "ab").variant();
        String other = first.equals("a") ? "b" : "a";
        bandit.engine().configuration().bandits().update("ab",
                List.of(ArmStats.of(other, 5_000, 900), ArmStats.of(first, 5_000, 1)));
        for (int i = 0; i < 20; i++) assertThat(only(v.view("/items/" + i), "ab").variant()).isEqualTo(first);
    }

    private static List<String> paths(String json) {
        try {
            CampaignParser.parse(Shop.parse(json));
            return List.of();
        } catch (ValidationException e) {
            return e.errors().stream().map(ConfigError::path).toList();
        }
    }
}
