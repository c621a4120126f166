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

/** S16: a visitor with a full cart who has stayed ten minutes without buying is invited to chat. */
class S16_ChatInviteLongStayTest {
    private final Shop shop = Shop.open().scenario("S16");

    /** Lands, puts an item in the cart two minutes later, then keeps browsing. */
    private void cartEarlyInTheSession(ShopVisitor visitor) {
        visitor.view("/");
        shop.after(Duration.ofMinutes(2));
        visitor.view("/items/1");
        visitor.track("cart", props("item_id", "1", "in_cart_price", 6400));
    }

    @Test
    void elevenMinutesWithACartAndNoBuyGetsTheChatInvitation() {
        ShopVisitor visitor = shop.pcVisitor();
        cartEarlyInTheSession(visitor);
        shop.after(Duration.ofMinutes(9)); // 11 minutes since the session started

        List<Action> actions = visitor.view("/cart");

        assertThat(campaigns(actions)).containsExactly("chat-invite-long-stay");
        Action invite = only(actions, "chat-invite-long-stay");
        assertThat(invite.template()).isEqualTo("chat_invite");
        assertThat(text(invite, "title")).isEqualTo("何かお困りですか？");
    }

    @Test
    void aBuyInTheSessionRulesItOut() {
        ShopVisitor visitor = shop.pcVisitor();
        cartEarlyInTheSession(visitor);
        shop.after(Duration.ofMinutes(4));
        visitor.view("/cart");
        visitor.track("buy", props("order_id", "o_1601", "price", 6400));
        shop.after(Duration.ofMinutes(5));

        assertThat(visitor.view("/order/complete")).isEmpty();
        assertThat(visitor.whyNot("chat-invite-long-stay", "/")).isEqualTo(Reason.AUDIENCE);
    }

    @Test
    void nineMinutesIsNotYetALongStay() {
        ShopVisitor visitor = shop.pcVisitor();
        cartEarlyInTheSession(visitor);
        shop.after(Duration.ofMinutes(7));

        assertThat(visitor.view("/cart")).isEmpty();
    }

    @Test
    void aLongStayWithoutACartIsNotInvited() {
        ShopVisitor visitor = shop.pcVisitor();
        visitor.view("/");
        shop.after(Duration.ofMinutes(6));
        visitor.view("/items/1");
        shop.after(Duration.ofMinutes(5));

        assertThat(visitor.view("/items/2")).isEmpty();
    }

    @Test
    void aCartOfAnEarlierSessionDoesNotCount() {
        ShopVisitor visitor = shop.pcVisitor();
        cartEarlyInTheSession(visitor);
        shop.after(Duration.ofHours(3));
        visitor.view("/");
        shop.after(Duration.ofMinutes(6));
        visitor.view("/items/2");
        shop.after(Duration.ofMinutes(5));

        assertThat(visitor.view("/items/3")).isEmpty();
    }
}
