package dev.omotenashi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omotenashi.engine.SiteEngine;
import dev.omotenashi.engine.campaign.CampaignParser;
import dev.omotenashi.engine.config.ConfigSet;
import dev.omotenashi.engine.eventdef.EventDefinitionParser;
import dev.omotenashi.engine.segment.SegmentParser;

import java.util.ArrayList;
import java.util.List;

/**
 * A site's configuration as config-language JSON documents (segments, event definitions, campaigns), in
 * the order they must be installed: segments first, since campaigns and other segments refer to them.
 * Immutable.
 */
record SiteConfig(List<JsonNode> segments, List<JsonNode> eventDefinitions, List<JsonNode> campaigns) {
    static final SiteConfig EMPTY = new SiteConfig(List.of(), List.of(), List.of());

    SiteConfig {
        segments = List.copyOf(segments);
        eventDefinitions = List.copyOf(eventDefinitions);
        campaigns = List.copyOf(campaigns);
    }

    SiteConfig plus(SiteConfig other) {
        return new SiteConfig(concat(segments, other.segments), concat(eventDefinitions, other.eventDefinitions),
                concat(campaigns, other.campaigns));
    }

    /**
     * Installs everything into an engine at once, as a server loading a site does: one validation and one
     * compilation of the whole site (putting 71 campaigns one by one recompiles the site 71 times, which
     * takes seconds).
     *
     * @throws dev.omotenashi.engine.config.ValidationException when a document does not validate
     */
    void installInto(SiteEngine engine) {
        engine.configuration().replace(ConfigSet.of(
                segments.stream().map(SegmentParser::parse).toList(),
                eventDefinitions.stream().map(EventDefinitionParser::parse).toList(),
                campaigns.stream().map(CampaignParser::parse).toList()));
    }

    List<String> campaignIds() {
        return campaigns.stream().map(c -> c.path("id").asText()).toList();
    }

    private static List<JsonNode> concat(List<JsonNode> a, List<JsonNode> b) {
        List<JsonNode> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
