package dev.omotenashi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omotenashi.engine.SiteEngine;
import dev.omotenashi.engine.TrackRequest;
import dev.omotenashi.engine.event.Event;
import dev.omotenashi.engine.profile.Agg;
import dev.omotenashi.engine.profile.Profile;
import dev.omotenashi.engine.profile.Scope;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmarks' inputs are what they claim to be: the catalog and the synthetic campaigns validate, the
 * traffic is deterministic and has the documented mix, the typical profile is the documented one. No
 * timing is asserted here, and no benchmark runs in the build.
 */
class WorkloadTest {

    @Test
    void theScenarioCatalogHoldsTheCampaignsTheAcceptanceTestsInstall() {
        SiteConfig catalog = ScenarioCatalog.all();

        assertThat(catalog.campaignIds()).hasSize(21).doesNotHaveDuplicates()
                .contains("welcome-first-visit", "story-2-first-purchase", "signup-coupon-reminder", "first-purchase-coupon");
        assertThat(catalog.eventDefinitions()).extracting(d -> d.path("name").asText()).containsExactly("sale_view");
        SiteEngine engine = DemoShop.engine(new BenchClock(DemoShop.START, DemoShop.TOKYO), catalog);
        assertThat(engine.configuration().current().campaigns()).hasSize(21);
    }

    @Test
    void fiftySyntheticCampaignsValidateBesideTheScenariosAndUseEveryTemplate() {
        SiteConfig synthetic = SyntheticCampaigns.generate(50);

        assertThat(synthetic.campaignIds()).hasSize(50).doesNotHaveDuplicates();
        Set<String> templates = synthetic.campaigns().stream()
                .flatMap(c -> c.has("variants") ? stream(c.get("variants")).map(v -> v.get("creative")) : java.util.stream.Stream.of(c.get("creative")))
                .map(creative -> creative.get("template").asText()).collect(Collectors.toSet());
        assertThat(templates).containsExactlyInAnyOrder("popup", "banner", "slide_in", "notice_bar", "coupon", "survey",
                "recommendation", "call_button", "chat_invite", "html");
        SiteEngine engine = DemoShop.engine(new BenchClock(DemoShop.START, DemoShop.TOKYO), DemoShop.fullConfig());
        assertThat(engine.configuration().current().campaigns()).hasSize(71);
    }

    @Test
    void theSameOptionsGenerateTheSameTraffic() {
        ShopTraffic.Options options = new ShopTraffic.Options(2_000, 1.1, 1_500, 20, 7);

        ShopTraffic.Traffic a = ShopTraffic.generate(options);
        ShopTraffic.Traffic b = ShopTraffic.generate(options);

        assertThat(a.times()).isEqualTo(b.times());
        assertThat(describe(a)).isEqualTo(describe(b));
    }

    @Test
    void trafficIsInTimeOrderMostlyViewsAndCarriesTheDocumentedEvents() {
        ShopTraffic.Traffic traffic = ShopTraffic.generate(new ShopTraffic.Options(5_000, 1.1, 4_000, 40, 11));
        ShopTraffic.Traffic own = traffic.withoutReports();

        assertThat(own.size()).isEqualTo(4_000);
        long[] times = traffic.times();
        for (int i = 1; i < times.length; i++) assertThat(times[i]).isGreaterThanOrEqualTo(times[i - 1]);
        long views = Arrays.stream(own.requests()).filter(r -> r.events().getFirst().name().equals("view")).count();
        assertThat(views / (double) own.size()).isBetween(0.6, 0.85);
        Set<String> names = Arrays.stream(traffic.requests()).flatMap(r -> r.events().stream()).map(Event::name)
                .collect(Collectors.toSet());
        assertThat(names).contains("view", "cart", "buy", "favorite", "search", "_action_shown");
        assertThat(Arrays.stream(own.requests()).allMatch(r -> r.events().size() == 1)).isTrue();
        assertThat(Arrays.stream(traffic.withDecide(ShopTraffic.Decide.NEVER).requests()).noneMatch(TrackRequest::decide)).isTrue();
        assertThat(Arrays.stream(traffic.withDecide(ShopTraffic.Decide.ALWAYS).requests()).allMatch(TrackRequest::decide)).isTrue();
        assertThat(traffic.laidOut(ShopTraffic.Layout.GENERATED)).isSameAs(traffic);
        TrackRequest[] copied = traffic.laidOut(ShopTraffic.Layout.COPIED).requests();
        TrackRequest[] parsed = traffic.laidOut(ShopTraffic.Layout.PARSED).requests();
        assertThat(copied).containsExactly(traffic.requests()); // equal, in order: the same requests, copied
        assertThat(parsed).containsExactly(traffic.requests());
        for (int i = 0; i < copied.length; i++) {
            TrackRequest original = traffic.requests()[i];
            assertThat(copied[i].events().getFirst()).isNotSameAs(original.events().getFirst());
            assertThat(copied[i].page()).isNotSameAs(original.page());
            assertThat(copied[i].visitor()).isSameAs(original.visitor());
            assertThat(parsed[i].visitor()).isNotSameAs(original.visitor());
            if (original.events().getFirst().properties() != null) {
                assertThat(parsed[i].events().getFirst().properties()).isNotSameAs(original.events().getFirst().properties());
            }
        }
        assertThat(Arrays.stream(traffic.requests()).anyMatch(r -> r.page().url() != null && r.page().url().contains("utm_medium=cpc"))).isTrue();
    }

    @Test
    void replayingTheTrafficOnAFreshEngineDeliversTheActionsItReports() {
        ShopTraffic.Traffic traffic = ShopTraffic.generate(new ShopTraffic.Options(3_000, 1.1, 2_000, 30, 5));
        BenchClock clock = new BenchClock(traffic.times()[0], DemoShop.TOKYO);
        SiteEngine engine = DemoShop.engine(clock, DemoShop.fullConfig());

        Set<String> delivered = new java.util.HashSet<>();
        Set<String> reported = new java.util.HashSet<>();
        for (int i = 0; i < traffic.size(); i++) {
            clock.set(traffic.times()[i]);
            TrackRequest r = traffic.requests()[i];
            for (Event e : r.events()) if (e.properties().has("action")) reported.add(e.properties().get("action").asText());
            engine.track(r).actions().forEach(a -> delivered.add(a.action()));
        }

        assertThat(reported).isNotEmpty();
        assertThat(delivered).containsAll(reported);
    }

    @Test
    void theTypicalVisitorHasTenSessionsAndFiftyEventsOfFiveNames() {
        BenchClock clock = new BenchClock(DemoShop.START, DemoShop.TOKYO);
        SiteEngine engine = DemoShop.engine(clock, ScenarioCatalog.all());

        Profile p = ProfileMemory.TypicalVisitor.run(engine, clock, "v_typical_test_0001", 0, false);

        assertThat(p.visits()).isEqualTo(10);
        int total = 0;
        for (String name : List.of("view", "search", "cart", "favorite", "buy")) {
            total += ((Double) p.aggregate(name, null, Scope.ALL, Agg.COUNT, null, 0)).intValue();
        }
        assertThat(total).isEqualTo(50);
        assertThat(p.aggregate("view", null, Scope.ALL, Agg.COUNT, null, 0)).isEqualTo(30.0);
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }

    private static List<String> describe(ShopTraffic.Traffic t) {
        return Arrays.stream(t.requests())
                .map(r -> r.visitor() + " " + r.user() + " " + r.page().url() + " " + r.page().referrer() + " "
                        + r.events().stream().map(e -> e.id() + ":" + e.name() + e.properties()).toList())
                .toList();
    }
}
