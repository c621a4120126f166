package dev.omotenashi.engine.scenario;

import dev.omotenashi.engine.Action;
import dev.omotenashi.engine.decision.Reason;
import dev.omotenashi.engine.testing.Shop;
import dev.omotenashi.engine.testing.ShopVisitor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;

import static dev.omotenashi.engine.testing.Delivered.campaigns;
import static dev.omotenashi.engine.testing.Delivered.only;
import static dev.omotenashi.engine.testing.Delivered.text;
import static dev.omotenashi.engine.testing.ShopVisitor.props;
import static org.assertj.core.api.Assertions.assertThat;

/** S17: a first-purchase coupon on the top page, for those who never bought, during December 2026 (Tokyo). */
class S17_FirstPurchaseCouponTopPageTest {
    private static ZonedDateTime tokyo(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, Shop.TOKYO);
    }

    private static Shop shopAt(ZonedDateTime now) {
        return Shop.openAt(now).scenario("S17");
    }

    @Test
    void insideTheScheduleTheTopPageDeliversTheCoupon() {
        ShopVisitor visitor = shopAt(tokyo(2026, 12, 15, 12, 0)).pcVisitor();

        List<Action> actions = visitor.view("/");

        assertThat(campaigns(actions)).containsExactly("first-purchase-coupon");
        Action coupon = only(actions, "first-purchase-coupon");
        assertThat(coupon.template()).isEqualTo("coupon");
        assertThat(text(coupon, "code")).isEqualTo("FIRST1000");
    }

    @Test
    void theFirstMinuteOfTheScheduleIsInside() {
        ShopVisitor visitor = shopAt(tokyo(2026, 12, 1, 0, 0)).pcVisitor();

        assertThat(campaigns(visitor.view("/"))).containsExactly("first-purchase-coupon");
    }

    @Test
    void theLastMinuteOfTheScheduleIsInside() {
        ShopVisitor visitor = shopAt(tokyo(2026, 12, 31, 23, 59)).pcVisitor();

        assertThat(campaigns(visitor.view("/"))).containsExactly("first-purchase-coupon");
    }

    @Test
    void beforeTheScheduleNothingIsDelivered() {
        ShopVisitor visitor = shopAt(tokyo(2026, 11, 30, 23, 59)).pcVisitor();

        assertThat(visitor.view("/")).isEmpty();
        assertThat(visitor.whyNot("first-purchase-coupon", "/")).isEqualTo(Reason.SCHEDULE);
    }

    @Test
    void afterTheScheduleNothingIsDelivered() {
        ShopVisitor visitor = shopAt(tokyo(2027, 1, 1, 9, 0)).pcVisitor();

        assertThat(visitor.view("/")).isEmpty();
        assertThat(visitor.whyNot("first-purchase-coupon", "/")).isEqualTo(Reason.SCHEDULE);
    }

    @Test
    void theSameVisitorLosesTheCouponWhenTheMonthEnds() {
        Shop shop = shopAt(tokyo(2026, 12, 31, 20, 0));
        ShopVisitor visitor = shop.pcVisitor();
        assertThat(campaigns(visitor.view("/"))).containsExactly("first-purchase-coupon");

        shop.after(Duration.ofDays(2));

        assertThat(visitor.view("/")).isEmpty();
        assertThat(visitor.whyNot("first-purchase-coupon", "/")).isEqualTo(Reason.SCHEDULE);
    }

    @Test
    void aCustomerWhoBoughtIsNotOffered() {
        Shop shop = shopAt(tokyo(2026, 12, 15, 12, 0));
        ShopVisitor customer = shop.pcVisitor();
        customer.view("/items/1");
        customer.track("buy", props("order_id", "o_1701", "price", 3900));
        shop.after(Duration.ofDays(1));

        assertThat(customer.view("/")).isEmpty();
        assertThat(customer.whyNot("first-purchase-coupon", "/")).isEqualTo(Reason.AUDIENCE);
    }

    @Test
    void otherPagesThanTheTopAreNotOffered() {
        ShopVisitor visitor = shopAt(tokyo(2026, 12, 15, 12, 0)).pcVisitor();

        assertThat(visitor.view("/items/1")).isEmpty();
        assertThat(visitor.whyNot("first-purchase-coupon", "/items/1")).isEqualTo(Reason.PAGE);
    }
}
