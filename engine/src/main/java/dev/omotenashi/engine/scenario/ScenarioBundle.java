package dev.omotenashi.engine.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omotenashi.engine.SiteEngine;

import java.util.List;
import java.util.Objects;

/**
 * One shipped scenario template (scenarios.md S01–S17): the segments, event definitions and campaigns a
 * shop installs with one click, as configuration-language JSON.
 *
 * @param scenario the scenario id ({@code S10})
 * @param title    what it does, for people
 */
public record ScenarioBundle(String scenario, String title, List<JsonNode> segments, List<JsonNode> eventDefinitions,
                             List<JsonNode> campaigns) {
    public ScenarioBundle {
        Objects.requireNonNull(scenario, "scenario");
        segments = List.copyOf(segments);
        eventDefinitions = List.copyOf(eventDefinitions);
        campaigns = List.copyOf(campaigns);
    }

    /**
     * Installs the bundle into a site: segments first, then event definitions, then campaigns, so every
     * reference resolves. @throws dev.omotenashi.engine.config.ValidationException when something does not validate
     */
    public void installInto(SiteEngine engine) {
        segments.forEach(engine::putSegment);
        eventDefinitions.forEach(engine::putEventDefinition);
        campaigns.forEach(engine::putCampaign);
    }

    /** A campaign of the bundle by id, for a template editor to start from; null when absent. */
    public JsonNode campaign(String id) {
        for (JsonNode c : campaigns) if (id.equals(c.path("id").asText())) return c.deepCopy();
        return null;
    }
}
