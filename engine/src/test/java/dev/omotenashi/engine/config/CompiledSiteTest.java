package dev.omotenashi.engine.config;

import dev.omotenashi.engine.campaign.Campaign;
import dev.omotenashi.engine.campaign.CampaignParser;
import dev.omotenashi.engine.campaign.CompiledCampaign;
import dev.omotenashi.engine.condition.DerivedEvent;
import dev.omotenashi.engine.condition.FakeFacts;
import dev.omotenashi.engine.condition.Predicate;
import dev.omotenashi.engine.eventdef.EventDefinitionParser;
import dev.omotenashi.engine.profile.Agg;
import dev.omotenashi.engine.profile.AggregateKey;
import dev.omotenashi.engine.profile.Scope;
import dev.omotenashi.engine.segment.SegmentParser;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A configuration compiled for the hot path: conditions, derived events and the aggregates they need. */
class CompiledSiteTest {
    private static final SiteSettings TOKYO = SiteSettings.of(ZoneId.of("Asia/Tokyo"));

    private static Campaign campaign(String json) {
        return CampaignParser.parse(Json.parse(json));
    }

    private final ConfigSet config = ConfigSet.of(
            List.of(SegmentParser.parse(Json.parse("{'id': 'gold', 'name': 'Gold', 'condition': {'all': ["
                            + "{'attr': 'visitor.is_member', 'op': 'eq', 'value': true}, {'attr': 'user.member_rank', 'op': 'eq', 'value': 'gold'}]}}")),
                    SegmentParser.parse(Json.parse("{'id': 'gold-buyer', 'name': 'Gold buyer', 'condition': {'all': ["
                            + "{'segment': 'gold'}, {'event': 'buy', 'op': 'gte', 'value': 1}]}}"))),
            List.of(EventDefinitionParser.parse(Json.parse("{'name': 'winter_sale_view', 'from': 'sale_view', "
                            + "'where': {'attr': 'page.path', 'op': 'starts_with', 'value': '/sale/winter'}}")),
                    EventDefinitionParser.parse(Json.parse("{'name': 'sale_view', 'from': 'view', "
                            + "'where': {'attr': 'page.path', 'op': 'starts_with', 'value': '/sale'}}"))),
            List.of(campaign("{'id': 'low', 'name': 'Low', 'status': 'live', 'priority': 1, "
                            + "'audience': {'segment': 'gold-buyer'}, 'pages': {'attr': 'page.path', 'op': 'eq', 'value': '/cart'}, "
                            + "'creative': {'template': 'popup', 'content': {'title': 'x'}}, "
                            + "'goal': {'event': 'buy', 'where': {'prop': 'total', 'op': 'gte', 'value': 5000}}}"),
                    campaign("{'id': 'high', 'name': 'High', 'priority': 100, "
                            + "'audience': {'event': 'view', 'where': {'prop': 'path', 'op': 'eq', 'value': '/campaign'}, 'op': 'gte', 'value': 3}, "
                            + "'creative': {'template': 'banner', 'content': {'text': 'x'}}, 'goal': {'event': 'buy'}}"),
                    campaign("{'id': 'also-high', 'name': 'Also high', 'priority': 100, "
                            + "'creative': {'template': 'banner', 'content': {'text': 'x'}}}")));

    private final CompiledSite site = CompiledSite.compile(config, TOKYO);

    @Test
    void campaignsComeHighestPriorityFirstTiesById() {
        assertThat(site.campaigns()).extracting(CompiledCampaign::id).containsExactly("also-high", "high", "low");
        assertThat(site.campaign("low").campaign()).isSameAs(config.campaign("low"));
    }

    @Test
    void audiencesPagesAndGoalsAreCompiled() {
        CompiledCampaign low = site.campaign("low");
        FakeFacts goldBuyer = FakeFacts.at(0).attr("visitor.is_member", true).attr("user.member_rank", "gold")
                .agg("buy", null, Scope.ALL, Agg.COUNT, 1.0).attr("page.path", "/cart");
        assertThat(low.audience().test(goldBuyer)).isTrue();
        assertThat(low.audience().test(FakeFacts.at(0).attr("visitor.is_member", true).attr("user.member_rank", "gold"))).isFalse();
        assertThat(low.pages().test(goldBuyer)).isTrue();
        assertThat(low.pages().test(FakeFacts.at(0).attr("page.path", "/"))).isFalse();
        assertThat(low.goalWhere().test(FakeFacts.at(0).prop("total", 6000.0))).isTrue();
        assertThat(low.goalWhere().test(FakeFacts.at(0).prop("total", 100.0))).isFalse();

        CompiledCampaign also = site.campaign("also-high");
        assertThat(also.audience()).isSameAs(Predicate.TRUE);
        assertThat(also.pages()).isSameAs(Predicate.TRUE);
        assertThat(also.goalWhere()).isSameAs(Predicate.FALSE);
        assertThat(site.campaign("high").goalWhere()).isSameAs(Predicate.TRUE);
        assertThat(site.campaignsWithGoal("buy")).extracting(CompiledCampaign::id).containsExactly("high", "low");
        assertThat(site.campaignsWithGoal("view")).isEmpty();
    }

    @Test
    void everySegmentIsCompiledAndReferencesShareTheCompiledPredicate() {
        assertThat(site.segments()).containsOnlyKeys("gold", "gold-buyer");
        assertThat(site.segment("gold").test(FakeFacts.at(0).attr("visitor.is_member", true).attr("user.member_rank", "gold"))).isTrue();
        assertThat(site.segment("nope")).isNull();
    }

    @Test
    void derivedEventsComeAfterTheEventsTheyDeriveFrom() {
        assertThat(site.derivedEvents()).extracting(DerivedEvent::name)
                .startsWith("sale_view", "winter_sale_view")
                .hasSize(3);
        DerivedEvent synthetic = site.derivedEvents().get(2);
        assertThat(synthetic.synthetic()).isTrue();
        assertThat(synthetic.from()).isEqualTo("view");
        assertThat(site.derivedFrom("view")).extracting(DerivedEvent::name).containsExactly("sale_view", synthetic.name());
        assertThat(site.derivedFrom("sale_view")).extracting(DerivedEvent::name).containsExactly("winter_sale_view");
        assertThat(site.derivedFrom("buy")).isEmpty();
    }

    @Test
    void requiredAggregatesAreExactlyThoseTheConditionsRead() {
        String synthetic = site.derivedEvents().get(2).name();
        assertThat(site.requiredAggregates()).containsExactlyInAnyOrder(
                new AggregateKey("buy", null, Scope.ALL, Agg.COUNT),
                new AggregateKey(synthetic, null, Scope.ALL, Agg.COUNT));
    }
}
