package dev.omotenashi.engine.session;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CampaignSourceTest {

    private static CampaignSource of(String url) {
        return CampaignSource.of(PageInfo.ofUrl(url));
    }

    @Test
    void readsTheFiveUtmParameters() {
        CampaignSource c = of("https://shop.example/?utm_source=yahoo&utm_medium=cpc&utm_campaign=winter%20sale"
                + "&utm_term=%E9%9D%B4&utm_content=banner-a");
        assertThat(c).isEqualTo(new CampaignSource("yahoo", "cpc", "winter sale", "靴", "banner-a", null, null));
        assertThat(c.isEmpty()).isFalse();
        assertThat(c.hasAdClickId()).isFalse();
    }

    @Test
    void pageWithoutCampaignParametersIsEmpty() {
        assertThat(of("https://shop.example/cart?x=1")).isSameAs(CampaignSource.EMPTY);
        assertThat(CampaignSource.EMPTY.isEmpty()).isTrue();
    }

    @Test
    void blankValuesCountAsAbsent() {
        assertThat(of("/?utm_source=&utm_medium=%20&gclid=")).isSameAs(CampaignSource.EMPTY);
    }

    @Test
    void namesAreMatchedIgnoringCase() {
        CampaignSource c = of("/?UTM_Source=line&ScCid=abc");
        assertThat(c.utmSource()).isEqualTo("line");
        assertThat(c.clickParam()).isEqualTo("sccid");
        assertThat(c.clickId()).isEqualTo("abc");
    }

    @Test
    void everyListedAdClickIdIsRecognised() {
        for (String name : CampaignSource.AD_CLICK_IDS) {
            CampaignSource c = of("/?" + name + "=XYZ");
            assertThat(c.hasAdClickId()).as(name).isTrue();
            assertThat(c.clickParam()).isEqualTo(name);
        }
        assertThat(CampaignSource.AD_CLICK_IDS).contains("gclid", "yclid", "msclkid", "ldtag_cl", "ttclid");
    }

    @Test
    void fbclidIsNotAnAdClickId() {
        assertThat(of("/?fbclid=IwAR0abc")).isSameAs(CampaignSource.EMPTY);
    }

    @Test
    void earlierListedClickIdWinsWhenSeveralArePresent() {
        CampaignSource c = of("/?msclkid=m&gclid=g");
        assertThat(c.clickParam()).isEqualTo("gclid");
        assertThat(c.clickId()).isEqualTo("g");
    }

    @Test
    void differentParametersStartANewSession() {
        CampaignSource start = of("/?utm_source=newsletter&utm_medium=email");
        assertThat(of("/?utm_source=google&utm_medium=cpc").startsNewSessionFrom(start)).isTrue();
        assertThat(of("/?utm_source=newsletter").startsNewSessionFrom(start)).isTrue();
        assertThat(of("/?utm_source=newsletter&utm_medium=email&utm_content=b").startsNewSessionFrom(start)).isTrue();
    }

    @Test
    void newAdClickIdValueStartsANewSession() {
        assertThat(of("/?gclid=B").startsNewSessionFrom(of("/?gclid=A"))).isTrue();
    }

    @Test
    void campaignOnAPageAfterADirectStartStartsANewSession() {
        assertThat(of("/?utm_source=line").startsNewSessionFrom(CampaignSource.EMPTY)).isTrue();
        assertThat(of("/?utm_source=line").startsNewSessionFrom(null)).isTrue();
    }

    @Test
    void sameParametersAgainDoNotStartANewSession() {
        CampaignSource start = of("/landing?utm_source=google&utm_medium=cpc&gclid=A");
        assertThat(of("/other?gclid=A&utm_medium=cpc&utm_source=google&x=1").startsNewSessionFrom(start)).isFalse();
    }

    @Test
    void pageWithoutParametersNeverStartsANewSession() {
        assertThat(CampaignSource.EMPTY.startsNewSessionFrom(of("/?utm_source=google"))).isFalse();
        assertThat(CampaignSource.EMPTY.startsNewSessionFrom(CampaignSource.EMPTY)).isFalse();
    }

    @Test
    void arrayFormRoundTrips() {
        CampaignSource c = of("/?utm_source=a&utm_campaign=c&yclid=Y=1");
        assertThat(c.toArray()).containsExactly("a", null, "c", null, null, "yclid=Y=1");
        assertThat(CampaignSource.fromArray(c.toArray())).isEqualTo(c);
        assertThat(CampaignSource.EMPTY.toArray()).isNull();
        assertThat(CampaignSource.fromArray(null)).isEqualTo(CampaignSource.EMPTY);
    }

    @Test
    void malformedArrayIsRejected() {
        assertThatThrownBy(() -> CampaignSource.fromArray(new String[3])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CampaignSource.fromArray(new String[]{null, null, null, null, null, "nameless"}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clickParamWithoutIdIsRejected() {
        assertThatThrownBy(() -> new CampaignSource(null, null, null, null, null, "gclid", null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
