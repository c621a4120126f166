package dev.omotenashi.engine.session;

import dev.omotenashi.engine.Page;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class PageInfoParsingTest {

    @Test
    void absoluteUrlIsTakenApart() {
        PageInfo p = PageInfo.of(new Page("https://Shop.Example:8443/cart/items?x=1&y=two#top", "Cart",
                "https://www.google.co.jp/"));
        assertThat(p.url()).isEqualTo("https://Shop.Example:8443/cart/items?x=1&y=two#top");
        assertThat(p.host()).isEqualTo("shop.example");
        assertThat(p.path()).isEqualTo("/cart/items");
        assertThat(p.query()).containsExactly(entry("x", "1"), entry("y", "two"));
        assertThat(p.title()).isEqualTo("Cart");
        assertThat(p.referrer()).isEqualTo("https://www.google.co.jp/");
        assertThat(p.referrerHost()).isEqualTo("www.google.co.jp");
    }

    @Test
    void emptyPathIsSlash() {
        assertThat(PageInfo.ofUrl("https://shop.example").path()).isEqualTo("/");
        assertThat(PageInfo.ofUrl("https://shop.example?x=1").path()).isEqualTo("/");
    }

    @Test
    void pathAndQueryArePercentDecodedAsUtf8() {
        PageInfo p = PageInfo.ofUrl("https://shop.example/%E3%82%BB%E3%83%BC%E3%83%AB/a%20b?q=%E9%9D%B4+%E8%B5%A4&k=a%2Bb");
        assertThat(p.path()).isEqualTo("/セール/a b");
        assertThat(p.query()).containsEntry("q", "靴 赤").containsEntry("k", "a+b");
    }

    @Test
    void plusStaysInPathButIsSpaceInQuery() {
        PageInfo p = PageInfo.ofUrl("https://shop.example/a+b?c=d+e");
        assertThat(p.path()).isEqualTo("/a+b");
        assertThat(p.queryParameter("c")).isEqualTo("d e");
    }

    @Test
    void firstValueOfARepeatedParameterWins() {
        assertThat(PageInfo.ofUrl("/p?a=1&a=2&b").query()).containsExactly(entry("a", "1"), entry("b", ""));
    }

    @Test
    void parametersWithoutNameAreDropped() {
        assertThat(PageInfo.ofUrl("/p?=1&&a=2&").query()).containsExactly(entry("a", "2"));
    }

    @Test
    void queryMapIsUnmodifiable() {
        PageInfo p = PageInfo.ofUrl("/p?a=1");
        assertThatThrownBy(() -> p.query().put("b", "2")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void malformedPercentEncodingIsKeptLiterally() {
        PageInfo p = PageInfo.ofUrl("https://shop.example/100%/x%zz%4?q=%E3%81&r=%");
        assertThat(p.path()).isEqualTo("/100%/x%zz%4");
        assertThat(p.queryParameter("q")).isEqualTo("\uFFFD");
        assertThat(p.queryParameter("r")).isEqualTo("%");
    }

    @Test
    void relativeUrlHasPathButNoHost() {
        PageInfo p = PageInfo.ofUrl("/cart?x=1");
        assertThat(p.host()).isNull();
        assertThat(p.path()).isEqualTo("/cart");
        assertThat(p.queryParameter("x")).isEqualTo("1");
        assertThat(PageInfo.ofUrl("cart").path()).isEqualTo("/cart");
    }

    @Test
    void protocolRelativeUrlHasHost() {
        assertThat(PageInfo.ofUrl("//cdn.shop.example/a").host()).isEqualTo("cdn.shop.example");
    }

    @Test
    void missingPageOrUrlGivesEmptyInfo() {
        assertThat(PageInfo.of(null)).isEqualTo(PageInfo.EMPTY);
        PageInfo p = PageInfo.of(new Page(null, "t", ""));
        assertThat(p.path()).isEqualTo("/");
        assertThat(p.host()).isNull();
        assertThat(p.query()).isEmpty();
        assertThat(p.referrer()).isNull();
        assertThat(p.referrerHost()).isNull();
    }

    @Test
    void userInfoPortAndTrailingDotAreNotPartOfTheHost() {
        assertThat(PageInfo.hostOf("https://user:pw@WWW.Shop.Example.:8080/x")).isEqualTo("www.shop.example");
        assertThat(PageInfo.hostOf("http://[::1]:8080/")).isEqualTo("[::1]");
    }

    @Test
    void opaqueUrlsHaveNoHost() {
        assertThat(PageInfo.hostOf("about:blank")).isNull();
        assertThat(PageInfo.ofUrl("javascript:alert(1)").path()).isEqualTo("/");
    }

    @Test
    void androidAppReferrerHostIsThePackage() {
        assertThat(PageInfo.hostOf("android-app://com.google.android.googlequicksearchbox/"))
                .isEqualTo("com.google.android.googlequicksearchbox");
    }

    @Test
    void fragmentIsIgnoredAndBackslashIsASlash() {
        PageInfo p = PageInfo.ofUrl("https://shop.example\\sale\\items#x?y=1");
        assertThat(p.host()).isEqualTo("shop.example");
        assertThat(p.path()).isEqualTo("/sale/items");
        assertThat(p.query()).isEmpty();
    }
}
