package dev.omotenashi.engine.session;

import dev.omotenashi.engine.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static dev.omotenashi.engine.session.TrafficSource.AD;
import static dev.omotenashi.engine.session.TrafficSource.DIRECT;
import static dev.omotenashi.engine.session.TrafficSource.EMAIL;
import static dev.omotenashi.engine.session.TrafficSource.REFERRAL;
import static dev.omotenashi.engine.session.TrafficSource.SEARCH;
import static dev.omotenashi.engine.session.TrafficSource.SOCIAL;
import static org.assertj.core.api.Assertions.assertThat;

class TrafficSourceClassificationTest {

    private static final List<String> SITE = List.of("shop.example");

    /** The source of a session landing on {@code url} from {@code referrer}. */
    private static TrafficSource source(String url, String referrer) {
        return TrafficSourceClassifier.classify(PageInfo.of(new Page(url, null, referrer)), SITE);
    }

    private static TrafficSource fromReferrer(String referrer) {
        return source("https://shop.example/", referrer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpc", "ppc", "paid", "paidsearch", "display", "cpm", "banner", "paid_social",
            "CPC", "Paid-Social", "paid_search", "paid-video", "cpv", "retargeting", "ads"})
    void paidMediumIsAd(String medium) {
        assertThat(source("https://shop.example/?utm_source=x&utm_medium=" + medium, null)).isEqualTo(AD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gclid", "gbraid", "wbraid", "dclid", "yclid", "msclkid", "ldtag_cl", "twclid",
            "ttclid", "li_fat_id", "sccid", "rdt_cid"})
    void adClickIdIsAd(String param) {
        assertThat(source("https://shop.example/?" + param + "=abc", "https://www.google.com/")).isEqualTo(AD);
    }

    @Test
    void fbclidAloneFollowsTheReferrer() {
        assertThat(source("https://shop.example/?fbclid=IwAR", "https://l.facebook.com/")).isEqualTo(SOCIAL);
        assertThat(source("https://shop.example/?fbclid=IwAR", null)).isEqualTo(DIRECT);
    }

    @Test
    void adWinsOverEveryOtherSignal() {
        assertThat(source("https://shop.example/?utm_medium=email&gclid=1", "https://mail.google.com/")).isEqualTo(AD);
        assertThat(source("https://shop.example/?utm_source=facebook&utm_medium=paid_social", "https://facebook.com/"))
                .isEqualTo(AD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"email", "EMAIL", "e-mail", "e_mail", "mail", "newsletter", "mailmagazine", "melmaga"})
    void emailMediumIsEmail(String medium) {
        assertThat(source("https://shop.example/?utm_source=list&utm_medium=" + medium, "https://www.google.com/"))
                .isEqualTo(EMAIL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://mail.google.com/", "https://outlook.live.com/mail/0/",
            "https://mail.yahoo.co.jp/", "android-app://com.google.android.gm/"})
    void webmailReferrerIsEmail(String referrer) {
        assertThat(fromReferrer(referrer)).isEqualTo(EMAIL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://www.google.com/", "https://www.google.co.jp/", "https://google.de/",
            "https://www.google.com.br/", "https://images.google.fr/", "https://search.yahoo.co.jp/",
            "https://www.yahoo.co.jp/", "https://search.yahoo.com/", "https://uk.search.yahoo.com/",
            "https://www.bing.com/", "https://duckduckgo.com/", "https://www.baidu.com/",
            "https://search.naver.com/", "https://www.ecosia.org/", "https://search.goo.ne.jp/",
            "https://www.goo.ne.jp/", "https://search.biglobe.ne.jp/", "https://search.smt.docomo.ne.jp/",
            "https://search.auone.jp/", "https://sp-search.auone.jp/", "https://yandex.ru/",
            "android-app://com.google.android.googlequicksearchbox/"})
    void searchEngineReferrerIsSearch(String referrer) {
        assertThat(fromReferrer(referrer)).isEqualTo(SEARCH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://docs.google.com/", "https://sites.google.com/", "https://blog.goo.ne.jp/",
            "https://blog.naver.com/", "https://google.example/", "https://notgoogle.com/",
            "https://www.google.com.evil.example/", "https://www.so-net.ne.jp/"})
    void lookalikesAndNonSearchServicesAreReferral(String referrer) {
        assertThat(fromReferrer(referrer)).isEqualTo(REFERRAL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://www.facebook.com/", "https://l.facebook.com/", "https://m.facebook.com/",
            "https://l.instagram.com/", "https://x.com/", "https://twitter.com/", "https://t.co/",
            "https://line.me/", "https://www.youtube.com/", "https://youtu.be/", "https://www.tiktok.com/",
            "https://www.pinterest.jp/", "https://www.pinterest.co.uk/", "https://www.linkedin.com/",
            "https://www.reddit.com/", "https://www.threads.net/", "https://note.com/", "https://ameblo.jp/",
            "https://b.hatena.ne.jp/", "https://bsky.app/", "android-app://jp.naver.line.android/"})
    void socialNetworkReferrerIsSocial(String referrer) {
        assertThat(fromReferrer(referrer)).isEqualTo(SOCIAL);
    }

    @Test
    void suffixMatchIsOnLabelBoundaries() {
        assertThat(fromReferrer("https://notfacebook.com/")).isEqualTo(REFERRAL);
        assertThat(fromReferrer("https://facebook.com.evil.example/")).isEqualTo(REFERRAL);
        assertThat(fromReferrer("https://xt.co/")).isEqualTo(REFERRAL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"utm_source=line&utm_medium=message", "utm_source=LINE", "utm_source=instagram",
            "utm_source=x&utm_medium=post", "utm_source=l.facebook.com", "utm_source=shop&utm_medium=sns",
            "utm_source=shop&utm_medium=Social-Media"})
    void socialUtmIsSocialEvenWithoutReferrer(String query) {
        assertThat(source("https://shop.example/?" + query, null)).isEqualTo(SOCIAL);
    }

    @Test
    void taggedSocialLinkOutranksSearchReferrer() {
        assertThat(source("https://shop.example/?utm_source=line", "https://www.google.com/")).isEqualTo(SOCIAL);
    }

    @Test
    void organicMediumIsSearch() {
        assertThat(source("https://shop.example/?utm_source=google&utm_medium=organic", null)).isEqualTo(SEARCH);
    }

    @Test
    void otherExternalReferrerIsReferral() {
        assertThat(fromReferrer("https://blog.example.org/post/1")).isEqualTo(REFERRAL);
    }

    @Test
    void unknownMediumFollowsTheReferrer() {
        assertThat(source("https://shop.example/?utm_source=flyer&utm_medium=qr", null)).isEqualTo(DIRECT);
        assertThat(source("https://shop.example/?utm_source=partner&utm_medium=affiliate", "https://partner.example/"))
                .isEqualTo(REFERRAL);
    }

    @Test
    void noReferrerIsDirect() {
        assertThat(fromReferrer(null)).isEqualTo(DIRECT);
        assertThat(fromReferrer("")).isEqualTo(DIRECT);
    }

    @Test
    void referrerOnTheSiteOrASubdomainIsInternalHenceDirect() {
        assertThat(fromReferrer("https://shop.example/cart")).isEqualTo(DIRECT);
        assertThat(fromReferrer("https://www.shop.example/")).isEqualTo(DIRECT);
        assertThat(fromReferrer("https://help.SHOP.example/")).isEqualTo(DIRECT);
        assertThat(fromReferrer("https://myshop.example/")).isEqualTo(REFERRAL);
    }

    @Test
    void configuredDomainsAreNormalised() {
        List<String> domains = List.of(" *.Shop.Example:443 ", "https://other.example/path", ".third.example.");
        assertThat(TrafficSourceClassifier.classify(CampaignSource.EMPTY, "a.shop.example", domains)).isEqualTo(DIRECT);
        assertThat(TrafficSourceClassifier.classify(CampaignSource.EMPTY, "other.example", domains)).isEqualTo(DIRECT);
        assertThat(TrafficSourceClassifier.classify(CampaignSource.EMPTY, "x.third.example", domains)).isEqualTo(DIRECT);
        assertThat(TrafficSourceClassifier.classify(CampaignSource.EMPTY, "fourth.example", domains)).isEqualTo(REFERRAL);
    }

    @Test
    void pageHostIsInternalEvenWhenNoDomainIsConfigured() {
        PageInfo page = PageInfo.of(new Page("https://www.shop.example/", null, "https://shop.example/x"));
        assertThat(TrafficSourceClassifier.classify(page, List.of())).isEqualTo(DIRECT);
        assertThat(TrafficSourceClassifier.classify(page, null)).isEqualTo(DIRECT);
        assertThat(TrafficSourceClassifier.externalReferrerHost(page, List.of())).isNull();
    }

    @Test
    void externalReferrerHostIsKept() {
        PageInfo page = PageInfo.of(new Page("https://shop.example/", null, "https://www.google.co.jp/search"));
        assertThat(TrafficSourceClassifier.externalReferrerHost(page, SITE)).isEqualTo("www.google.co.jp");
    }

    @Test
    void nullCampaignIsEmpty() {
        assertThat(TrafficSourceClassifier.classify(null, null, null)).isEqualTo(DIRECT);
    }

    @Test
    void jsonNamesAreTheSpecs() {
        assertThat(List.of(TrafficSource.values())).extracting(TrafficSource::json)
                .containsExactly("ad", "search", "social", "email", "referral", "direct");
        assertThat(TrafficSource.fromJson("referral")).isEqualTo(REFERRAL);
        assertThat(TrafficSource.fromJson("Referral")).isNull();
    }
}
