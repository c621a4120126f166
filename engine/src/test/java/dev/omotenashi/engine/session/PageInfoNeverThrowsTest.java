package dev.omotenashi.engine.session;

import dev.omotenashi.engine.Page;
import dev.omotenashi.engine.testing.Cases;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PageInfoNeverThrowsTest {
    /** The characters that matter to URL parsing, so the edge cases are hit often. */
    private static final List<String> URLISH = List.of("https://", "http:", "//", "/", "?", "&", "=", "#", "%", "%E3",
            "%81", "%zz", "%4", "+", "@", ":", "[", "]", "::1", ".", "\\", "shop.example", "utm_source",
            "gclid", "a", " ", "\u3042", "\uD800", "\u0000", "about:", "android-app://");

    @Test
    void parsingArbitraryUrlsNeverThrows() {
        Cases.forEach(3000, r -> {
            String url = Cases.join(r, URLISH, 20, 0.05);
            String referrer = Cases.join(r, URLISH, 20, 0.05);
            PageInfo p = PageInfo.of(new Page(url, null, referrer));
            assertThat(p.path()).startsWith("/");
            assertThat(p.query()).doesNotContainKey("");
            if (p.host() != null) assertThat(p.host()).isEqualTo(p.host().toLowerCase(java.util.Locale.ROOT));
            CampaignSource.of(p);
            TrafficSourceClassifier.classify(p, List.of("shop.example"));
        });
    }

    @Test
    void parsingAnyUnicodeStringNeverThrows() {
        Cases.forEach(1000, r -> {
            String anything = Cases.anyString(r, 40);
            PageInfo.of(new Page(anything, anything, anything));
        });
    }
}
