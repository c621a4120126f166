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

/**
 * S09: a visitor who put items in the cart in the previous session and did not buy is reminded on the first
 * page view of the next session.
 */
class S09_CartAbandonerReturnsTest {
    private final Shop shop = Shop.open().scenario("S09");

    private void sessionWithCart(ShopVisitor visitor, boolean buys) {
        visitor.view("/items/1");
        shop.after(Duration.ofMinutes(2));
        visitor.track("cart", props("item_id", "1", "in_cart_price", 3200));
        visitor.view("/cart");
        if (buys) {
            shop.after(Duration.ofMinutes(3));
            visitor.track("buy", props("order_id", "o_1", "price", 3200));
        }
    }

    @Test
    void theFirstViewAfterAnAbandonedCartIsReminded() {
        ShopVisitor visitor = shop.pcVisitor();
        sessionWithCart(visitor, false);
        shop.after(Duration.ofDays(1));

        List<Action> actions = visitor.view("/");

        assertThat(campaigns(actions)).containsExactly("cart-abandoner-returns");
        assertThat(text(only(actions, "cart-abandoner-returns"), "text")).isEqualTo("you left items in your cart");
    }

    @Test
    void theSecondViewOfThatSessionIsNot() {
        ShopVisitor visitor = shop.pcVisitor();
        sessionWithCart(visitor, false);
        shop.after(Duration.ofDays(1));
        visitor.view("/");
        shop.after(Duration.ofSeconds(40));

        assertThat(visitor.view("/items/2")).isEmpty();
        assertThat(visitor.whyNot("cart-abandoner-returns", "/items/3")).isEqualTo(Reason.AUDIENCE);
    }

    @Test
    void aPreviousSessionWithABuyIsNotAnAbandonedCart() {
        ShopVisitor visitor = shop.pcVisitor();
        sessionWithCart(visitor, true);
        shop.after(Duration.ofDays(1));

        assertThat(visitor.view("/")).isEmpty();
    }

    @Test
    void theSessionOfTheCartItselfIsNotReminded() {
        ShopVisitor visitor = shop.pcVisitor();
        sessionWithCart(visitor, false);
        shop.after(Duration.ofMinutes(5));

        assertThat(visitor.view("/items/4")).isEmpty();
    }

    @Test
    void onlyThePreviousSessionCountsNotAnOlderOne() {
        ShopVisitor visitor = shop.pcVisitor();
        sessionWithCart(visitor, false);
        shop.after(Duration.ofDays(1));
        visitor.view("/");
        shop.after(Duration.ofDays(1));

        assertThat(visitor.view("/")).isEmpty();
        assertThat(visitor.profile().visits()).isEqualTo(3);
    }
}
