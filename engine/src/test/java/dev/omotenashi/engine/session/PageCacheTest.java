package dev.omotenashi.engine.session;

import dev.omotenashi.engine.Page;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageCacheTest {
    private final PageCache cache = new PageCache(2); // tiny: collisions are certain

    @Test
    void theSamePageIsParsedOnce() {
        PageInfo first = cache.of(new Page("https://shop.example/cart?x=1", "Cart", "https://shop.example/"));
        PageInfo again = cache.of(new Page("https://shop.example/cart?x=1", "Cart", "https://shop.example/"));
        assertThat(again).isSameAs(first);
        assertThat(again.path()).isEqualTo("/cart");
        assertThat(again.queryParameter("x")).isEqualTo("1");
    }

    @Test
    void anotherTitleOrReferrerIsAnotherPage() {
        PageInfo cart = cache.of(new Page("https://shop.example/cart", "Cart", null));
        PageInfo retitled = cache.of(new Page("https://shop.example/cart", "カート", null));
        assertThat(retitled.title()).isEqualTo("カート");
        PageInfo referred = cache.of(new Page("https://shop.example/cart", "カート", "https://www.google.com/"));
        assertThat(referred.referrerHost()).isEqualTo("www.google.com");
        assertThat(cache.of(new Page("https://shop.example/cart", "Cart", null))).isEqualTo(cart);
    }

    @Test
    void anEmptyReferrerIsNoReferrerAndEverythingEqualsAFreshParse() {
        for (int i = 0; i < 50; i++) {
            Page p = new Page("https://shop.example/items/" + (i % 7) + "?utm_source=s" + (i % 3), i % 2 == 0 ? "t" : null, i % 3 == 0 ? "" : null);
            assertThat(cache.of(p)).isEqualTo(PageInfo.of(p));
        }
        assertThat(cache.of(null)).isEqualTo(PageInfo.EMPTY);
        assertThat(cache.of(new Page(null, "t", null))).isEqualTo(PageInfo.of(new Page(null, "t", null)));
    }

    @Test
    void copiesOfAUrlShareItsMemoAndAnotherUrlOrConfigurationDoesNot() {
        Object config = new Object();
        PageInfo view = cache.of(new Page("https://shop.example/items/1", "商品 1", "https://shop.example/"));
        view.memo(config, 3)[1] = 2;
        PageInfo report = cache.of(new Page("https://shop.example/items/1", null, null)); // the tag's report from that page
        assertThat(report).isNotSameAs(view);
        assertThat(report.memo(config, 3)).as("the same URL: rules that do not read the title hold").containsExactly(0, 2, 0);
        assertThat(report.memo(new Object(), 3)).as("another configuration").containsExactly(0, 0, 0);
        PageInfo other = cache.of(new Page("https://shop.example/items/2", "商品 2", null));
        assertThat(other.memo(config, 3)).containsExactly(0, 0, 0);
    }
}
