package dev.omotenashi.engine.scenario;

import dev.omotenashi.engine.Action;
import dev.omotenashi.engine.decision.Reason;
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

/** S06: a visitor (not a member) who browses long, five page views in the session, is offered a brochure. */
class S06_BrochureRequestTest {
    private final Shop shop = Shop.open().scenario("S06");

    /** Views /items/1 … /items/n, a minute apart, and returns the actions of the last view. */
    private List<Action> browse(ShopVisitor visitor, int pages) {
        List<Action> last = List.of();
        for (int i = 1; i <= pages; i++) {
            last = visitor.view("/items/" + i);
            shop.after(Duration.ofMinutes(1));
        }
        return last;
    }

    @Test
    void theFourthPageViewIsNotEnough() {
        ShopVisitor visitor = shop.pcVisitor();

        assertThat(browse(visitor, 3)).isEmpty();
        assertThat(visitor.whyNot("brochure-request", "/items/4")).isEqualTo(Reason.AUDIENCE);
        assertThat(visitor.view("/items/4")).isEmpty();
    }

    @Test
    void theFifthPageViewDeliversTheBrochureOffer() {
        ShopVisitor visitor = shop.pcVisitor();
        browse(visitor, 4);

        List<Action> actions = visitor.view("/items/5");

        assertThat(campaigns(actions)).containsExactly("brochure-request");
        assertThat(only(actions, "brochure-request").template()).isEqualTo("slide_in");
    }

    @Test
    void theRequestPageIsExcludedEvenAfterFivePageViews() {
        ShopVisitor visitor = shop.pcVisitor();
        browse(visitor, 4);

        assertThat(visitor.view("/request")).isEmpty();
        assertThat(visitor.whyNot("brochure-request", "/request")).isEqualTo(Reason.PAGE);
    }

    @Test
    void aMemberWhoBrowsesLongIsNotOffered() {
        ShopVisitor member = shop.pcVisitor();
        member.identify("u_6001");

        assertThat(browse(member, 6)).isEmpty();
        assertThat(member.whyNot("brochure-request", "/items/7")).isEqualTo(Reason.AUDIENCE);
    }

    @Test
    void pageViewsOfAnEarlierSessionDoNotCount() {
        ShopVisitor visitor = shop.pcVisitor();
        browse(visitor, 4);
        shop.after(Duration.ofHours(2));

        assertThat(visitor.view("/items/9")).isEmpty();
    }

    @Test
    void aBrochureRequestAfterTheOfferIsTheCampaignsGoal() {
        ShopVisitor visitor = shop.pcVisitor();
        browse(visitor, 4);
        visitor.shown(only(visitor.view("/items/5"), "brochure-request"));
        visitor.view("/request");

        visitor.track("brochure_request");

        assertThat(visitor.profile().actionCount("brochure-request", Metric.GOAL, Scope.ALL, null, 0)).isEqualTo(1);
        assertThat(visitor.lastDerived("_goal")).hasSize(1);
    }
}
