package dev.omotenashi.engine.session;

import dev.omotenashi.engine.Page;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

class PageInfoNeverThrowsTest {

    @Property(tries = 3000)
    void parsingArbitraryStringsNeverThrows(@ForAll("urlish") String url, @ForAll("urlish") String referrer) {
        PageInfo p = PageInfo.of(new Page(url, null, referrer));
        assertThat(p.path()).startsWith("/");
        assertThat(p.query()).doesNotContainKey("");
        if (p.host() != null) assertThat(p.host()).isEqualTo(p.host().toLowerCase(java.util.Locale.ROOT));
        CampaignSource.of(p);
        TrafficSourceClassifier.classify(p, java.util.List.of("shop.example"));
    }

    @Property(tries = 1000)
    void parsingAnyUnicodeStringNeverThrows(@ForAll String anything) {
        PageInfo.of(new Page(anything, anything, anything));
    }

    /** Strings built from the characters that matter to URL parsing, so the edge cases are hit often. */
    @Provide
    Arbitrary<String> urlish() {
        Arbitrary<String> pieces = Arbitraries.of("https://", "http:", "//", "/", "?", "&", "=", "#", "%", "%E3",
                "%81", "%zz", "%4", "+", "@", ":", "[", "]", "::1", ".", "\\", "shop.example", "utm_source",
                "gclid", "a", " ", "\u3042", "\uD800", "\u0000", "about:", "android-app://");
        return pieces.list().ofMaxSize(20).map(l -> String.join("", l)).injectNull(0.05);
    }
}
