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

/** S07: everyone on a product detail page ({@code /items/…}) sees the shipping and returns promise. */
class S07_ProductDetailMessageTest {
    private final Shop shop = Shop.open().scenario("S07");

    @Test
    void anItemDetailPageShowsTheMessage() {
        ShopVisitor visitor = shop.pcVisitor();

        List<Action> actions = visitor.view("/items/7");

        assertThat(campaigns(actions)).containsExactly("item-page-message");
        Action message = only(actions, "item-page-message");
        assertThat(message.template()).isEqualTo("banner");
        assertThat(text(message, "text")).isEqualTo("5,000円以上で送料無料・30日間返品無料");
    }

    @Test
    void theTopPageDoesNotShowIt() {
        ShopVisitor visitor = shop.pcVisitor();

        assertThat(visitor.view("/")).isEmpty();
        assertThat(visitor.whyNot("item-page-message", "/")).isEqualTo(Reason.PAGE);
    }

    @Test
    void theItemListWithoutAnItemIsNotADetailPage() {
        ShopVisitor visitor = shop.pcVisitor();

        assertThat(visitor.view("/items?category=dress")).isEmpty();
    }

    @Test
    void membersAndSmartphonesAreIncludedToo() {
        ShopVisitor member = shop.smartphoneVisitor();
        member.identify("u_7001");

        assertThat(campaigns(member.view("/items/7?color=navy"))).containsExactly("item-page-message");
    }
}
