package dev.omotenashi.engine.decision;

import dev.omotenashi.engine.Action;
import dev.omotenashi.engine.profile.ProfileCodec;
import dev.omotenashi.engine.testing.Shop;
import dev.omotenashi.engine.testing.ShopVisitor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tag asks for actions on its custom events too (an event trigger may need them): a campaign already
 * delivered on this page view is not delivered again until the next page view, so deliveries count page
 * views, not requests.
 */
class OncePerPageViewTest {
    private final Shop shop = Shop.open().campaign("""
            {"id": "everywhere", "name": "every page", "status": "live",
             "creative": {"template": "banner", "content": {"text": "ようこそ"}}, "frequency": {"per": "pageview"}}""")
            .campaign("""
            {"id": "after-cart", "name": "after a cart", "status": "live",
             "audience": {"event": "cart", "scope": "session", "agg": "count", "op": "gte", "value": 1},
             "creative": {"template": "notice_bar", "content": {"text": "送料無料まであと少し"}}, "frequency": {"per": "pageview"}}""");

    private static List<String> campaigns(List<Action> actions) {
        return actions.stream().map(Action::campaign).toList();
    }

    @Test
    void aLaterEventOfTheSamePageViewGetsOnlyWhatIsNew() {
        ShopVisitor v = shop.pcVisitor();
        assertThat(campaigns(v.view("/items/1"))).containsExactly("everywhere");
        shop.after(Duration.ofSeconds(5));
        assertThat(campaigns(v.trackDeciding("cart", ShopVisitor.props("in_cart_price", 3000)).actions()))
                .as("the banner is on the page already; the cart makes the notice bar eligible")
                .containsExactly("after-cart");
        shop.after(Duration.ofSeconds(5));
        assertThat(v.trackDeciding("favorite", null).actions()).as("nothing new on this page").isEmpty();
        assertThat(v.explain("/items/1").outcomes()).filteredOn(o -> o.campaign().equals("everywhere"))
                .extracting(Outcome::reason).containsExactly(Reason.FREQUENCY);

        shop.after(Duration.ofSeconds(5));
        assertThat(campaigns(v.view("/items/2"))).as("a new page view").containsExactlyInAnyOrder("everywhere", "after-cart");
    }

    @Test
    void theDeliveredPageViewSurvivesTheCodecAndVersionOneStillReads() {
        ShopVisitor v = shop.pcVisitor();
        v.view("/items/1");
        ProfileCodec codec = shop.engine().codec();
        byte[] bytes = codec.encode(v.profile());
        assertThat(bytes[0]).isEqualTo((byte) ProfileCodec.VERSION);
        assertThat(codec.encode(codec.decode(bytes))).isEqualTo(bytes);
        // version 1 is version 2 without the int that closes each campaign history (one here, written last)
        assertThat(v.profile().campaignCount()).isEqualTo(1);
        byte[] v2 = codec.encode(v.profile(), 2);
        byte[] v1 = codec.encode(v.profile(), 1);
        assertThat(java.util.Arrays.copyOfRange(v1, 1, v1.length)).isEqualTo(java.util.Arrays.copyOfRange(v2, 1, v2.length - 4));
        assertThat(codec.decode(v1).campaign("everywhere").deliveredOnView(1)).as("unknown in version 1").isFalse();
        assertThat(codec.decode(bytes).campaign("everywhere").deliveredOnView(1)).isTrue();
        shop.engine().load(codec.decode(bytes));
        assertThat(v.trackDeciding("favorite", null).actions()).as("restored: still the same page view").isEmpty();
    }
}
