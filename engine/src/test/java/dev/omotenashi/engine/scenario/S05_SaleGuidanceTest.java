package dev.omotenashi.engine.scenario;

import dev.omotenashi.engine.decision.Reason;
import dev.omotenashi.engine.testing.Shop;
import dev.omotenashi.engine.testing.ShopVisitor;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.omotenashi.engine.testing.Delivered.campaigns;
import static dev.omotenashi.engine.testing.Delivered.only;
import static dev.omotenashi.engine.testing.Delivered.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * S05: point those who have not seen the sale to it. "Seen the sale" is the derived event {@code sale_view}
 * (a {@code view} under {@code /sale}); the guidance is kept off the sale pages, the cart and sign-up. It is
 * shown on every page view until the visitor has been to the sale, so that the only thing that stops it is
 * the audience.
 */
class S05_SaleGuidanceTest {
    private final Shop shop = Shop.open().scenario("S05");

    @Test
    void aVisitorWhoHasNotSeenTheSaleIsGuidedToItOnAnItemPage() {
        ShopVisitor visitor = shop.pcVisitor();

        var actions = visitor.view("/items/1");

        assertThat(campaigns(actions)).containsExactly("sale-guidance");
        assertThat(text(only(actions, "sale-guidance"), "text")).isEqualTo("冬のセール開催中！最大50%OFF");
    }

    @Test
    void theSalePageItselfIsExcludedAndRecordsASaleView() {
        ShopVisitor visitor = shop.pcVisitor();
        visitor.view("/items/1");
        shop.after(Duration.ofSeconds(30));

        assertThat(visitor.whyNot("sale-guidance", "/sale/winter")).isEqualTo(Reason.PAGE);
        assertThat(visitor.view("/sale/winter")).isEmpty();
        assertThat(visitor.lastEventNames()).contains("view", "sale_view");
        // the view's page fields are read as sale_view's properties too (DerivedViewEventTest), not copied in
        assertThat(visitor.lastDerived("sale_view")).singleElement()
                .satisfies(e -> assertThat(e.properties()).isEqualTo(visitor.lastEvents("view").getFirst().properties()));
    }

    @Test
    void afterSeeingTheSaleTheGuidanceIsNotDeliveredAnyMore() {
        ShopVisitor visitor = shop.pcVisitor();
        visitor.view("/items/1");
        shop.after(Duration.ofSeconds(30));
        visitor.view("/sale/winter");
        shop.after(Duration.ofSeconds(30));

        assertThat(visitor.view("/items/2")).isEmpty();
        assertThat(visitor.whyNot("sale-guidance", "/items/3")).isEqualTo(Reason.AUDIENCE);
    }

    @Test
    void seeingTheSaleCountsOverAllTimeNotJustTheSession() {
        ShopVisitor visitor = shop.pcVisitor();
        visitor.view("/sale/winter");

        shop.after(Duration.ofDays(3));

        assertThat(visitor.view("/items/2")).isEmpty();
    }

    @Test
    void untilTheSaleIsSeenTheGuidanceFollowsEveryPageView() {
        ShopVisitor visitor = shop.pcVisitor();
        visitor.shown(only(visitor.view("/items/1"), "sale-guidance"));
        shop.after(Duration.ofSeconds(30));

        assertThat(campaigns(visitor.view("/items/2"))).containsExactly("sale-guidance");
    }

    @Test
    void theCartAndSignupPagesAreExcluded() {
        ShopVisitor visitor = shop.pcVisitor();

        assertThat(visitor.view("/cart")).isEmpty();
        assertThat(visitor.view("/signup")).isEmpty();
        assertThat(visitor.view("/signup/complete")).isEmpty();
        assertThat(visitor.whyNot("sale-guidance", "/cart")).isEqualTo(Reason.PAGE);
        assertThat(visitor.whyNot("sale-guidance", "/signup")).isEqualTo(Reason.PAGE);
    }
}
