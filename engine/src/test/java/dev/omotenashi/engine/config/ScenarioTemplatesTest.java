package dev.omotenashi.engine.config;

import dev.omotenashi.engine.scenario.ScenarioBundle;
import dev.omotenashi.engine.scenario.ScenarioCatalog;

import dev.omotenashi.engine.campaign.Campaign;
import dev.omotenashi.engine.campaign.CampaignParser;
import dev.omotenashi.engine.campaign.CompiledCampaign;
import dev.omotenashi.engine.condition.FakeFacts;
import dev.omotenashi.engine.eventdef.EventDefinition;
import dev.omotenashi.engine.eventdef.EventDefinitionParser;
import dev.omotenashi.engine.profile.Agg;
import dev.omotenashi.engine.profile.Metric;
import dev.omotenashi.engine.profile.Scope;
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

    private static CompiledSite scenario(String id) {
        return compile(ScenarioCatalog.get(id));
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

    @Test
    void s05ExcludesTheSalePagesAndCountsTheDerivedSaleView() {
        CompiledSite site = scenario("S05");
        CompiledCampaign c = site.campaign("sale-guidance");
        assertThat(c.pages().test(FakeFacts.at(0).attr("page.path", "/items/1"))).isTrue();
        for (String excluded : List.of("/sale/winter", "/cart", "/signup", "/signup/complete")) {
            assertThat(c.pages().test(FakeFacts.at(0).attr("page.path", excluded))).as(excluded).isFalse();
        }
        assertThat(c.audience().test(FakeFacts.at(0))).isTrue();
        assertThat(c.audience().test(FakeFacts.at(0).agg("sale_view", null, Scope.ALL, Agg.COUNT, 1.0))).isFalse();
        assertThat(site.derivedFrom("view")).singleElement()
                .satisfies(d -> assertThat(d.where().test(FakeFacts.at(0).attr("page.path", "/sale/winter"))).isTrue());
    }

    @Test
    void s10DeliversBetweenFourAndFiveThousandYenInclusive() {
        CompiledCampaign c = scenario("S10").campaign("free-shipping-nudge");
        for (double price : new double[] {4000, 4500, 5000}) {
            assertThat(c.audience().test(FakeFacts.at(0).agg("cart", "in_cart_price", Scope.ALL, Agg.LATEST, price))).isTrue();
        }
        for (double price : new double[] {3000, 5200}) {
            assertThat(c.audience().test(FakeFacts.at(0).agg("cart", "in_cart_price", Scope.ALL, Agg.LATEST, price))).isFalse();
        }
    }

    @Test
    void s12TheReminderFollowsTheCouponShownThisSession() {
        CompiledCampaign b = scenario("S12").campaign("signup-coupon-reminder");
        assertThat(b.audience().test(FakeFacts.at(0))).isFalse();
        assertThat(b.audience().test(FakeFacts.at(0).action("signup-coupon", Metric.SHOWN, Scope.SESSION, 1, 0L))).isTrue();
        assertThat(b.campaign().stop().afterCloses()).isEqualTo(3);
        assertThat(b.campaign().stop().afterGoal()).isTrue();
    }

    @Test
    void s09NeedsACartAndNoBuyInThePreviousSessionOnTheFirstView() {
        CompiledCampaign c = scenario("S09").campaign("cart-abandoner-return");
        FakeFacts abandoned = FakeFacts.at(0).agg("cart", null, Scope.PREVIOUS_SESSION, Agg.COUNT, 1.0).attr("session.pv", 1.0);
        assertThat(c.audience().test(abandoned)).isTrue();
        assertThat(c.audience().test(abandoned.attr("session.pv", 2.0))).isFalse();
        assertThat(c.audience().test(abandoned.attr("session.pv", 1.0).agg("buy", null, Scope.PREVIOUS_SESSION, Agg.COUNT, 1.0))).isFalse();
    }
}
