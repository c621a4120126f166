package dev.omotenashi.engine.segment;

import dev.omotenashi.engine.SiteEngine;
import dev.omotenashi.engine.condition.Condition;
import dev.omotenashi.engine.condition.ConditionParser;
import dev.omotenashi.engine.config.ConfigError;
import dev.omotenashi.engine.config.Errors;
import dev.omotenashi.engine.config.Problems;
import dev.omotenashi.engine.testing.Shop;
import org.junit.jupiter.api.Test;

import static dev.omotenashi.engine.testing.ShopVisitor.props;
import static org.assertj.core.api.Assertions.assertThat;

/** An audience that is not saved is counted as a saved segment is, and checked as one is when saved. */
class AudienceCountTest {

    private static Condition condition(String json) {
        Errors errors = new Errors();
        Condition c = ConditionParser.parse(Shop.parse(json), "condition", ConditionParser.Context.AUDIENCE, errors);
        errors.throwIfAny();
        return c;
    }

    private static Shop shopWithThreeVisitors() {
        Shop shop = Shop.open().segment("""
                {"id": "carted", "name": "Carted", "condition": {"event": "cart", "agg": "count", "op": "gte", "value": 1}}""");
        shop.pcVisitor().view("/items/1");
        shop.pcVisitor().track("cart", props("in_cart_price", 4500));
        shop.smartphoneVisitor().track("cart", props("in_cart_price", 900));
        return shop;
    }

    @Test
    void countsLikeTheSavedSegmentWithTheSameCondition() {
        SiteEngine engine = shopWithThreeVisitors().engine();
        SiteEngine.AudienceCount c = engine.countAudience(condition("{'event': 'cart', 'agg': 'count', 'op': 'gte', 'value': 1}".replace('\'', '"')));
        assertThat(c.count()).isEqualTo(engine.countSegment("carted")).isEqualTo(2);
        assertThat(c.profiles()).isEqualTo(3);
        assertThat(c.notKept()).isEmpty();
        assertThat(engine.countAudience(condition("{\"segment\": \"carted\"}")).count()).isEqualTo(2);
        assertThat(engine.countAudience(condition("{\"not\": {\"segment\": \"carted\"}}")).count()).isEqualTo(1);
        assertThat(engine.countAudience(condition("{\"attr\": \"session.device\", \"op\": \"eq\", \"value\": \"smartphone\"}")).count()).isEqualTo(1);
    }

    @Test
    void namesWhatProfilesDoNotKeepYet() {
        SiteEngine engine = shopWithThreeVisitors().engine();
        SiteEngine.AudienceCount c = engine.countAudience(condition("""
                {"all": [{"event": "cart", "property": "in_cart_price", "agg": "latest", "op": "gte", "value": 1000},
                         {"event": "view", "where": {"prop": "path", "op": "eq", "value": "/sale"}, "agg": "count", "op": "gte", "value": 1}]}"""));
        assertThat(c.count()).isZero(); // nothing kept the cart prices: a floor, and said so
        assertThat(c.notKept()).containsExactly("view[where]", "cart.in_cart_price");
    }

    @Test
    void unknownReferencesAreReportedAtTheirPathAndNothingChanges() {
        SiteEngine engine = shopWithThreeVisitors().engine();
        var before = engine.configuration().current();
        var errors = Problems.of(() -> engine.countAudience(condition("""
                {"any": [{"segment": "carted"}, {"segment": "nope"}, {"action": "ghost", "metric": "shown", "op": "gte", "value": 1}]}""")));
        assertThat(errors).extracting(ConfigError::path).containsExactlyInAnyOrder("condition.any[1].segment", "condition.any[2].action");
        assertThat(engine.configuration().current()).isSameAs(before);
    }
}
