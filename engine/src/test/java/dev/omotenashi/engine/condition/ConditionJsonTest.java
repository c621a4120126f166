package dev.omotenashi.engine.condition;

import dev.omotenashi.engine.condition.ConditionParser.Context;
import dev.omotenashi.engine.config.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Conditions written back to JSON: canonical, and parsing the output gives the same tree. */
class ConditionJsonTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "{'all': [{'attr': 'visitor.is_member', 'op': 'eq', 'value': false}, {'not': {'segment': 'vip'}}]}",
            "{'any': [{'attr': 'page.query.utm_source', 'op': 'in', 'value': ['a', 'B'], 'ignore_case': true}]}",
            "{'event': 'cart', 'property': 'in_cart_price', 'agg': 'latest', 'op': 'between', 'value': [4000, 5000.5]}",
            "{'event': 'view', 'scope': '7d', 'where': {'prop': 'path', 'op': 'matches', 'value': '^/c'}, 'op': 'gte', 'value': 3}",
            "{'action': 'a', 'metric': 'goal', 'scope': 'today', 'agg': 'latest_at', 'op': 'not_within_last', 'value': 'PT90M'}",
            "{'attr': 'visitor.first_seen', 'op': 'lt', 'value': '2026-12-01T00:00:00+09:00'}",
            "{'attr': 'user.rank', 'op': 'not_exists'}",
    })
    void parsingTheOutputGivesAnEqualCondition(String json) {
        Condition c = ConditionParser.parse(Json.parse(json), Context.AUDIENCE);
        assertThat(ConditionParser.parse(ConditionJson.toJson(c), Context.AUDIENCE)).isEqualTo(c);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "{'event': 'cart', 'op': 'gte', 'value': 1.0}  | {\"event\":\"cart\",\"scope\":\"all\",\"agg\":\"count\",\"op\":\"gte\",\"value\":1}",
            "{'attr': 'visitor.first_seen', 'op': 'gt', 'value': '2026-12-01T00:00:00+09:00'} | {\"attr\":\"visitor.first_seen\",\"op\":\"gt\",\"value\":\"2026-11-30T15:00:00Z\"}",
            "{'attr': 'visitor.last_seen', 'op': 'within_last', 'value': 'P1W'} | {\"attr\":\"visitor.last_seen\",\"op\":\"within_last\",\"value\":\"PT168H\"}",
            "{'attr': 'user.score', 'op': 'eq', 'value': 0.25, 'ignore_case': false} | {\"attr\":\"user.score\",\"op\":\"eq\",\"value\":0.25}",
    })
    void theOutputIsCanonical(String json, String canonical) {
        assertThat(ConditionJson.toJson(ConditionParser.parse(Json.parse(json), Context.AUDIENCE))).hasToString(canonical);
    }
}
