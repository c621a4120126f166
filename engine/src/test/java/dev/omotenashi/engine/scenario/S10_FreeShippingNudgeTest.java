package dev.omotenashi.engine.scenario;

import dev.omotenashi.engine.Action;
import dev.omotenashi.engine.decision.Reason;
import dev.omotenashi.engine.testing.Shop;
import dev.omotenashi.engine.testing.ShopVisitor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.omotenashi.engine.testing.Delivered.campaigns;
import static dev.omotenashi.engine.testing.Delivered.only;
import static dev.omotenashi.engine.testing.Delivered.text;
import static dev.omotenashi.engine.testing.ShopVisitor.props;
import static org.assertj.core.api.Assertions.assertThat;

/** S10: on the cart page, a cart worth 4,000–5,000 yen is told how much more gets free shipping (5,000 yen). */
class S10_FreeShippingNudgeTest {
    private final Shop shop = Shop.open().scenario("S10");

    /** A new visitor puts items worth the given total in the cart and opens the cart page. */
    private List<Action> cartWorth(int inCartPrice) {
        ShopVisitor visitor = shop.pcVisitor();
        visitor.view("/items/1");
        shop.after(Duration.ofSeconds(20));
        visitor.track("cart", props("item_id", "1", "in_cart_price", inCartPrice, "items", 2));
        shop.after(Duration.ofSeconds(1));
        return visitor.view("/cart");
    }

    @Test
    void aCartAt4500IsToldOnly500YenMore() {
        List<Action> actions = cartWorth(4500);

        assertThat(campaigns(actions)).containsExactly("free-shipping-nudge");
        Action nudge = only(actions, "free-shipping-nudge");
        assertThat(nudge.template()).isEqualTo("notice_bar");
        assertThat(text(nudge, "text")).isEqualTo("Only 500 yen more for free shipping!");
        assertThat(text(nudge, "link")).isEqualTo("/items/cheap");
        assertThat(nudge.trigger().get("on").asText()).isEqualTo("load");
    }

    @Test
    void theLowerBound4000IsIncluded() {
        List<Action> actions = cartWorth(4000);

        assertThat(campaigns(actions)).containsExactly("free-shipping-nudge");
        assertThat(text(only(actions, "free-shipping-nudge"), "text")).isEqualTo("Only 1000 yen more for free shipping!");
    }

    @Test
    void theUpperBound5000IsIncluded() {
        List<Action> actions = cartWorth(5000);

        assertThat(campaigns(actions)).containsExactly("free-shipping-nudge");
        assertThat(text(only(actions, "free-shipping-nudge"), "text")).isEqualTo("Only 0 yen more for free shipping!");
    }

    @Test
    void aCartAt3000IsNotNudged() {
        assertThat(cartWorth(3000)).isEmpty();
    }

    @Test
    void aCartAt5200AlreadyShipsFreeAndIsNotNudged() {
        assertThat(cartWorth(5200)).isEmpty();
    }

    @Test
    void theLatestCartTotalCountsNotAnEarlierOne() {
        ShopVisitor visitor = shop.pcVisitor();
        visitor.view("/items/1");
        visitor.track("cart", props("in_cart_price", 4500));
        shop.after(Duration.ofMinutes(1));
        visitor.track("cart", props("in_cart_price", 5200));

        assertThat(visitor.view("/cart")).isEmpty();
        assertThat(visitor.whyNot("free-shipping-nudge", "/cart")).isEqualTo(Reason.AUDIENCE);
    }

    @Test
    void otherPagesThanTheCartAreNotNudged() {
        ShopVisitor visitor = shop.pcVisitor();
        visitor.view("/items/1");
        visitor.track("cart", props("in_cart_price", 4500));

        assertThat(visitor.view("/items/2")).isEmpty();
        assertThat(visitor.whyNot("free-shipping-nudge", "/items/2")).isEqualTo(Reason.PAGE);
    }
}
