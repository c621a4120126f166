package dev.omotenashi.engine.session;

import dev.omotenashi.engine.Page;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SessionBoundaryTest {

    private static final Duration THIRTY_MINUTES = Duration.ofMinutes(30);
    private static final long T = 1_764_000_000_000L;
    private static final CampaignSource GOOGLE_AD = CampaignSource.of(PageInfo.ofUrl("/?gclid=A"));

    @Test
    void firstEventStartsASession() {
        assertThat(SessionBoundary.startsNewSession(SessionBoundary.NO_SESSION, T, THIRTY_MINUTES, null, null)).isTrue();
    }

    @Test
    void thirtyMinutesOfSilenceEndTheSession() {
        long later = T + THIRTY_MINUTES.toMillis();
        assertThat(SessionBoundary.startsNewSession(T, later - 1, THIRTY_MINUTES, null, null)).isFalse();
        assertThat(SessionBoundary.startsNewSession(T, later, THIRTY_MINUTES, null, null)).isTrue();
    }

    @Test
    void lateEventDoesNotEndTheSession() {
        assertThat(SessionBoundary.startsNewSession(T, T - 3_600_000, THIRTY_MINUTES, null, null)).isFalse();
    }

    @Test
    void hugeGapDoesNotOverflow() {
        assertThat(SessionBoundary.timedOut(Long.MIN_VALUE + 1, Long.MAX_VALUE, THIRTY_MINUTES)).isTrue();
    }

    @Test
    void pageWithAnotherCampaignStartsANewSessionBeforeTheTimeout() {
        CampaignSource other = CampaignSource.of(PageInfo.ofUrl("/?utm_source=newsletter&utm_medium=email"));
        assertThat(SessionBoundary.startsNewSession(T, T + 1000, THIRTY_MINUTES, GOOGLE_AD, other)).isTrue();
    }

    @Test
    void pageWithTheSameCampaignOrNoneContinuesTheSession() {
        assertThat(SessionBoundary.startsNewSession(T, T + 1000, THIRTY_MINUTES, GOOGLE_AD, GOOGLE_AD)).isFalse();
        assertThat(SessionBoundary.startsNewSession(T, T + 1000, THIRTY_MINUTES, GOOGLE_AD, CampaignSource.EMPTY))
                .isFalse();
        assertThat(SessionBoundary.startsNewSession(T, T + 1000, THIRTY_MINUTES, GOOGLE_AD, null)).isFalse();
    }

    @Test
    void originRecordsTheLandingPage() {
        PageInfo landing = PageInfo.of(new Page("https://shop.example/sale?utm_source=line&utm_medium=message",
                "Sale", "https://www.google.com/"));
        SessionOrigin o = SessionOrigin.of(landing, DeviceClass.SMARTPHONE, List.of("shop.example"));
        assertThat(o.source()).isEqualTo(TrafficSource.SOCIAL);
        assertThat(o.campaign().utmSource()).isEqualTo("line");
        assertThat(o.referrerHost()).isEqualTo("www.google.com");
        assertThat(o.landingPath()).isEqualTo("/sale");
        assertThat(o.device()).isEqualTo(DeviceClass.SMARTPHONE);
    }

    @Test
    void originOfAnInternalReferrerHasNoReferrerHost() {
        PageInfo landing = PageInfo.of(new Page("https://shop.example/cart", null, "https://shop.example/"));
        SessionOrigin o = SessionOrigin.of(landing, DeviceClass.PC, List.of());
        assertThat(o.source()).isEqualTo(TrafficSource.DIRECT);
        assertThat(o.referrerHost()).isNull();
        assertThat(o.campaign()).isEqualTo(CampaignSource.EMPTY);
    }
}
