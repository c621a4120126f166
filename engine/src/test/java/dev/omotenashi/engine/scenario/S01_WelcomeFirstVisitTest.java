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

/** S01: a warm greeting, no offer, for a visitor who is not a member, on the first visit, on every page. */
class S01_WelcomeFirstVisitTest {
    private final Shop shop = Shop.open().scenario("S01");

    @Test
    void aNewVisitorsFirstViewGetsTheWelcome() {
        ShopVisitor newcomer = shop.pcVisitor();

        List<Action> actions = newcomer.view("/");

        assertThat(campaigns(actions)).containsExactly("welcome-first-visit");
        Action welcome = only(actions, "welcome-first-visit");
        assertThat(welcome.template()).isEqualTo("popup");
        assertThat(welcome.control()).isFalse();
        assertThat(welcome.variant()).isEqualTo("default");
        assertThat(text(welcome, "title")).isEqualTo("はじめまして！");
        assertThat(welcome.trigger().get("on").asText()).isEqualTo("load");
    }

    @Test
    void theWelcomeIsOfferedOnAnyPageOfTheFirstVisit() {
        ShopVisitor newcomer = shop.pcVisitor();

        assertThat(campaigns(newcomer.view("/items/3"))).containsExactly("welcome-first-visit");
    }

    @Test
    void laterInTheSameSessionTheVisitIsStillTheFirstButTheWelcomeWasAlreadyShown() {
        ShopVisitor newcomer = shop.pcVisitor();
        newcomer.shown(only(newcomer.view("/"), "welcome-first-visit"));

        shop.after(Duration.ofMinutes(29));

        assertThat(newcomer.view("/items/1")).isEmpty();
        assertThat(newcomer.profile().visits()).isEqualTo(1);
        assertThat(newcomer.whyNot("welcome-first-visit", "/items/2")).isEqualTo(Reason.FREQUENCY);
    }

    @Test
    void afterThirtyOneMinutesOfSilenceTheSecondSessionGetsNoWelcome() {
        ShopVisitor newcomer = shop.pcVisitor();
        newcomer.shown(only(newcomer.view("/"), "welcome-first-visit"));

        shop.after(Duration.ofMinutes(31));

        assertThat(newcomer.view("/")).isEmpty();
        assertThat(newcomer.profile().visits()).isEqualTo(2);
        assertThat(newcomer.whyNot("welcome-first-visit", "/")).isEqualTo(Reason.AUDIENCE);
    }

    @Test
    void theSecondSessionGetsNoWelcomeEvenWhenTheFirstNeverShowedIt() {
        ShopVisitor newcomer = shop.pcVisitor();
        newcomer.view("/");

        shop.after(Duration.ofMinutes(31));

        assertThat(newcomer.view("/")).isEmpty();
        assertThat(newcomer.whyNot("welcome-first-visit", "/")).isEqualTo(Reason.AUDIENCE);
    }

    @Test
    void aMemberOnAFirstVisitGetsNoWelcome() {
        ShopVisitor member = shop.pcVisitor();
        member.identify("u_1001", props("member_rank", "silver"));

        assertThat(member.view("/")).isEmpty();
        assertThat(member.profile().visits()).isEqualTo(1);
        assertThat(member.whyNot("welcome-first-visit", "/")).isEqualTo(Reason.AUDIENCE);
    }
}
