package dev.omotenashi.engine.config;

import dev.omotenashi.engine.scenario.ScenarioBundle;
import dev.omotenashi.engine.scenario.ScenarioCatalog;

import dev.omotenashi.engine.campaign.Campaign;
import dev.omotenashi.engine.campaign.CampaignParser;
import dev.omotenashi.engine.eventdef.EventDefinition;
import dev.omotenashi.engine.eventdef.EventDefinitionParser;
import dev.omotenashi.engine.segment.Segment;
import dev.omotenashi.engine.segment.SegmentParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scenario templates S01–S17 (scenarios.md), as they ship in the {@link ScenarioCatalog}: each
 * bundle of segments, event definitions and campaigns parses without error and compiles as one site.
 */
class ScenarioTemplatesTest {

    static Stream<ScenarioBundle> bundles() {
        return ScenarioCatalog.all().stream();
    }

    /** Parses a bundle's objects, failing with every error. */
    private static CompiledSite compile(ScenarioBundle bundle) {
        List<Segment> segments = new ArrayList<>();
        bundle.segments().forEach(s -> segments.add(SegmentParser.parse(s)));
        List<EventDefinition> definitions = new ArrayList<>();
        bundle.eventDefinitions().forEach(d -> definitions.add(EventDefinitionParser.parse(d)));
        List<Campaign> campaigns = new ArrayList<>();
        bundle.campaigns().forEach(c -> campaigns.add(CampaignParser.parse(c)));
        return CompiledSite.compile(ConfigSet.of(segments, definitions, campaigns), SiteSettings.of(ZoneId.of("Asia/Tokyo")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void everyScenarioParsesAndCompiles(ScenarioBundle bundle) {
        CompiledSite site = compile(bundle);
        assertThat(site.campaigns()).isNotEmpty().allSatisfy(c -> assertThat(c.campaign().live()).isTrue());
    }

    @Test
    void everyScenarioFromS01ToS17IsShipped() {
        Set<String> shipped = new TreeSet<>();
        bundles().forEach(b -> shipped.add(b.scenario().substring(0, 3)));
        Set<String> expected = new TreeSet<>();
        for (int i = 1; i <= 17; i++) expected.add(String.format("S%02d", i));
        assertThat(shipped).isEqualTo(expected);
    }
}
