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
 * S12: a coupon on the registration-complete page (campaign A) that keeps being shown for the rest of the
 * session (campaign B: "A was shown in this session", every page view), until it is closed three times or
 * the visitor buys. As in KARTE's catalogue, both are for ビジター (visitors not identified).
 */
class S12_SessionCouponAfterSignupTest {
    private final Shop shop = Shop.open().scenario("S12");

    /** The visitor reaches the registration-complete page and the tag shows coupon A. */
    private Action signUpAndSeeCouponA(ShopVisitor visitor) {
        visitor.view("/signup");
        shop.after(Duration.ofMinutes(2));
        Action a = only(visitor.view("/signup/complete"), "signup-coupon");
        visitor.shown(a);
        shop.after(Duration.ofSeconds(20));
        return a;
    }

    /** Views a page, and when B is delivered, reports it shown as the tag would; returns what was delivered. */
    private List<Action> viewAndShow(ShopVisitor visitor, String path) {
        List<Action> actions = visitor.view(path);
        for (Action a : actions) visitor.shown(a);
        shop.after(Duration.ofSeconds(30));
        return actions;
    }

    @Test
    void theRegistrationCompletePageDeliversCouponA() {
        ShopVisitor visitor = shop.pcVisitor();
        visitor.view("/signup");

        List<Action> actions = visitor.view("/signup/complete");

        assertThat(campaigns(actions)).containsExactly("signup-coupon");
        Action a = only(actions, "signup-coupon");
        assertThat(a.template()).isEqualTo("coupon");
        assertThat(text(a, "code")).isEqualTo("WELCOME1000");
    }

    @Test
    void otherPagesDoNotDeliverEither() {
        ShopVisitor visitor = shop.pcVisitor();

        assertThat(visitor.view("/items/1")).isEmpty();
        assertThat(visitor.whyNot("signup-coupon", "/items/2")).isEqualTo(Reason.PAGE);
        assertThat(visitor.whyNot("signup-coupon-reminder", "/items/2")).isEqualTo(Reason.AUDIENCE);
    }

    @Test
    void afterAIsShownEveryFollowingViewDeliversB() {
        ShopVisitor visitor = shop.pcVisitor();
        signUpAndSeeCouponA(visitor);

        for (String path : List.of("/", "/items/1", "/items/2", "/cart")) {
            List<Action> actions = viewAndShow(visitor, path);
            assertThat(campaigns(actions)).as("on %s", path).containsExactly("signup-coupon-reminder");
            assertThat(text(only(actions, "signup-coupon-reminder"), "code")).isEqualTo("WELCOME1000");
        }
    }

    @Test
    void aDeliveredButNeverShownADoesNotStartB() {
        ShopVisitor visitor = shop.pcVisitor();
        visitor.view("/signup/complete"); // the visitor left before the tag showed A
        shop.after(Duration.ofSeconds(20));

        assertThat(visitor.view("/")).isEmpty();
        assertThat(visitor.whyNot("signup-coupon-reminder", "/items/1")).isEqualTo(Reason.AUDIENCE);
    }

    @Test
    void afterBIsClosedThreeTimesItIsNotDeliveredAnyMore() {
        ShopVisitor visitor = shop.pcVisitor();
        signUpAndSeeCouponA(visitor);

        for (int close = 1; close <= 3; close++) {
            List<Action> actions = viewAndShow(visitor, "/items/" + close);
            assertThat(campaigns(actions)).as("view before close %d", close).containsExactly("signup-coupon-reminder");
            visitor.closed(only(actions, "signup-coupon-reminder"));
        }

        assertThat(visitor.view("/items/4")).isEmpty();
        assertThat(visitor.whyNot("signup-coupon-reminder", "/items/5")).isEqualTo(Reason.STOP);
    }

    @Test
    void twoClosesDoNotStopB() {
        ShopVisitor visitor = shop.pcVisitor();
        signUpAndSeeCouponA(visitor);
        for (int close = 1; close <= 2; close++) {
            visitor.closed(only(viewAndShow(visitor, "/items/" + close), "signup-coupon-reminder"));
        }

        assertThat(campaigns(visitor.view("/items/3"))).containsExactly("signup-coupon-reminder");
    }

    @Test
    void afterABuyBIsNotDeliveredAnyMore() {
        ShopVisitor visitor = shop.pcVisitor();
        signUpAndSeeCouponA(visitor);
        viewAndShow(visitor, "/items/1");
        viewAndShow(visitor, "/cart");

        visitor.track("buy", props("order_id", "o_1201", "price", 6800, "coupon", "WELCOME1000"));
        assertThat(visitor.lastDerived("_goal")).extracting(e -> e.property("campaign").asText())
                .containsExactly("signup-coupon-reminder");

        assertThat(visitor.view("/order/complete")).isEmpty();
        assertThat(visitor.whyNot("signup-coupon-reminder", "/")).isEqualTo(Reason.STOP);
    }

    @Test
    void bEndsWithTheSession() {
        ShopVisitor visitor = shop.pcVisitor();
        signUpAndSeeCouponA(visitor);
        viewAndShow(visitor, "/items/1");

        shop.after(Duration.ofHours(2));

        assertThat(visitor.view("/")).isEmpty();
        assertThat(visitor.whyNot("signup-coupon-reminder", "/items/1")).isEqualTo(Reason.AUDIENCE);
    }
}
