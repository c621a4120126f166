package dev.omotenashi.engine.condition;

import dev.omotenashi.engine.condition.ConditionParser.Context;
import dev.omotenashi.engine.config.Codes;
import dev.omotenashi.engine.config.ConfigError;
import dev.omotenashi.engine.config.Errors;
import dev.omotenashi.engine.config.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Every kind of mistake in a condition is reported with the JSON path of the offending value. */
class ConditionValidationTest {

    /** Parses under {@code audience}, as a campaign would, and returns the problems found. */
    private static List<ConfigError> errors(String json, Context context) {
        Errors errors = new Errors();
        Condition c = ConditionParser.parse(Json.parse(json), "audience", context, errors);
        if (errors.isEmpty()) assertThat(c).isNotNull();
        else assertThat(c).isNull();
        return errors.list();
    }

    private static List<ConfigError> errors(String json) {
        return errors(json, Context.AUDIENCE);
    }

    private static void assertError(String json, String path, String code) {
        assertThat(errors(json)).extracting(ConfigError::path, ConfigError::code).contains(tuple(path, code));
    }

    @Test
    void aValidConditionHasNoErrors() {
        assertThat(errors("""
                {"all": [
                  {"attr": "visitor.is_member", "op": "eq", "value": false},
                  {"attr": "session.source", "op": "in", "value": ["ad", "email"]},
                  {"event": "cart", "scope": "previous_session", "agg": "count", "op": "gte", "value": 1},
                  {"event": "view", "where": {"prop": "path", "op": "starts_with", "value": "/sale"}, "op": "eq", "value": 0},
                  {"action": "signup-coupon", "metric": "shown", "scope": "session", "op": "gte", "value": 1},
                  {"not": {"segment": "vip"}}
                ]}""")).isEmpty();
    }

    @Test
    void anUnknownOperatorIsReportedAtItsPath() {
        List<ConfigError> errors = errors("""
                {"all": [{"attr": "session.pv", "op": "gte", "value": 1},
                         {"attr": "session.pv", "op": "gte", "value": 2},
                         {"attr": "session.pv", "op": "equals", "value": 3}]}""");
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("audience.all[2].op");
            assertThat(e.code()).isEqualTo(Codes.INVALID_VALUE);
            assertThat(e.message()).contains("equals").contains("eq, ne");
        });
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<ConfigError> errors = errors("""
                {"any": [
                  {"attr": "session.pvs", "op": "eq", "value": 1},
                  {"attr": "session.pv", "op": "eq", "value": "5"},
                  {"event": "cart", "agg": "sum", "op": "gt", "value": 1},
                  {"attr": "page.path", "op": "matches", "value": "(unclosed"},
                  {"segment": "no spaces allowed"}
                ]}""");
        assertThat(errors).extracting(ConfigError::path).containsExactlyInAnyOrder(
                "audience.any[0].attr", "audience.any[1].value", "audience.any[2].property",
                "audience.any[3].value", "audience.any[4].segment");
    }

    @Test
    void anUnknownFieldIsRejectedWithAHint() {
        List<ConfigError> errors = errors("{'attr': 'page.path', 'op': 'eq', 'value': '/', 'ignorecase': true}");
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("audience.ignorecase");
            assertThat(e.code()).isEqualTo(Codes.UNKNOWN_FIELD);
            assertThat(e.message()).contains("did you mean 'ignore_case'");
        });
    }

    @Test
    void aRequiredFieldThatIsMissingOrNullIsReported() {
        assertError("{'attr': 'session.pv', 'value': 1}", "audience.op", Codes.REQUIRED);
        assertError("{'attr': 'session.pv', 'op': 'eq'}", "audience.value", Codes.REQUIRED);
        assertError("{'attr': 'session.pv', 'op': 'eq', 'value': null}", "audience.value", Codes.REQUIRED);
        assertError("{'action': 'a', 'op': 'eq', 'value': 1}", "audience.metric", Codes.REQUIRED);
    }

    @Test
    void wrongJsonTypesAreReported() {
        assertError("{'all': {'attr': 'session.pv', 'op': 'eq', 'value': 1}}", "audience.all", Codes.INVALID_TYPE);
        assertError("{'attr': 5, 'op': 'eq', 'value': 1}", "audience.attr", Codes.INVALID_TYPE);
        assertError("{'attr': 'page.path', 'op': 'eq', 'value': '/', 'ignore_case': 'yes'}", "audience.ignore_case", Codes.INVALID_TYPE);
        assertError("{'all': [1]}", "audience.all[0]", Codes.INVALID_TYPE);
    }

    @Test
    void aNodeMustBeExactlyOneKindOfCondition() {
        assertError("{'op': 'eq', 'value': 1}", "audience", Codes.INVALID_VALUE);
        assertThat(errors("{'attr': 'session.pv', 'event': 'cart', 'op': 'eq', 'value': 1}"))
                .singleElement().satisfies(e -> assertThat(e.message()).contains("attr and event"));
    }

    @Test
    void unknownNamesAreReported() {
        assertError("{'attr': 'session.page_views', 'op': 'eq', 'value': 1}", "audience.attr", Codes.INVALID_VALUE);
        assertError("{'attr': 'user.', 'op': 'eq', 'value': 1}", "audience.attr", Codes.INVALID_VALUE);
        assertError("{'event': 'cart', 'scope': 'week', 'op': 'eq', 'value': 1}", "audience.scope", Codes.INVALID_VALUE);
        assertError("{'event': 'cart', 'agg': 'median', 'property': 'p', 'op': 'eq', 'value': 1}", "audience.agg", Codes.INVALID_VALUE);
        assertError("{'action': 'a', 'metric': 'seen', 'op': 'eq', 'value': 1}", "audience.metric", Codes.INVALID_VALUE);
        assertError("{'action': 'a', 'metric': 'shown', 'scope': 'previous_session', 'op': 'eq', 'value': 1}", "audience.scope", Codes.INVALID_VALUE);
        assertError("{'action': 'a', 'metric': 'shown', 'agg': 'sum', 'op': 'eq', 'value': 1}", "audience.agg", Codes.INVALID_VALUE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "{'attr': 'session.pv', 'op': 'between', 'value': [1]}                 | audience.value    | invalid_type",
            "{'attr': 'session.pv', 'op': 'between', 'value': 3}                   | audience.value    | invalid_type",
            "{'attr': 'session.pv', 'op': 'between', 'value': [5, 3]}              | audience.value    | invalid_value",
            "{'attr': 'session.pv', 'op': 'between', 'value': [1, 'x']}            | audience.value[1] | type_mismatch",
            "{'attr': 'user.t', 'op': 'between', 'value': [1, 'x']}                | audience.value    | type_mismatch",
            "{'attr': 'session.pv', 'op': 'in', 'value': []}                       | audience.value    | invalid_value",
            "{'attr': 'session.pv', 'op': 'not_in', 'value': 3}                    | audience.value    | invalid_type",
            "{'attr': 'session.pv', 'op': 'in', 'value': [1, [2]]}                 | audience.value[1] | invalid_type",
            "{'attr': 'session.pv', 'op': 'eq', 'value': [1, 2]}                   | audience.value    | invalid_type",
            "{'attr': 'session.pv', 'op': 'exists', 'value': 1}                    | audience.value    | invalid_value",
            "{'attr': 'visitor.first_seen', 'op': 'within_last', 'value': 'soon'}  | audience.value    | invalid_value",
            "{'attr': 'visitor.first_seen', 'op': 'within_last', 'value': true}    | audience.value    | invalid_type",
            "{'attr': 'visitor.first_seen', 'op': 'within_last', 'value': 'P1M'}   | audience.value    | invalid_value",
            "{'attr': 'visitor.first_seen', 'op': 'within_last', 'value': -5}      | audience.value    | invalid_value",
            "{'attr': 'visitor.first_seen', 'op': 'within_last', 'value': '-PT5M'} | audience.value    | invalid_value",
            "{'attr': 'visitor.first_seen', 'op': 'gt', 'value': '2026-12-01T00:00:00'} | audience.value | invalid_value",
            "{'attr': 'visitor.first_seen', 'op': 'gt', 'value': 1.5}              | audience.value    | invalid_value",
            "{'attr': 'page.path', 'op': 'matches', 'value': '(a'}                 | audience.value    | invalid_value",
            "{'attr': 'page.path', 'op': 'matches', 'value': '(?<=a)b'}            | audience.value    | invalid_value",
            "{'attr': 'session.pv', 'op': 'gt', 'value': 1e400}                    | audience.value    | invalid_value",
            "{'attr': 'user.t', 'op': 'in', 'value': [1, 1e400]}                   | audience.value[1] | invalid_value",
    })
    void valuesMustHaveTheShapeTheOperatorExpects(String json, String path, String code) {
        assertError(json, path, code);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "{'attr': 'session.pv', 'op': 'within_last', 'value': 'P1D'}                       | audience.op",
            "{'attr': 'user.signed_up_at', 'op': 'within_last', 'value': 'P1D'}                | audience.op",
            "{'event': 'buy', 'agg': 'latest', 'property': 'at', 'op': 'within_last', 'value': 'P1D'} | audience.op",
            "{'action': 'a', 'metric': 'shown', 'op': 'not_within_last', 'value': 'P1D'}       | audience.op",
            "{'attr': 'visitor.visits', 'op': 'contains', 'value': '1'}                        | audience.op",
            "{'attr': 'visitor.is_member', 'op': 'gt', 'value': true}                          | audience.op",
            "{'attr': 'visitor.first_seen', 'op': 'in', 'value': [1]}                          | audience.op",
            "{'attr': 'session.pv', 'op': 'eq', 'value': '5'}                                  | audience.value",
            "{'attr': 'session.device', 'op': 'eq', 'value': 1}                                | audience.value",
            "{'attr': 'visitor.is_member', 'op': 'eq', 'value': 'true'}                        | audience.value",
            "{'event': 'cart', 'agg': 'sum', 'property': 'price', 'op': 'gt', 'value': 'many'} | audience.value",
            "{'event': 'cart', 'op': 'gte', 'value': '1'}                                      | audience.value",
            "{'attr': 'user.rank', 'op': 'contains', 'value': 1}                               | audience.value",
            "{'attr': 'user.vip', 'op': 'gt', 'value': true}                                   | audience.value",
    })
    void operatorsAndValuesMustFitTheOperandsType(String json, String path) {
        assertError(json, path, Codes.TYPE_MISMATCH);
    }

    @Test
    void regularExpressionsAreBounded() {
        String longest = "a".repeat(ComparisonParser.MAX_PATTERN);
        assertThat(errors("{'attr': 'page.path', 'op': 'matches', 'value': '" + longest + "'}")).isEmpty();
        assertError("{'attr': 'page.path', 'op': 'matches', 'value': '" + longest + "a'}", "audience.value", Codes.INVALID_VALUE);
    }

    @Test
    void timeOperatorsAreAcceptedOnTimeOperands() {
        assertThat(errors("{'attr': 'visitor.first_seen', 'op': 'within_last', 'value': 'P7D'}")).isEmpty();
        assertThat(errors("{'attr': 'visitor.last_seen', 'op': 'not_within_last', 'value': 86400}")).isEmpty();
        assertThat(errors("{'event': 'buy', 'agg': 'first_at', 'op': 'within_last', 'value': 'P1W'}")).isEmpty();
        assertThat(errors("{'event': 'buy', 'agg': 'latest_at', 'property': 'coupon', 'op': 'within_last', 'value': 'P1DT12H'}")).isEmpty();
        assertThat(errors("{'action': 'a', 'metric': 'closed', 'agg': 'latest_at', 'op': 'within_last', 'value': 'PT30M'}")).isEmpty();
    }

    @Test
    void sourceAndDeviceOnlyTakeTheirKnownValues() {
        assertError("{'attr': 'session.source', 'op': 'eq', 'value': 'google'}", "audience.value", Codes.INVALID_VALUE);
        assertError("{'attr': 'session.device', 'op': 'in', 'value': ['pc', 'mobile']}", "audience.value[1]", Codes.INVALID_VALUE);
        assertThat(errors("{'attr': 'session.source', 'op': 'eq', 'value': 'AD', 'ignore_case': true}")).isEmpty();
        assertThat(errors("{'attr': 'session.device', 'op': 'not_in', 'value': ['pc', 'tablet']}")).isEmpty();
    }

    @Test
    void aggregatesThatFoldAPropertyRequireIt() {
        for (String agg : List.of("sum", "min", "max", "avg", "first", "latest", "values")) {
            assertError("{'event': 'cart', 'agg': '" + agg + "', 'op': 'exists'}", "audience.property", Codes.REQUIRED);
        }
        assertError("{'event': 'cart', 'agg': 'count', 'property': 'price', 'op': 'gt', 'value': 1}", "audience.property", Codes.INVALID_VALUE);
        assertThat(errors("{'event': 'cart', 'agg': 'latest_at', 'op': 'exists'}")).isEmpty();
    }

    @Test
    void eventNamesAreShortAndFreeOfTheDerivedSeparator() {
        assertError("{'event': '', 'op': 'exists'}", "audience.event", Codes.INVALID_VALUE);
        assertError("{'event': '" + "e".repeat(129) + "', 'op': 'exists'}", "audience.event", Codes.INVALID_VALUE);
        assertError("{'event': 'view~3fa2c1d9e0b4', 'op': 'exists'}", "audience.event", Codes.INVALID_VALUE);
        assertThat(errors("{'event': '" + "e".repeat(128) + "', 'op': 'exists'}")).isEmpty();
    }

    @Test
    void segmentAndCampaignIdsFollowTheIdRule() {
        assertError("{'segment': 'has space'}", "audience.segment", Codes.INVALID_VALUE);
        assertError("{'segment': '-leading-dash'}", "audience.segment", Codes.INVALID_VALUE);
        assertError("{'segment': '" + "s".repeat(65) + "'}", "audience.segment", Codes.INVALID_VALUE);
        assertError("{'action': 'a/b', 'metric': 'shown', 'op': 'exists'}", "audience.action", Codes.INVALID_VALUE);
        assertThat(errors("{'segment': 'Cart_near-free-shipping2'}")).isEmpty();
    }

    @Test
    void anEventsWhereMayOnlyHoldPropertyPredicates() {
        assertError("{'event': 'view', 'where': {'attr': 'page.path', 'op': 'eq', 'value': '/'}, 'op': 'exists'}",
                "audience.where.attr", Codes.INVALID_VALUE);
        assertError("{'event': 'view', 'where': {'all': [{'segment': 'vip'}]}, 'op': 'exists'}",
                "audience.where.all[0].segment", Codes.INVALID_VALUE);
        assertError("{'event': 'view', 'where': {'prop': 'path', 'op': 'within_last', 'value': 'P1D'}, 'op': 'exists'}",
                "audience.where.op", Codes.TYPE_MISMATCH);
    }

    @Test
    void propertyPredicatesOnlyAppearInsideWhere() {
        assertError("{'prop': 'path', 'op': 'eq', 'value': '/'}", "audience.prop", Codes.INVALID_VALUE);
    }

    @Test
    void pagesMayOnlyUsePageAttributes() {
        List<ConfigError> errors = errors("""
                {"any": [{"attr": "page.path", "op": "starts_with", "value": "/items/"},
                         {"attr": "session.pv", "op": "gte", "value": 2},
                         {"not": {"segment": "vip"}},
                         {"event": "cart", "op": "exists"}]}""", Context.PAGES);
        assertThat(errors).extracting(ConfigError::path)
                .containsExactly("audience.any[1].attr", "audience.any[2].not.segment", "audience.any[3].event");
        assertThat(errors("{'attr': 'page.query.utm_campaign', 'op': 'eq', 'value': 'x'}", Context.PAGES)).isEmpty();
    }

    @Test
    void anEventDefinitionsWhereMayUsePagesAndProperties() {
        assertThat(errors("{'all': [{'attr': 'page.path', 'op': 'starts_with', 'value': '/sale'}, "
                + "{'prop': 'title', 'op': 'contains', 'value': 'Sale'}]}", Context.DEFINITION_WHERE)).isEmpty();
        assertThat(errors("{'attr': 'visitor.visits', 'op': 'eq', 'value': 1}", Context.DEFINITION_WHERE))
                .extracting(ConfigError::path).containsExactly("audience.attr");
    }

    @Test
    void ignoreCaseOnlyAppliesToStringComparisons() {
        assertError("{'attr': 'page.path', 'op': 'gt', 'value': 'a', 'ignore_case': true}", "audience.ignore_case", Codes.INVALID_VALUE);
        assertError("{'attr': 'user.t', 'op': 'eq', 'value': 5, 'ignore_case': true}", "audience.ignore_case", Codes.INVALID_VALUE);
        assertThat(errors("{'attr': 'page.path', 'op': 'gt', 'value': 'a', 'ignore_case': false}")).isEmpty();
    }

    @Test
    void nestingIsLimited() {
        String deep = "{'not': ".repeat(ConditionParser.MAX_DEPTH) + "{'attr': 'session.pv', 'op': 'eq', 'value': 1}"
                + "}".repeat(ConditionParser.MAX_DEPTH);
        assertThat(errors(deep)).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("audience" + ".not".repeat(ConditionParser.MAX_DEPTH));
            assertThat(e.message()).contains("nested");
        });
        String fits = "{'not': ".repeat(ConditionParser.MAX_DEPTH - 1) + "{'attr': 'session.pv', 'op': 'eq', 'value': 1}"
                + "}".repeat(ConditionParser.MAX_DEPTH - 1);
        assertThat(errors(fits)).isEmpty();
    }

    @Test
    void theStandaloneEntryThrowsWithEveryError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ConditionParser.parse(
                        Json.parse("{'all': [{'attr': 'x', 'op': 'eq', 'value': 1}, {'segment': 1}]}"), Context.AUDIENCE))
                .isInstanceOf(dev.omotenashi.engine.config.ValidationException.class)
                .satisfies(e -> assertThat(((dev.omotenashi.engine.config.ValidationException) e).errors())
                        .extracting(ConfigError::path).containsExactly("all[0].attr", "all[1].segment"));
    }
}
