package dev.omotenashi.engine.eventdef;

import dev.omotenashi.engine.config.Codes;
import dev.omotenashi.engine.config.ConfigError;
import dev.omotenashi.engine.config.Json;
import dev.omotenashi.engine.config.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** An event definition document is parsed; reserved names, self-derivation and bad where clauses are rejected. */
class EventDefinitionParserTest {

    private static List<ConfigError> errors(String json) {
        return Problems.of(() -> EventDefinitionParser.parse(Json.parse(json)));
    }

    @Test
    void theSaleViewDefinitionParses() {
        EventDefinition d = EventDefinitionParser.parse(Json.parse(
                "{'name': 'sale_view', 'from': 'view', 'where': {'attr': 'page.path', 'op': 'starts_with', 'value': '/sale'}}"));
        assertThat(d.name()).isEqualTo("sale_view");
        assertThat(d.from()).isEqualTo("view");
    }

    @ParameterizedTest
    @ValueSource(strings = {"view", "identify", "_action_shown", "_form_submitted", "_mine"})
    void reservedNamesAreRejected(String name) {
        assertThat(errors("{'name': '" + name + "', 'from': 'cart', 'where': {'prop': 'x', 'op': 'exists'}}"))
                .extracting(ConfigError::path, ConfigError::code).containsExactly(tuple("name", Codes.INVALID_VALUE));
    }

    @Test
    void anEventCannotBeDerivedFromItself() {
        assertThat(errors("{'name': 'cart_big', 'from': 'cart_big', 'where': {'prop': 'total', 'op': 'gt', 'value': 1}}"))
                .extracting(ConfigError::path).containsExactly("from");
    }

    @Test
    void whereMayTestPropertiesAndPageAttributesOnly() {
        assertThat(errors("{'name': 'big_cart', 'from': 'cart', 'where': {'all': [{'prop': 'total', 'op': 'gte', 'value': 10000}, "
                + "{'attr': 'page.path', 'op': 'eq', 'value': '/cart'}]}}")).isEmpty();
        assertThat(errors("{'name': 'x', 'from': 'view', 'where': {'any': [{'attr': 'session.pv', 'op': 'eq', 'value': 1}, "
                + "{'event': 'buy', 'op': 'exists'}, {'segment': 's'}]}}"))
                .extracting(ConfigError::path).containsExactly("where.any[0].attr", "where.any[1].event", "where.any[2].segment");
    }

    @Test
    void everyProblemIsReportedWithItsPath() {
        assertThat(errors("{'name': '', 'from': 5, 'filter': {}}")).extracting(ConfigError::path, ConfigError::code)
                .containsExactlyInAnyOrder(tuple("filter", Codes.UNKNOWN_FIELD), tuple("name", Codes.INVALID_VALUE),
                        tuple("from", Codes.INVALID_TYPE), tuple("where", Codes.REQUIRED));
    }
}
