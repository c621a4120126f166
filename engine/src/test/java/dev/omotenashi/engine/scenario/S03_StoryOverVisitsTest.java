package dev.omotenashi.engine.scenario;

import dev.omotenashi.engine.decision.Reason;
import dev.omotenashi.engine.testing.Shop;
import dev.omotenashi.engine.testing.ShopVisitor;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.omotenashi.engine.testing.Delivered.campaigns;
import static dev.omotenashi.engine.testing.Delivered.only;
import static dev.omotenashi.engine.testing.Delivered.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * S03: a story told over visits: free shipping on the first, the first-purchase feature on the second, a
 * request to follow us on social media on the third. Each chapter can be limited to all / visitors only /
 * members only.
 */
class S03_StoryOverVisitsTest {
    /** Chapter 2 limited to members. */
    static final String CHAPTER_2_MEMBERS_ONLY = """
            {
              "id": "story-2-first-purchase",
              "name": "2回目: 初回購入特集 (会員のみ)",
              "status": "live",
              "audience": {"all": [
                {"attr": "visitor.visits", "op": "eq", "value": 2},
                {"attr": "visitor.is_member", "op": "eq", "value": true}
              ]},
              "creative": {"template": "popup",
                           "content": {"title": "はじめてのお買い物特集", "text": "会員様限定の特典つき", "link": "/feature/first"}},
              "priority": 10
            }
            """;

    private final Shop shop = Shop.open().scenario("S03");

    @Test
    void eachOfThreeSessionsGetsItsOwnChapterAndOnlyIt() {
        ShopVisitor visitor = shop.pcVisitor();

        assertThat(campaigns(visitor.view("/"))).containsExactly("story-1-free-shipping");

        shop.after(Duration.ofDays(2));
        var second = visitor.view("/");
        assertThat(campaigns(second)).containsExactly("story-2-first-purchase");
        assertThat(text(only(second, "story-2-first-purchase"), "title")).isEqualTo("はじめてのお買い物特集");

        shop.after(Duration.ofDays(3));
        assertThat(campaigns(visitor.view("/"))).containsExactly("story-3-follow-us");
        assertThat(visitor.profile().visits()).isEqualTo(3);
    }

    @Test
    void aFourthSessionGetsNoChapter() {
        ShopVisitor visitor = shop.pcVisitor();
        for (int session = 1; session <= 3; session++) {
            visitor.view("/");
            shop.after(Duration.ofHours(1));
        }

        assertThat(visitor.view("/")).isEmpty();
        assertThat(visitor.profile().visits()).isEqualTo(4);
    }

    @Test
    void pagesInsideOneSessionDoNotAdvanceTheStory() {
        ShopVisitor visitor = shop.pcVisitor();
        visitor.view("/");
        shop.after(Duration.ofMinutes(10));

        visitor.view("/items/1");
        shop.after(Duration.ofMinutes(10));
        visitor.view("/items/2");

        assertThat(visitor.profile().visits()).isEqualTo(1);
        assertThat(visitor.whyNot("story-2-first-purchase", "/items/3")).isEqualTo(Reason.AUDIENCE);
    }

    @Test
    void aChapterLimitedToMembersSkipsAVisitorButReachesAMember() {
        shop.campaign(CHAPTER_2_MEMBERS_ONLY);
        ShopVisitor anonymous = shop.pcVisitor();
        ShopVisitor member = shop.pcVisitor();
        anonymous.view("/");
        member.view("/");
        member.identify("u_2001");

        shop.after(Duration.ofDays(1));

        assertThat(anonymous.view("/")).isEmpty();
        assertThat(campaigns(member.view("/"))).containsExactly("story-2-first-purchase");
    }
}
