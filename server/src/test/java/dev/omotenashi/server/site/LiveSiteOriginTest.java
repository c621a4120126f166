package dev.omotenashi.server.site;

import dev.omotenashi.engine.SiteEngine;
import dev.omotenashi.engine.config.SiteSettings;
import dev.omotenashi.server.store.SiteRecord;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The site's memory of checked origins: right answers, a bounded size, and no lock-out by made-up origins. */
class LiveSiteOriginTest {
    private final LiveSite site = new LiveSite(new SiteRecord("shop", "Shop", "pk_shop", "wk_shop",
            List.of("shop.example", "Other.Example"), "Asia/Tokyo", 1800, "{}", 1, 1),
            new SiteEngine(SiteSettings.of(ZoneId.of("Asia/Tokyo")), Clock.systemUTC()));

    @Test
    void anOriginIsAllowedForItsDomainsAndTheirSubdomainsOnly() {
        for (int round = 0; round < 2; round++) { // the first answer is computed, the second remembered
            assertThat(site.allowsOrigin("https://shop.example")).isTrue();
            assertThat(site.allowsOrigin("https://www.shop.example:8443")).isTrue();
            assertThat(site.allowsOrigin("http://OTHER.example")).isTrue();
            assertThat(site.allowsOrigin("https://evilshop.example")).isFalse();
            assertThat(site.allowsOrigin("https://shop.example.evil.test")).isFalse();
            assertThat(site.allowsOrigin("not a uri")).isFalse();
            assertThat(site.allowsOrigin("null")).isFalse();
        }
    }

    @Test
    void madeUpOriginsNeitherGrowTheMemoryPastItsBoundNorKeepTheRealOnesOut() {
        for (int i = 0; i < 1_000; i++) assertThat(site.allowsOrigin("https://x" + i + ".invalid")).isFalse();
        assertThat(site.originsRemembered()).isLessThanOrEqualTo(256);

        int before = site.originsRemembered();
        assertThat(before).as("the memory started over rather than stopping at its bound").isLessThan(256);
        assertThat(site.allowsOrigin("https://shop.example")).isTrue();
        assertThat(site.originsRemembered()).as("the real origin is remembered too").isEqualTo(before + 1);
    }
}
