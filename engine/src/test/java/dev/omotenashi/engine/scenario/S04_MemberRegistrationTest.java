package dev.omotenashi.engine.scenario;

import dev.omotenashi.engine.Action;
import dev.omotenashi.engine.decision.Reason;
import dev.omotenashi.engine.event.Event;
import dev.omotenashi.engine.profile.Metric;
import dev.omotenashi.engine.profile.Scope;
import dev.omotenashi.engine.testing.Shop;
import dev.omotenashi.engine.testing.ShopVisitor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.omotenashi.engine.testing.Delivered.campaigns;
import static dev.omotenashi.engine.testing.Delivered.only;
import static org.assertj.core.api.Assertions.assertThat;

/** S04: invite visitors (not members) to register; success is {@code signup_complete}. */
class S04_MemberRegistrationTest {
    private final Shop shop = Shop.open().scenario("S04");

    @Test
    void aVisitorIsInvited() {
        ShopVisitor visitor = shop.pcVisitor();

        List<Action> actions = visitor.view("/");

        assertThat(campaigns(actions)).containsExactly("member-registration");
        assertThat(only(actions, "member-registration").template()).isEqualTo("popup");
    }

    @Test
    void afterIdentifyTheVisitorIsNotInvitedAnyMore() {
        ShopVisitor visitor = shop.pcVisitor();
        visitor.view("/");

        visitor.identify("u_3001");

        assertThat(visitor.view("/items/1")).isEmpty();
        assertThat(visitor.profile().isMember()).isTrue();
        assertThat(visitor.whyNot("member-registration", "/items/2")).isEqualTo(Reason.AUDIENCE);
    }

    @Test
    void aSignupCompleteAfterExposureCountsOneGoalForTheCampaign() {
        ShopVisitor visitor = shop.pcVisitor();
        Action invitation = only(visitor.view("/"), "member-registration");
        visitor.shown(invitation);
        visitor.clicked(invitation);
        shop.after(Duration.ofMinutes(3));
        visitor.view("/signup");
        shop.after(Duration.ofMinutes(2));

        visitor.track("signup_complete");

        assertThat(visitor.profile().actionCount("member-registration", Metric.GOAL, Scope.ALL, null, 0)).isEqualTo(1);
        List<Event> goals = visitor.lastDerived("_goal");
        assertThat(goals).hasSize(1);
        assertThat(goals.getFirst().property("campaign").asText()).isEqualTo("member-registration");
        assertThat(goals.getFirst().property("variant").asText()).isEqualTo("default");
        assertThat(goals.getFirst().property("control").asBoolean()).isFalse();
    }

    @Test
    void aSignupCompleteWithoutExposureCountsNoGoal() {
        ShopVisitor visitor = shop.pcVisitor();
        visitor.view("/signup"); // delivered, but the tag never reported it shown

        visitor.track("signup_complete");

        assertThat(visitor.profile().actionCount("member-registration", Metric.GOAL, Scope.ALL, null, 0)).isZero();
        assertThat(visitor.lastDerived("_goal")).isEmpty();
    }
}
