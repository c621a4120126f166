package dev.omotenashi.engine.segment;

import dev.omotenashi.engine.condition.Condition;
import dev.omotenashi.engine.config.Codes;
import dev.omotenashi.engine.config.ConfigError;
import dev.omotenashi.engine.config.Json;
import dev.omotenashi.engine.config.Problems;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** A segment document is parsed, and its mistakes are reported at their paths. */
class SegmentParserTest {

    private static List<ConfigError> errors(String json) {
        return Problems.of(() -> SegmentParser.parse(Json.parse(json)));
    }

    @Test
    void theSpecsExampleParses() {
        Segment s = SegmentParser.parse(Json.parse("""
                {"id": "cart-near-free-shipping", "name": "Cart total 4,000–5,000 yen",
                 "condition": {"event": "cart", "property": "in_cart_price", "agg": "latest", "op": "between", "value": [4000, 5000]}}"""));
        assertThat(s.id()).isEqualTo("cart-near-free-shipping");
        assertThat(s.condition()).isInstanceOf(Condition.EventPredicate.class);
    }

    @Test
    void aSegmentMayReferenceSegmentsAndCampaigns() {
        assertThat(errors("{'id': 'vip-no-coupon', 'name': 'VIP', 'condition': {'all': [{'segment': 'vip'}, "
                + "{'action': 'coupon', 'metric': 'shown', 'op': 'eq', 'value': 0}]}}")).isEmpty();
    }

    @Test
    void requiredFieldsAreReported() {
        assertThat(errors("{}")).extracting(ConfigError::path, ConfigError::code).containsExactlyInAnyOrder(
                tuple("id", Codes.REQUIRED), tuple("name", Codes.REQUIRED), tuple("condition", Codes.REQUIRED));
        assertThat(errors("5")).extracting(ConfigError::path).containsExactly("");
    }

    @Test
    void everyProblemIsReportedWithItsPath() {
        assertThat(errors("{'id': 'a b', 'name': '', 'condition': {'any': [{'attr': 'visitor.visits', 'op': 'eq', 'value': 'one'}]}, 'desc': 'x'}"))
                .extracting(ConfigError::path).containsExactlyInAnyOrder("desc", "id", "name", "condition.any[0].value");
    }

    @Test
    void propertyPredicatesAreOnlyForWhereClauses() {
        assertThat(errors("{'id': 'a', 'name': 'A', 'condition': {'prop': 'x', 'op': 'exists'}}"))
                .extracting(ConfigError::path).containsExactly("condition.prop");
    }
}
