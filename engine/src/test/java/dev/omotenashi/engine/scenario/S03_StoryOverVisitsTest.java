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
    static final String CHAPTER_1 = """
            {
              "id": "story-1-free-shipping",
              "name": "1回目: 送料無料のお知らせ",
              "status": "live",
              "audience": {"attr": "visitor.visits", "op": "eq", "value": 1},
              "creative": {"template": "notice_bar",
                           "content": {"text": "5,000円以上のお買い物で送料無料", "link": "/guide/shipping"}},
              "priority": 10
            }
            """;
    static final String CHAPTER_2 = """
            {
              "id": "story-2-first-purchase",
              "name": "2回目: 初回購入特集",
              "status": "live",
              "audience": {"attr": "visitor.visits", "op": "eq", "value": 2},
              "creative": {"template": "popup",
                           "content": {"title": "はじめてのお買い物特集", "text": "人気の定番アイテムを集めました", "link": "/feature/first"}},
              "priority": 10
            }
            """;
    static final String CHAPTER_3 = """
            {
              "id": "story-3-follow-us",
              "name": "3回目: SNSフォローのお願い",
              "status": "live",
              "audience": {"attr": "visitor.visits", "op": "eq", "value": 3},
              "creative": {"template": "banner",
                           "content": {"text": "Instagramで新作をいち早くお届けしています", "link": "https://instagram.com/shop.example"}},
              "priority": 10
            }
            """;
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

    private final Shop shop = Shop.open().campaign(CHAPTER_1).campaign(CHAPTER_2).campaign(CHAPTER_3);

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
