package dev.omotenashi.engine.condition;

import dev.omotenashi.engine.config.Json;
import dev.omotenashi.engine.profile.Agg;
import dev.omotenashi.engine.profile.Metric;
import dev.omotenashi.engine.profile.Scope;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The run-time meaning of every operator (config-language.md §2), evaluated over fake facts. */
class OperatorSemanticsTest {
    private static final long NOW = 1_764_000_000_000L;

    private static boolean holds(String condition, FakeFacts facts) {
        return ConditionCompiler.withoutSegments()
                .compile(ConditionParser.parse(Json.parse(condition), ConditionParser.Context.AUDIENCE))
                .test(facts);
    }

    private static boolean userTrait(String op, String value, Object trait) {
        String v = value == null ? "" : ", 'value': " + value;
        return holds("{'attr': 'user.t', 'op': '" + op + "'" + v + "}", FakeFacts.at(NOW).attr("user.t", trait));
    }

    @Nested
    class MissingOperand {
        @ParameterizedTest
        @ValueSource(strings = {
                "{'attr': 'user.t', 'op': 'eq', 'value': 1}",
                "{'attr': 'user.t', 'op': 'gt', 'value': 1}",
                "{'attr': 'user.t', 'op': 'between', 'value': [1, 2]}",
                "{'attr': 'user.t', 'op': 'in', 'value': ['a']}",
                "{'attr': 'user.t', 'op': 'contains', 'value': 'a'}",
                "{'attr': 'user.t', 'op': 'starts_with', 'value': 'a'}",
                "{'attr': 'user.t', 'op': 'ends_with', 'value': 'a'}",
                "{'attr': 'user.t', 'op': 'matches', 'value': '.*'}",
                "{'attr': 'user.t', 'op': 'exists'}",
                "{'attr': 'visitor.first_seen', 'op': 'within_last', 'value': 'P1D'}"
        })
        void positiveOperatorsAreFalse(String condition) {
            assertThat(holds(condition, FakeFacts.at(NOW))).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "{'attr': 'user.t', 'op': 'ne', 'value': 1}",
                "{'attr': 'user.t', 'op': 'not_in', 'value': ['a']}",
                "{'attr': 'user.t', 'op': 'not_contains', 'value': 'a'}",
                "{'attr': 'user.t', 'op': 'not_exists'}",
                "{'attr': 'visitor.first_seen', 'op': 'not_within_last', 'value': 'P1D'}"
        })
        void negativeOperatorsAndNotExistsAreTrue(String condition) {
            assertThat(holds(condition, FakeFacts.at(NOW))).isTrue();
        }

        @Test
        void countOfAnEventNeverSeenIsZeroNotMissing() {
            assertThat(holds("{'event': 'buy', 'agg': 'count', 'op': 'eq', 'value': 0}", FakeFacts.at(NOW))).isTrue();
            assertThat(holds("{'event': 'buy', 'op': 'exists'}", FakeFacts.at(NOW))).isTrue();
        }

        @Test
        void latestOfAnEventNeverSeenIsMissing() {
            String c = "{'event': 'cart', 'property': 'in_cart_price', 'agg': 'latest', 'op': 'ne', 'value': 4500}";
            assertThat(holds(c, FakeFacts.at(NOW))).isTrue();
        }
    }

    @Nested
    class TypeMismatch {
        @Test
        void isFalseForPositiveAndNegativeOperatorsAlike() {
            assertThat(userTrait("eq", "5", "5")).isFalse();
            assertThat(userTrait("ne", "5", "five")).isFalse();
            assertThat(userTrait("gt", "5", "9")).isFalse();
            assertThat(userTrait("in", "[1, 2]", "1")).isFalse();
            assertThat(userTrait("not_in", "[1, 2]", "1")).isFalse();
            assertThat(userTrait("contains", "'1'", 1.0)).isFalse();
            assertThat(userTrait("not_contains", "'1'", 1.0)).isFalse();
            assertThat(userTrait("eq", "true", "true")).isFalse();
            assertThat(userTrait("matches", "'.*'", 1.0)).isFalse();
        }

        @Test
        void aValueOfAnUnexpectedJavaTypeNeverThrows() {
            assertThat(userTrait("eq", "'a'", List.of(1, 2))).isFalse();
            assertThat(userTrait("gt", "1", new Object())).isFalse();
            assertThat(userTrait("ne", "'a'", new Object())).isFalse();
            assertThat(holds("{'attr': 'visitor.first_seen', 'op': 'within_last', 'value': 'P1D'}",
                    FakeFacts.at(NOW).attr("visitor.first_seen", "yesterday"))).isFalse();
        }
    }

    @Nested
    class NumbersAndTimes {
        @Test
        void numbersCompareAsDoubles() {
            assertThat(userTrait("eq", "3", 3.0)).isTrue();
            assertThat(userTrait("eq", "3.0", 3L)).isTrue();
            assertThat(userTrait("gt", "2.5", 3.0)).isTrue();
            assertThat(userTrait("gte", "3", 3.0)).isTrue();
            assertThat(userTrait("lt", "3", 3.0)).isFalse();
            assertThat(userTrait("lte", "3", 3.0)).isTrue();
            assertThat(userTrait("ne", "3", 4.0)).isTrue();
            assertThat(userTrait("in", "[1, 3]", 3.0)).isTrue();
            assertThat(userTrait("not_in", "[1, 3]", 2.0)).isTrue();
        }

        @Test
        void betweenIncludesBothBounds() {
            String c = "{'event': 'cart', 'property': 'in_cart_price', 'agg': 'latest', 'op': 'between', 'value': [4000, 5000]}";
            for (double price : new double[] {4000, 4500, 5000}) {
                assertThat(holds(c, FakeFacts.at(NOW).agg("cart", "in_cart_price", Scope.ALL, Agg.LATEST, price))).as("%s", price).isTrue();
            }
            for (double price : new double[] {3999.99, 5000.01, 3000, 5200}) {
                assertThat(holds(c, FakeFacts.at(NOW).agg("cart", "in_cart_price", Scope.ALL, Agg.LATEST, price))).as("%s", price).isFalse();
            }
        }

        @Test
        void timesCompareWithIsoOrEpochLiterals() {
            long t = 1_764_000_000_000L; // 2025-11-24T16:00:00Z
            FakeFacts f = FakeFacts.at(NOW).attr("visitor.first_seen", t);
            assertThat(holds("{'attr': 'visitor.first_seen', 'op': 'eq', 'value': '2025-11-25T01:00:00+09:00'}", f)).isTrue();
            assertThat(holds("{'attr': 'visitor.first_seen', 'op': 'lt', 'value': " + (t + 1) + "}", f)).isTrue();
            assertThat(holds("{'attr': 'visitor.first_seen', 'op': 'between', 'value': ['2025-11-24T00:00:00Z', '2025-11-25T00:00:00Z']}", f)).isTrue();
        }

        @Test
        void withinLastHoldsWhenNowMinusTheTimeIsAtMostTheDuration() {
            String within = "{'attr': 'visitor.last_seen', 'op': 'within_last', 'value': 'PT3M'}";
            String notWithin = "{'attr': 'visitor.last_seen', 'op': 'not_within_last', 'value': 180}";
            long threeMinutes = Duration.ofMinutes(3).toMillis();
            FakeFacts exactly = FakeFacts.at(NOW).attr("visitor.last_seen", NOW - threeMinutes);
            FakeFacts older = FakeFacts.at(NOW).attr("visitor.last_seen", NOW - threeMinutes - 1);
            FakeFacts future = FakeFacts.at(NOW).attr("visitor.last_seen", NOW + 1000);
            assertThat(holds(within, exactly)).isTrue();
            assertThat(holds(notWithin, exactly)).isFalse();
            assertThat(holds(within, older)).isFalse();
            assertThat(holds(notWithin, older)).isTrue();
            assertThat(holds(within, future)).isTrue();
        }

        @Test
        void withinLastWorksOnEventTimeAggregates() {
            String c = "{'event': 'buy', 'agg': 'latest_at', 'op': 'within_last', 'value': 'P7D'}";
            assertThat(holds(c, FakeFacts.at(NOW).agg("buy", null, Scope.ALL, Agg.LATEST_AT, NOW - Duration.ofDays(6).toMillis()))).isTrue();
            assertThat(holds(c, FakeFacts.at(NOW).agg("buy", null, Scope.ALL, Agg.LATEST_AT, NOW - Duration.ofDays(8).toMillis()))).isFalse();
        }
    }

    @Nested
    class Strings {
        @Test
        void compareByCodePointsNotUtf16Units() {
            // U+1F600 is above U+FFFD as a code point, but its UTF-16 form (a surrogate) sorts below it.
            assertThat("\uD83D\uDE00".compareTo("\uFFFD")).isNegative();
            assertThat(userTrait("gt", "'\uFFFD'", "\uD83D\uDE00")).isTrue();
            assertThat(userTrait("lt", "'\uFFFD'", "\uD83D\uDE00")).isFalse();
        }

        @Test
        void textOperatorsAreCaseSensitiveByDefault() {
            assertThat(userTrait("eq", "'Gold'", "gold")).isFalse();
            assertThat(userTrait("contains", "'OLD'", "gold")).isFalse();
            assertThat(userTrait("starts_with", "'go'", "gold")).isTrue();
            assertThat(userTrait("ends_with", "'ld'", "gold")).isTrue();
            assertThat(userTrait("ends_with", "'golden'", "gold")).isFalse();
            assertThat(userTrait("not_contains", "'x'", "gold")).isTrue();
            assertThat(userTrait("not_contains", "'ol'", "gold")).isFalse();
        }

        @Test
        void ignoreCaseAppliesToEveryTextOperator() {
            FakeFacts f = FakeFacts.at(NOW).attr("page.path", "/Sale/Winter");
            for (String c : List.of(
                    "{'attr': 'page.path', 'op': 'eq', 'value': '/sale/winter', 'ignore_case': true}",
                    "{'attr': 'page.path', 'op': 'in', 'value': ['/x', '/SALE/WINTER'], 'ignore_case': true}",
                    "{'attr': 'page.path', 'op': 'contains', 'value': 'sale', 'ignore_case': true}",
                    "{'attr': 'page.path', 'op': 'starts_with', 'value': '/sale', 'ignore_case': true}",
                    "{'attr': 'page.path', 'op': 'ends_with', 'value': 'WINTER', 'ignore_case': true}",
                    "{'attr': 'page.path', 'op': 'matches', 'value': '^/sale/', 'ignore_case': true}")) {
                assertThat(holds(c, f)).as(c).isTrue();
                assertThat(holds(c.replace(", 'ignore_case': true", ""), f)).as(c).isFalse();
            }
            assertThat(holds("{'attr': 'page.path', 'op': 'ne', 'value': '/sale/winter', 'ignore_case': true}", f)).isFalse();
            assertThat(holds("{'attr': 'page.path', 'op': 'not_in', 'value': ['/SALE/winter'], 'ignore_case': true}", f)).isFalse();
            assertThat(holds("{'attr': 'page.path', 'op': 'not_contains', 'value': 'SALE', 'ignore_case': true}", f)).isFalse();
        }

        @Test
        void matchesFindsThePatternAnywhereUnlessAnchored() {
            assertThat(userTrait("matches", "'item'", "/items/7")).isTrue();
            assertThat(userTrait("matches", "'^/items/[0-9]+$'", "/items/7")).isTrue();
            assertThat(userTrait("matches", "'^/items/[0-9]+$'", "/items/7/reviews")).isFalse();
        }

        @Test
        void aPathologicalPatternFinishesInLinearTime() {
            // (a+)+$ backtracks exponentially in java.util.regex on "aaa…a!"; RE2/J matches in linear time.
            // The timeout only guards against a hang (a backtracking engine would take longer than the age of
            // the universe on this input); it is not a performance assertion.
            String input = "a".repeat(50_000) + "!";
            assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> assertThat(userTrait("matches", "'(a+)+$'", input)).isFalse());
        }
    }

    @Nested
    class ValuesAggregate {
        private FakeFacts facts(List<?> values) {
            return FakeFacts.at(NOW).agg("view", "category", Scope.ALL, Agg.VALUES, values);
        }

        private boolean values(String op, String value, List<?> values) {
            return holds("{'event': 'view', 'property': 'category', 'agg': 'values', 'op': '" + op + "', 'value': " + value + "}", facts(values));
        }

        @Test
        void positiveOperatorsHoldWhenAnyValueMatches() {
            List<String> seen = List.of("shoes", "bags");
            assertThat(values("eq", "'bags'", seen)).isTrue();
            assertThat(values("eq", "'hats'", seen)).isFalse();
            assertThat(values("in", "['hats', 'shoes']", seen)).isTrue();
            assertThat(values("contains", "'ag'", seen)).isTrue();
            assertThat(values("starts_with", "'sh'", seen)).isTrue();
        }

        @Test
        void negativeOperatorsHoldWhenNoValueMatches() {
            List<String> seen = List.of("shoes", "bags");
            assertThat(values("ne", "'bags'", seen)).isFalse();
            assertThat(values("ne", "'hats'", seen)).isTrue();
            assertThat(values("not_in", "['hats', 'caps']", seen)).isTrue();
            assertThat(values("not_in", "['hats', 'shoes']", seen)).isFalse();
            assertThat(values("not_contains", "'ag'", seen)).isFalse();
        }

        @Test
        void anEmptyListCountsAsMissing() {
            assertThat(values("eq", "'bags'", List.of())).isFalse();
            assertThat(values("ne", "'bags'", List.of())).isTrue();
            assertThat(holds("{'event': 'view', 'property': 'category', 'agg': 'values', 'op': 'exists'}", facts(List.of()))).isFalse();
            assertThat(holds("{'event': 'view', 'property': 'category', 'agg': 'values', 'op': 'not_exists'}", facts(List.of()))).isTrue();
        }

        @Test
        void numericValuesMatchNumbers() {
            assertThat(values("gt", "100", List.of(50.0, 150.0))).isTrue();
            assertThat(values("eq", "50", List.of(50.0, 150.0))).isTrue();
        }
    }

    @Nested
    class Booleans {
        @Test
        void eqAndNeCompareBooleans() {
            FakeFacts member = FakeFacts.at(NOW).attr("visitor.is_member", true);
            FakeFacts visitor = FakeFacts.at(NOW).attr("visitor.is_member", false);
            assertThat(holds("{'attr': 'visitor.is_member', 'op': 'eq', 'value': true}", member)).isTrue();
            assertThat(holds("{'attr': 'visitor.is_member', 'op': 'eq', 'value': true}", visitor)).isFalse();
            assertThat(holds("{'attr': 'visitor.is_member', 'op': 'ne', 'value': true}", visitor)).isTrue();
        }
    }

    @Nested
    class Combinators {
        @Test
        void emptyAllHoldsAndEmptyAnyDoesNot() {
            assertThat(holds("{'all': []}", FakeFacts.at(NOW))).isTrue();
            assertThat(holds("{'any': []}", FakeFacts.at(NOW))).isFalse();
            assertThat(holds("{'not': {'any': []}}", FakeFacts.at(NOW))).isTrue();
        }

        @Test
        void allAnyAndNotCombine() {
            FakeFacts f = FakeFacts.at(NOW).attr("session.pv", 5.0).attr("visitor.is_member", false);
            assertThat(holds("{'all': [{'attr': 'session.pv', 'op': 'gte', 'value': 5}, "
                    + "{'not': {'attr': 'visitor.is_member', 'op': 'eq', 'value': true}}]}", f)).isTrue();
            assertThat(holds("{'all': [{'attr': 'session.pv', 'op': 'gte', 'value': 6}, "
                    + "{'attr': 'visitor.is_member', 'op': 'eq', 'value': false}]}", f)).isFalse();
            assertThat(holds("{'any': [{'attr': 'session.pv', 'op': 'gte', 'value': 6}, "
                    + "{'attr': 'visitor.is_member', 'op': 'eq', 'value': false}]}", f)).isTrue();
        }
    }

    @Nested
    class Actions {
        @Test
        void countsAreNeverMissing() {
            String shown = "{'action': 'signup-coupon', 'metric': 'shown', 'scope': 'session', 'op': 'gte', 'value': 1}";
            assertThat(holds(shown, FakeFacts.at(NOW))).isFalse();
            assertThat(holds(shown, FakeFacts.at(NOW).action("signup-coupon", Metric.SHOWN, Scope.SESSION, 1, NOW))).isTrue();
            assertThat(holds("{'action': 'a', 'metric': 'closed', 'op': 'ne', 'value': 3}", FakeFacts.at(NOW))).isTrue();
            assertThat(holds("{'action': 'a', 'metric': 'closed', 'op': 'not_in', 'value': [0]}", FakeFacts.at(NOW))).isFalse();
            assertThat(holds("{'action': 'a', 'metric': 'closed', 'op': 'not_exists'}", FakeFacts.at(NOW))).isFalse();
        }

        @Test
        void latestAtIsMissingUntilTheFirstAction() {
            String recently = "{'action': 'a', 'metric': 'clicked', 'agg': 'latest_at', 'op': 'within_last', 'value': 'P1D'}";
            assertThat(holds(recently, FakeFacts.at(NOW))).isFalse();
            assertThat(holds(recently, FakeFacts.at(NOW).action("a", Metric.CLICKED, Scope.ALL, 1, NOW - 1000))).isTrue();
        }
    }
}
