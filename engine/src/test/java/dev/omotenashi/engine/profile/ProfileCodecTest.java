package dev.omotenashi.engine.profile;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfileCodecTest {
    private static final long T0 = 1_764_000_000_000L;
    private final ProfileCodec codec = new ProfileCodec(String::intern, String::intern);

    static Profile sample() {
        AggregatePlan plan = new AggregatePlan(Set.of(
                new AggregateKey("cart", "price", Scope.ALL, Agg.LATEST),
                new AggregateKey("cart", "price", Scope.SESSION, Agg.SUM),
                new AggregateKey("cart", "price", Scope.DAYS_7, Agg.VALUES),
                new AggregateKey("cart", null, Scope.SESSION, Agg.FIRST_AT)));
        Profile p = new Profile("v_abcdefgh");
        VisitorState b = p.browser("v_abcdefgh");
        p.startSession(b, T0, "ad", "smartphone", "/lp", "www.google.com",
                new String[]{"google", "cpc", "winter", "dress", null, "gclid"});
        ObjectNode props = JsonNodeFactory.instance.objectNode().put("price", 4500.0);
        p.recordEvent(b, "view", T0, 20_000, null, plan);
        p.recordEvent(b, "cart", T0 + 10, 20_000, props, plan);
        p.recordEvent(b, "cart", T0 + 20, 20_001, JsonNodeFactory.instance.objectNode().put("price", "free"), plan);
        p.setUserId("u_1");
        p.mergeTraits(JsonNodeFactory.instance.objectNode().put("member_rank", "gold").put("height", 162));
        CampaignHistory h = p.recordAction("welcome", Metric.SHOWN, T0 + 30, b.serial(), 20_001);
        p.recordExposure(h, T0 + 30, "a", false, b.serial());
        p.assignArm(h, "a", false);
        p.recordDelivery(T0 + 30);
        p.recordItemView("7");
        p.recordItemView("3");
        p.attachBrowser("v_other_browser");
        return p;
    }

    @Test
    void aProfileSurvivesTheRoundTripByteForByte() {
        Profile p = sample();
        byte[] once = codec.encode(p);
        Profile back = codec.decode(once);
        assertThat(codec.encode(back)).isEqualTo(once);
        VisitorState b = back.browser("v_abcdefgh");
        assertThat(back.aggregate("cart", "price", Scope.ALL, Agg.LATEST, b, 20_001)).isEqualTo("free");
        assertThat(back.aggregate("cart", "price", Scope.SESSION, Agg.SUM, b, 20_001)).isEqualTo(4500.0);
        assertThat(back.trait("member_rank")).isEqualTo("gold");
        assertThat(back.campaign("welcome").exposedVariant()).isEqualTo("a");
        assertThat(back.visitorIds()).containsExactly("v_abcdefgh", "v_other_browser");
        assertThat(b.campaignParameter(3)).isEqualTo("dress");
        assertThat(back.recentItems()).containsExactly("7", "3");
    }

    @Test
    void aReusedScratchGivesTheSameBytesProfileAfterProfile() {
        java.io.ByteArrayOutputStream scratch = new java.io.ByteArrayOutputStream(16); // grows on the first, large profile
        Profile large = sample(), small = new Profile("v_small");
        byte[] first = codec.encode(large, scratch);
        byte[] second = codec.encode(small, scratch); // shorter: nothing of the first may remain
        byte[] third = codec.encode(large, scratch);
        assertThat(first).isEqualTo(codec.encode(large)).isEqualTo(third);
        assertThat(second).isEqualTo(codec.encode(small));
        assertThat(codec.decode(second).visitorIds()).containsExactly("v_small");
    }

    @Test
    void theHostsJournalPositionOfEachBrowserSurvivesAndOlderFormatsReadItAsNone() {
        Profile p = sample();
        p.browser("v_abcdefgh").journalSeq(7_000_000_001L);
        p.browser("v_other_browser").journalSeq(42);
        Profile back = codec.decode(codec.encode(p));
        assertThat(back.browser("v_abcdefgh").journalSeq()).isEqualTo(7_000_000_001L);
        assertThat(back.browser("v_other_browser").journalSeq()).isEqualTo(42);

        byte[] v2 = codec.encode(p, 2);
        assertThat(v2[0]).isEqualTo((byte) 2);
        assertThat(codec.encode(p).length - v2.length).as("a long per browser").isEqualTo(2 * Long.BYTES);
        Profile old = codec.decode(v2);
        assertThat(old.browser("v_abcdefgh").journalSeq()).isZero();
        assertThat(old.browser("v_abcdefgh").campaignParameter(3)).isEqualTo("dress");
        assertThat(codec.encode(old, 2)).isEqualTo(v2);
        assertThatThrownBy(() -> codec.encode(p, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnknownVersionIsRefused() {
        byte[] bytes = codec.encode(sample());
        bytes[0] = 99;
        assertThatThrownBy(() -> codec.decode(bytes)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version 99");
    }

    @Test
    void truncatedBytesAreRefusedNotMisread() {
        byte[] bytes = codec.encode(sample());
        for (int cut = 1; cut < bytes.length; cut += 7) {
            byte[] part = java.util.Arrays.copyOf(bytes, cut);
            assertThatThrownBy(() -> codec.decode(part)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
