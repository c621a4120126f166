package dev.omotenashi.engine.condition;

import dev.omotenashi.engine.condition.ConditionParser.Context;
import dev.omotenashi.engine.config.Json;
import dev.omotenashi.engine.profile.Changes;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a condition reads ({@link ConditionCompiler#inputs}) and how an audience splits into the part a
 * person's memo may keep and the rest ({@link ConditionCompiler#split}). A wrong answer here would let a
 * memo keep a stale result; EngineInvariantsTest checks the whole memo against the explained decision.
 */
class ConditionInputsTest {
    private final Map<String, Condition> segments = new HashMap<>();
    private final ConditionCompiler compiler = new ConditionCompiler(segments::get);

    private static Condition parse(String json) {
        return ConditionParser.parse(Json.parse(json), Context.AUDIENCE);
    }

    private Inputs inputs(String json) {
        return compiler.inputs(parse(json));
    }

    @Test
    void sessionAttributesChangeWhenASessionStarts() {
        for (String attr : new String[]{"visitor.visits", "session.source", "session.landing_path", "session.device",
                "session.utm_source", "session.referrer_host", "visitor.last_seen"}) {
            Inputs in = inputs("{'attr': '" + attr + "', 'op': 'exists'}");
            assertThat(in.reusable()).as(attr).isTrue();
            assertThat(in.fixed()).as(attr).isEqualTo(Changes.SESSION);
            assertThat(in.names()).as(attr).isEmpty();
        }
    }

    @Test
    void pageViewsOfTheSessionReadViewsAndTheSession() {
        Inputs in = inputs("{'attr': 'session.pv', 'op': 'gte', 'value': 3}");
        assertThat(in.names()).containsExactly("view");
        assertThat(in.fixed()).isEqualTo(Changes.SESSION);
    }

    @Test
    void membershipAndTraitsReadTheIdentity() {
        assertThat(inputs("{'attr': 'visitor.is_member', 'op': 'eq', 'value': true}").fixed()).isEqualTo(Changes.IDENTITY);
        assertThat(inputs("{'attr': 'user.rank', 'op': 'eq', 'value': 'gold'}").fixed()).isEqualTo(Changes.IDENTITY);
    }

    @Test
    void eventsAndActionsReadTheirNamesAndSessionScopesTheSession() {
        Inputs all = inputs("{'event': 'cart', 'agg': 'count', 'op': 'gte', 'value': 1}");
        assertThat(all.names()).containsExactly("cart");
        assertThat(all.fixed()).isZero();
        Inputs session = inputs("{'event': 'cart', 'scope': 'previous_session', 'agg': 'count', 'op': 'gte', 'value': 1}");
        assertThat(session.fixed()).isEqualTo(Changes.SESSION);
        Inputs daily = inputs("{'event': 'buy', 'scope': '7d', 'property': 'price', 'agg': 'sum', 'op': 'gte', 'value': 1}");
        assertThat(daily.reusable()).as("day scopes: a memo holds for one day").isTrue();
        Inputs action = inputs("{'action': 'welcome', 'metric': 'shown', 'scope': 'session', 'agg': 'count', 'op': 'gte', 'value': 1}");
        assertThat(action.names()).containsExactly("welcome");
        assertThat(action.fixed()).isEqualTo(Changes.SESSION);
    }

    @Test
    void aWhereReadsTheDerivedEventItCounts() {
        Condition c = parse("{'event': 'view', 'agg': 'count', 'op': 'gte', 'value': 2, 'where': {'prop': 'path', 'op': 'eq', 'value': '/cart'}}");
        Condition.EventPredicate p = (Condition.EventPredicate) c;
        assertThat(compiler.inputs(c).names()).containsExactly(ConditionCompiler.derivedName("view", p.where()));
    }

    @Test
    void theClockAndThePageAreReadEveryTime() {
        assertThat(inputs("{'attr': 'session.duration', 'op': 'gte', 'value': 60}").reusable()).isFalse();
        assertThat(inputs("{'attr': 'page.path', 'op': 'eq', 'value': '/cart'}").reusable()).isFalse();
        assertThat(inputs("{'attr': 'visitor.first_seen', 'op': 'within_last', 'value': 'P1D'}").reusable()).isFalse();
        assertThat(inputs("{'event': 'cart', 'agg': 'latest_at', 'op': 'within_last', 'value': 'PT1H'}").reusable()).isFalse();
        assertThat(inputs("{'action': 'a', 'metric': 'delivered', 'scope': 'all', 'agg': 'latest_at', 'op': 'within_last', 'value': 'PT1H'}")
                .reusable()).isFalse();
    }

    @Test
    void combinatorsAndSegmentsUniteWhatTheyRead() {
        segments.put("heavy", parse("{'event': 'view', 'scope': '7d', 'agg': 'count', 'op': 'gte', 'value': 20}"));
        Inputs in = inputs("{'any': [{'not': {'segment': 'heavy'}}, {'attr': 'user.rank', 'op': 'eq', 'value': 'gold'},"
                + " {'event': 'buy', 'scope': 'session', 'agg': 'count', 'op': 'eq', 'value': 0}]}");
        assertThat(in.names()).containsExactlyInAnyOrder("view", "buy");
        assertThat(in.fixed()).isEqualTo(Changes.IDENTITY | Changes.SESSION);
        assertThat(in.reusable()).isTrue();
        assertThat(inputs("{'all': [{'segment': 'heavy'}, {'attr': 'page.path', 'op': 'eq', 'value': '/'}]}").reusable()).isFalse();
    }

    @Test
    void anAllSplitsIntoWhatIsKeptAndWhatIsEvaluatedEveryTime() {
        Split split = compiler.split(parse("{'all': [{'attr': 'session.device', 'op': 'eq', 'value': 'pc'},"
                + " {'attr': 'session.duration', 'op': 'gte', 'value': 60}]}"));
        assertThat(split.inputs().fixed()).isEqualTo(Changes.SESSION);
        FakeFacts pcLong = FakeFacts.at(0).attr("session.device", "pc").attr("session.duration", 90.0);
        FakeFacts pcShort = FakeFacts.at(0).attr("session.device", "pc").attr("session.duration", 10.0);
        FakeFacts phoneLong = FakeFacts.at(0).attr("session.device", "smartphone").attr("session.duration", 90.0);
        assertThat(split.kept().test(pcShort)).isTrue();
        assertThat(split.rest().test(pcShort)).isFalse();
        assertThat(split.kept().test(phoneLong)).isFalse();
        assertThat(split.kept().test(pcLong) && split.rest().test(pcLong)).isTrue();
    }

    @Test
    void whollyReusableAndNeverReusableConditionsDoNotSplit() {
        Split kept = compiler.split(parse("{'attr': 'visitor.visits', 'op': 'gte', 'value': 2}"));
        assertThat(kept.rest()).isSameAs(Predicate.TRUE);
        assertThat(kept.kept()).isNotSameAs(Predicate.TRUE);
        Split everyTime = compiler.split(parse("{'any': [{'attr': 'visitor.visits', 'op': 'gte', 'value': 2},"
                + " {'attr': 'session.duration', 'op': 'gte', 'value': 60}]}"));
        assertThat(everyTime.kept()).isSameAs(Predicate.TRUE);
        assertThat(everyTime.rest()).isNotSameAs(Predicate.TRUE);
    }
}
