package dev.omotenashi.engine.profile;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's memo of audience results: what the profile records clears exactly the results that read it,
 * and what moves people or browsers drops the memo.
 */
class DecisionMemoTest {
    private static final long CART = 1, WELCOME = 2;
    /** a configuration whose audiences read cart events and the campaign "welcome", at position 1 */
    private static final Changes.Names NAMES = names(Map.of("cart", CART, "welcome", WELCOME), Map.of("welcome", 1));

    private static Changes.Names names(Map<String, Long> bits, Map<String, Integer> positions) {
        return new Changes.Names() {
            @Override
            public long of(String name) {
                return bits.getOrDefault(name, 0L);
            }

            @Override
            public int position(String campaign) {
                return positions.getOrDefault(campaign, -1);
            }
        };
    }
    /** positions: 0 reads carts, 1 the welcome campaign, 2 the session, 3 the identity, 4 nothing that changes */
    private static final long[] INPUTS = {CART, WELCOME, Changes.SESSION, Changes.IDENTITY, 0};
    private static final long T0 = 1_764_547_200_000L;

    private final Profile profile = new Profile("v_1");
    private final VisitorState browser = profile.browser("v_1");

    private static byte[] results(DecisionMemo memo) {
        memo.update(INPUTS);
        return memo.audiences();
    }

    private byte[] known() {
        byte[] r = results(profile.decisionMemo(NAMES, browser, 20_000, INPUTS.length));
        for (int i = 0; i < r.length; i++) if (r[i] == DecisionMemo.UNKNOWN) r[i] = DecisionMemo.MATCH;
        return r;
    }

    private byte[] now() {
        return results(profile.decisionMemo(NAMES, browser, 20_000, INPUTS.length));
    }

    private static final byte K = DecisionMemo.MATCH, U = DecisionMemo.UNKNOWN;

    @Test
    void recordingClearsOnlyWhatReadsIt() {
        profile.startSession(browser, T0, "direct", "pc", "/", null, null);
        profile.recordEvent(browser, "view", T0, 20_000, null, AggregatePlan.EMPTY); // the first event: first seen
        known();
        profile.recordEvent(browser, "view", T0 + 1_000, 20_000, null, AggregatePlan.EMPTY);
        assertThat(now()).as("nothing reads views").containsExactly(K, K, K, K, K);
        profile.recordEvent(browser, "cart", T0, 20_000, null, AggregatePlan.EMPTY);
        assertThat(now()).containsExactly(U, K, K, K, K);
        known();
        profile.recordAction("welcome", Metric.SHOWN, T0, browser.serial(), 20_000);
        assertThat(now()).containsExactly(K, U, K, K, K);
        known();
        profile.startSession(browser, T0 + 3_600_000, "search", "pc", "/items/1", "www.google.com", null);
        assertThat(now()).containsExactly(K, K, U, K, K);
    }

    @Test
    void traitsChangeTheIdentityOnlyWhenTheirValuesChange() {
        ObjectNode gold = JsonNodeFactory.instance.objectNode().put("rank", "gold");
        profile.mergeTraits(gold);
        known();
        profile.mergeTraits(gold.deepCopy());
        assertThat(now()).as("the same traits again").containsExactly(K, K, K, K, K);
        profile.mergeTraits(JsonNodeFactory.instance.objectNode().put("rank", "silver"));
        assertThat(now()).containsExactly(K, K, K, U, K);
        known();
        profile.mergeTraits(JsonNodeFactory.instance.objectNode().putNull("rank"));
        assertThat(now()).as("a trait removed").containsExactly(K, K, K, U, K);
        known();
        profile.setUserId("u_1");
        assertThat(now()).as("identified: a member now").containsExactly(K, K, K, U, K);
    }

    @Test
    void aMemoHoldsForOneConfigurationBrowserAndDay() {
        known();
        assertThat(results(profile.decisionMemo(NAMES, browser, 20_001, INPUTS.length))).as("the next day")
                .containsOnly(U);
        known();
        Changes.Names other = names(Map.of(), Map.of());
        assertThat(results(profile.decisionMemo(other, browser, 20_000, INPUTS.length))).as("another configuration")
                .containsOnly(U);
        known();
        VisitorState phone = profile.attachBrowser("v_2");
        assertThat(results(profile.decisionMemo(NAMES, phone, 20_000, INPUTS.length))).as("another browser")
                .containsOnly(U);
    }

    @Test
    void mergingPeopleDropsTheMemo() {
        known();
        Profile anonymous = new Profile("v_9");
        anonymous.recordEvent(anonymous.browser("v_9"), "view", T0, 20_000, null, AggregatePlan.EMPTY);
        profile.absorb(anonymous);
        assertThat(now()).containsOnly(U);
    }

    @Test
    void rulesThatHoldACampaignBackHoldUntilASessionStarts() {
        profile.startSession(browser, T0, "direct", "pc", "/", null, null);
        profile.recordEvent(browser, "view", T0, 20_000, null, AggregatePlan.EMPTY);
        DecisionMemo memo = profile.decisionMemo(NAMES, browser, 20_000, INPUTS.length);
        memo.update(INPUTS);
        memo.rules()[1] = DecisionMemo.NO_MATCH;
        profile.recordAction("welcome", Metric.SHOWN, T0 + 1_000, browser.serial(), 20_000);
        profile.recordEvent(browser, "cart", T0 + 2_000, 20_000, null, AggregatePlan.EMPTY);
        memo.update(INPUTS);
        assertThat(memo.rules()[1]).as("more exposures only keep it held back").isEqualTo(DecisionMemo.NO_MATCH);
        profile.startSession(browser, T0 + 3_600_000, "direct", "pc", "/", null, null);
        memo.update(INPUTS);
        assertThat(memo.rules()).containsOnly(U);
    }

    @Test
    void anotherBrowsersNewerSessionTakingTheCampaignsSlotForgetsItsRules() {
        // the person's desktop is in session 0, the phone in session 1; welcome was shown on both
        profile.startSession(browser, T0, "direct", "pc", "/", null, null);
        VisitorState phone = profile.attachBrowser("v_2");
        profile.startSession(phone, T0 + 1_000, "direct", "smartphone", "/", null, null);
        profile.recordAction("welcome", Metric.SHOWN, T0 + 2_000, browser.serial(), 20_000);
        profile.recordAction("welcome", Metric.SHOWN, T0 + 3_000, phone.serial(), 20_000);
        DecisionMemo memo = profile.decisionMemo(NAMES, browser, 20_000, INPUTS.length);
        memo.update(INPUTS);
        memo.rules()[1] = DecisionMemo.NO_MATCH; // once a session: held back on the desktop
        memo.rules()[0] = DecisionMemo.NO_MATCH;
        // the phone starts session 2 and reports welcome there: the desktop's session 0 loses its slot
        profile.startSession(phone, T0 + 4_000_000, "direct", "smartphone", "/", null, null);
        memo.update(INPUTS);
        memo.rules()[0] = DecisionMemo.NO_MATCH;
        memo.rules()[1] = DecisionMemo.NO_MATCH;
        profile.recordAction("welcome", Metric.GOAL, T0 + 4_001_000, phone.serial(), 20_000);
        assertThat(profile.campaign("welcome").count(Metric.SHOWN, Scope.SESSION, browser.serial(), 20_000))
                .as("the desktop's session count reads 0 now").isZero();
        memo.update(INPUTS);
        assertThat(memo.rules()).containsExactly(DecisionMemo.NO_MATCH, U, U, U, U);
    }
}
