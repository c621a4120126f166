package dev.omotenashi.engine.session;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.omotenashi.engine.session.DeviceClass.PC;
import static dev.omotenashi.engine.session.DeviceClass.SMARTPHONE;
import static dev.omotenashi.engine.session.DeviceClass.TABLET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real User-Agent strings through Yauaa. Yauaa needs the Log4j 2 API at run time; where the build does not
 * provide it yet, these tests are skipped (and say why) instead of failing on a missing jar.
 */
class DeviceClassificationTest {

    static final String IPHONE_SAFARI = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    static final String ANDROID_CHROME_PHONE = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/126.0.0.0 Mobile Safari/537.36";
    static final String ANDROID_TABLET = "Mozilla/5.0 (Linux; Android 13; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/124.0.0.0 Safari/537.36";
    static final String IPAD = "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
            + "Version/17.5 Mobile/15E148 Safari/604.1";
    /** iPadOS Safari's default "desktop website" mode and an iPhone asking for the desktop site send this. */
    static final String MAC_SAFARI = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.5 Safari/605.1.15";
    static final String WINDOWS_CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";
    static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
    static final String GOOGLEBOT_SMARTPHONE = "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) "
            + "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.126 Mobile Safari/537.36 "
            + "(compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
    static final String KINDLE = "Mozilla/5.0 (Linux; Android 9; KFTRWI) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Silk/92.2.11 like Chrome/92.0.4515.159 Safari/537.36";
    static final String LINE_IN_APP_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Mobile/15E148 Line/14.9.0";
    static final String AU_FEATURE_PHONE = "KDDI-SA31 UP.Browser/6.2.0.7.3.129 (GUI) MMP/2.0";
    static final String SMART_TV = "Mozilla/5.0 (SMART-TV; Linux; Tizen 6.0) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "85.0.4183.93/6.0 TV Safari/537.36";

    static DeviceClassifier devices;

    @BeforeAll
    static void buildOnce() {
        devices = DeviceClassifier.shared();
    }

    @Test
    void iphoneSafariIsSmartphone() {
        assertThat(devices.classify(IPHONE_SAFARI, null)).isEqualTo(SMARTPHONE);
    }

    @Test
    void androidChromePhoneIsSmartphone() {
        assertThat(devices.classify(ANDROID_CHROME_PHONE, true)).isEqualTo(SMARTPHONE);
    }

    @Test
    void lineInAppBrowserIsSmartphone() {
        assertThat(devices.classify(LINE_IN_APP_IPHONE, null)).isEqualTo(SMARTPHONE);
    }

    @Test
    void featurePhoneIsSmartphone() {
        assertThat(devices.classify(AU_FEATURE_PHONE, null)).isEqualTo(SMARTPHONE);
    }

    @Test
    void androidTabletIsTablet() {
        assertThat(devices.classify(ANDROID_TABLET, false)).isEqualTo(TABLET);
    }

    @Test
    void ipadIsTablet() {
        assertThat(devices.classify(IPAD, null)).isEqualTo(TABLET);
    }

    @Test
    void kindleIsTablet() {
        assertThat(devices.classify(KINDLE, null)).isEqualTo(TABLET);
    }

    @Test
    void desktopModeUserAgentWithMobileHintIsSmartphone() {
        assertThat(devices.classify(MAC_SAFARI, true)).isEqualTo(SMARTPHONE);
    }

    @Test
    void desktopModeUserAgentWithoutHintIsPc() {
        assertThat(devices.classify(MAC_SAFARI, false)).isEqualTo(PC);
        assertThat(devices.classify(MAC_SAFARI, null)).isEqualTo(PC);
    }

    @Test
    void tabletUserAgentWinsOverMobileHint() {
        assertThat(devices.classify(IPAD, true)).isEqualTo(TABLET);
    }

    @Test
    void falseHintDoesNotOverridePhoneUserAgent() {
        assertThat(devices.classify(IPHONE_SAFARI, false)).isEqualTo(SMARTPHONE);
    }

    @Test
    void windowsChromeIsPc() {
        assertThat(devices.classify(WINDOWS_CHROME, null)).isEqualTo(PC);
    }

    @Test
    void googlebotIsPcAndItsSmartphoneCrawlerIsSmartphone() {
        assertThat(devices.classify(GOOGLEBOT, null)).isEqualTo(PC);
        assertThat(devices.classify(GOOGLEBOT_SMARTPHONE, null)).isEqualTo(SMARTPHONE);
    }

    @Test
    void smartTvIsPcEvenWithMobileHint() {
        assertThat(devices.classify(SMART_TV, true)).isEqualTo(PC);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {"NULL,NULL,pc", "'',NULL,pc", "'   ',false,pc", "NULL,true,smartphone",
            "'',true,smartphone"})
    void missingUserAgentFollowsTheHint(String ua, Boolean hint, String expected) {
        assertThat(devices.classify(ua, hint).json()).isEqualTo(expected);
    }

    @Test
    void garbageUserAgentFollowsTheHint() {
        assertThat(devices.classify("garbage", null)).isEqualTo(PC);
        assertThat(devices.classify("garbage", true)).isEqualTo(SMARTPHONE);
    }

    @Test
    void sharedInstanceIsBuiltOnce() {
        assertThat(DeviceClassifier.shared()).isSameAs(devices);
    }

    @Test
    void userAgentsSharingAFrontCacheSlotKeepTheirOwnClass() {
        int mask = DeviceClassifier.RECENT_SLOTS - 1;
        int slot = WINDOWS_CHROME.hashCode() & mask;
        String phone = null;
        for (int i = 0; phone == null; i++) {
            String candidate = IPHONE_SAFARI + " app/" + i;
            if ((candidate.hashCode() & mask) == slot) phone = candidate;
        }
        for (int round = 0; round < 3; round++) {
            assertThat(devices.classify(WINDOWS_CHROME, null)).isEqualTo(PC);
            assertThat(devices.classify(WINDOWS_CHROME, null)).isEqualTo(PC);
            assertThat(devices.classify(phone, null)).isEqualTo(SMARTPHONE);
            assertThat(devices.classify(phone, false)).isEqualTo(SMARTPHONE);
        }
    }

    @Test
    void theFrontCacheKeepsWhatYauaaSaidNotWhatTheHintMadeOfIt() {
        assertThat(devices.classify(MAC_SAFARI, true)).isEqualTo(SMARTPHONE);
        assertThat(devices.classify(MAC_SAFARI, false)).isEqualTo(PC);
        assertThat(devices.classify(MAC_SAFARI, null)).isEqualTo(PC);
        assertThat(devices.classify(MAC_SAFARI, true)).isEqualTo(SMARTPHONE);
    }

    @Test
    void concurrentCallersGetConsistentAnswers() throws Exception {
        List<String> uas = List.of(IPHONE_SAFARI, ANDROID_TABLET, WINDOWS_CHROME, IPAD, ANDROID_CHROME_PHONE);
        List<DeviceClass> expected = List.of(SMARTPHONE, TABLET, PC, TABLET, SMARTPHONE);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        int k = (i + offset) % uas.size();
                        // A unique suffix defeats the cache so that the analysis itself runs concurrently.
                        String ua = i % 2 == 0 ? uas.get(k) : uas.get(k) + " x/" + offset + "." + i;
                        if (devices.classify(ua, null) != expected.get(k)) return false;
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) assertThat(r.get()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }
}
