package dev.omotenashi.engine.scenario;

import dev.omotenashi.engine.Action;
import dev.omotenashi.engine.decision.Reason;
import dev.omotenashi.engine.testing.Shop;
import dev.omotenashi.engine.testing.ShopVisitor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.omotenashi.engine.testing.Delivered.campaigns;
import static dev.omotenashi.engine.testing.Delivered.only;
import static dev.omotenashi.engine.testing.Delivered.text;
import static org.assertj.core.api.Assertions.assertThat;

/** S02: visitors from an ad see products related to the ad keyword ({@code session.utm_term}). */
class S02_AdKeywordRecommendationTest {
    private final Shop shop = Shop.open().scenario("S02");

    @Test
    void landingFromACpcAdDeliversContentWithTheKeyword() {
        ShopVisitor fromAd = shop.pcVisitor();

        List<Action> actions = fromAd.view("/?utm_source=google&utm_medium=cpc&utm_term=dress",
                "https://www.google.com/");

        assertThat(campaigns(actions)).containsExactly("ad-keyword-products");
        Action action = only(actions, "ad-keyword-products");
        assertThat(action.template()).isEqualTo("slide_in");
        assertThat(text(action, "title")).isEqualTo("「dress」をお探しの方へ").contains("dress");
    }

    @Test
    void theKeywordStaysWithTheSessionOnLaterPages() {
        ShopVisitor fromAd = shop.pcVisitor();
        fromAd.view("/?utm_medium=cpc&utm_term=dress");

        List<Action> actions = fromAd.view("/items/5");

        assertThat(campaigns(actions)).containsExactly("ad-keyword-products");
        assertThat(text(only(actions, "ad-keyword-products"), "title")).contains("dress");
    }

    @Test
    void anAdWithoutAKeywordFallsBackToTheDefault() {
        ShopVisitor fromAd = shop.pcVisitor();

        List<Action> actions = fromAd.view("/?utm_medium=cpc");

        assertThat(campaigns(actions)).containsExactly("ad-keyword-products");
        assertThat(text(only(actions, "ad-keyword-products"), "title")).isEqualTo("「」をお探しの方へ");
    }

    @Test
    void landingFromGoogleOrganicSearchIsNotDelivered() {
        ShopVisitor fromSearch = shop.pcVisitor();

        assertThat(fromSearch.view("/items/5", "https://www.google.com/")).isEmpty();
        assertThat(fromSearch.whyNot("ad-keyword-products", "/items/6")).isEqualTo(Reason.AUDIENCE);
    }

    @Test
    void aDirectVisitIsNotDelivered() {
        ShopVisitor direct = shop.pcVisitor();

        assertThat(direct.view("/")).isEmpty();
    }
}
