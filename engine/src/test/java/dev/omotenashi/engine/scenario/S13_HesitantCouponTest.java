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

/** S13: a coupon only for those who hesitate: never bought, and three or more page views in this session. */
class S13_HesitantCouponTest {
    private final Shop shop = Shop.open().scenario("S13");

    @Test
    void theThirdViewOfAVisitorWhoNeverBoughtDeliversTheCoupon() {
        ShopVisitor visitor = shop.pcVisitor();

        assertThat(visitor.view("/")).isEmpty();
        shop.after(Duration.ofMinutes(1));
        assertThat(visitor.view("/items/1")).isEmpty();
        shop.after(Duration.ofMinutes(1));
        List<Action> third = visitor.view("/items/2");

        assertThat(campaigns(third)).containsExactly("hesitant-coupon");
        Action coupon = only(third, "hesitant-coupon");
        assertThat(coupon.template()).isEqualTo("coupon");
        assertThat(text(coupon, "code")).isEqualTo("MAYOU500");
    }

    @Test
    void aVisitorWhoBoughtIsNotOfferedTheCoupon() {
        ShopVisitor customer = shop.pcVisitor();
        customer.view("/items/1");
        customer.track("buy", props("order_id", "o_1301", "price", 5400));
        shop.after(Duration.ofDays(5));

        customer.view("/");
        customer.view("/items/2");
        assertThat(customer.view("/items/3")).isEmpty();
        assertThat(customer.whyNot("hesitant-coupon", "/items/4")).isEqualTo(Reason.AUDIENCE);
    }

    @Test
    void aBuyInThisVerySessionAlsoRulesItOut() {
        ShopVisitor customer = shop.pcVisitor();
        customer.view("/items/1");
        customer.view("/cart");
        customer.track("buy", props("order_id", "o_1302", "price", 2900));

        assertThat(customer.view("/order/complete")).isEmpty();
    }
}
