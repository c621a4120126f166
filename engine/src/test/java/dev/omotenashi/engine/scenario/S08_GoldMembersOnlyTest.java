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

/** S08: an offer for members whose {@code member_rank} is gold. */
class S08_GoldMembersOnlyTest {
    private final Shop shop = Shop.open().scenario("S08");

    @Test
    void aGoldMemberIsInvited() {
        ShopVisitor gold = shop.pcVisitor();
        gold.identify("u_8001", props("member_rank", "gold"));

        List<Action> actions = gold.view("/");

        assertThat(campaigns(actions)).containsExactly("gold-members-only");
        assertThat(text(only(actions, "gold-members-only"), "title")).isEqualTo("ゴールド会員様限定");
    }

    @Test
    void aSilverMemberIsNot() {
        ShopVisitor silver = shop.pcVisitor();
        silver.identify("u_8002", props("member_rank", "silver"));

        assertThat(silver.view("/")).isEmpty();
        assertThat(silver.whyNot("gold-members-only", "/")).isEqualTo(Reason.AUDIENCE);
    }

    @Test
    void aVisitorIsNot() {
        ShopVisitor visitor = shop.pcVisitor();

        assertThat(visitor.view("/")).isEmpty();
        assertThat(visitor.whyNot("gold-members-only", "/")).isEqualTo(Reason.AUDIENCE);
    }

    @Test
    void aMemberPromotedToGoldIsInvitedFromThenOn() {
        ShopVisitor member = shop.pcVisitor();
        member.identify("u_8003", props("member_rank", "silver"));
        member.view("/");
        shop.after(Duration.ofMinutes(1));

        member.identify("u_8003", props("member_rank", "gold"));

        assertThat(campaigns(member.view("/mypage"))).containsExactly("gold-members-only");
        assertThat(member.profile().trait("member_rank")).isEqualTo("gold");
    }
}
