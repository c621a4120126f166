package dev.omotenashi.engine.render;

import dev.omotenashi.engine.profile.Agg;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A placeholder that is one bare variable is read without JEXL; it must render exactly what JEXL renders,
 * for every kind of value (and for no value).
 */
class DirectPlaceholderTest {
    private static final List<Object> VALUES = Arrays.asList(null, "<b>金</b> & \"gold\"", "", 3.0, 2.675, -0.0,
            1e21, Double.NaN, true, List.of("a", "<b>"), List.of(), 12L);

    @Test
    void bareVariablesAreReadDirectlyAndRenderAsJexlDoes() {
        for (String source : List.of("user.member_rank", "visitor.visits", "page.path", "event.cart.in_cart_price.latest")) {
            Expressions.Placeholder direct = Expressions.compile(source);
            assertThat(direct.direct()).as(source).isNotNull();
            Expressions.Placeholder viaJexl = new Expressions.Placeholder(direct.source(), direct.expression(), direct.refs(), null);
            for (Object value : VALUES) {
                FakeFacts facts = source.startsWith("event.")
                        ? new FakeFacts().with("cart", "in_cart_price", Agg.LATEST, value)
                        : new FakeFacts().with(source, value);
                assertThat(Template.evaluate(direct, facts)).as("%s = %s", source, value)
                        .isEqualTo(Template.evaluate(viaJexl, facts));
            }
        }
    }

    @Test
    void anythingMoreThanOneVariableGoesThroughJexl() {
        List<String> sources = new ArrayList<>(List.of("visitor.visits + 1", "user.rank ?? 'guest'", "page.query.'utm-source'",
                "(visitor.visits)", "visitor.is_member ? 'a' : 'b'", "'text'", "1000"));
        for (String source : sources) {
            assertThat(Expressions.compile(source).direct()).as(source).isNull();
        }
    }
}
