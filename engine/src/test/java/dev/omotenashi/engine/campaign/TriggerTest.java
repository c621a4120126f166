package dev.omotenashi.engine.campaign;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omotenashi.engine.config.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every trigger kind parses and is delivered to the tag in the spec's form. */
class TriggerTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"on\":\"load\"}",
            "{\"on\":\"delay\",\"seconds\":5}",
            "{\"on\":\"scroll\",\"percent\":50}",
            "{\"on\":\"exit_intent\"}",
            "{\"on\":\"click\",\"selector\":\"#help > a.open\"}",
            "{\"on\":\"idle\",\"seconds\":30}",
            "{\"on\":\"session_time\",\"seconds\":180}",
            "{\"on\":\"event\",\"event\":\"cart\"}",
    })
    void aTriggerIsDeliveredAsItWasWritten(String json) {
        ObjectNode campaign = (ObjectNode) Json.parse("{'id': 'c', 'name': 'C', 'creative': {'template': 'popup', 'content': {'title': 'x'}}}");
        campaign.set("trigger", Json.parse(json));
        Trigger trigger = CampaignParser.parse(campaign).trigger();
        assertThat(trigger.toJson()).hasToString(json);
        assertThat(trigger.kind().json()).isEqualTo(Json.parse(json).get("on").textValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"load", "exit_intent"})
    void toJsonGivesAFreshObjectEachTime(String on) {
        Trigger t = on.equals("load") ? Trigger.LOAD : Trigger.EXIT_INTENT;
        t.toJson().put("on", "mutated");
        assertThat(t.toJson().get("on").textValue()).isEqualTo(on);
    }
}
