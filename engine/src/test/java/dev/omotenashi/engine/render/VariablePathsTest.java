package dev.omotenashi.engine.render;

import dev.omotenashi.engine.profile.Agg;
import dev.omotenashi.engine.profile.AggregateKey;
import dev.omotenashi.engine.profile.Scope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The variable paths of config-language.md §2 and §5, what they read, and what profiles must maintain for them. */
class VariablePathsTest {

    private static AggregateKey onlyAggregateOf(String expression) {
        return Template.compile("{{ " + expression + " }}").requiredAggregates().iterator().next();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "event.cart.in_cart_price.latest           | cart     | in_cart_price | all              | latest",
            "event.cart.count                          | cart     | -             | all              | count",
            "event.cart.latest_at                      | cart     | -             | all              | latest_at",
            "event.cart.item_id.values                 | cart     | item_id       | all              | values",
            "event.cart.session.count                  | cart     | -             | session          | count",
            "event.cart.previous_session.in_cart_price.sum | cart | in_cart_price | previous_session | sum",
            "event.cart.today.count                    | cart     | -             | today            | count",
            "event.cart.'7d'.count                     | cart     | -             | 7d               | count",
            "event.buy.'28d'.amount.avg                | buy      | amount        | 28d              | avg",
            "event.cart.all.session.latest             | cart     | session       | all              | latest",
            "event.view.page.path.values               | view     | page.path     | all              | values",
            "event.'add-to-cart'.count                 | add-to-cart | -          | all              | count",
            "event.cart.size.latest                    | cart     | size          | all              | latest",
    })
    void anEventPathNamesOneAggregate(String expression, String event, String property, String scope, String agg) {
        assertThat(onlyAggregateOf(expression))
                .isEqualTo(new AggregateKey(event, property, Scope.fromJson(scope), Agg.fromJson(agg)));
    }

    @Test
    void aScopeSegmentReadsThatScope() {
        FakeFacts facts = new FakeFacts()
                .with("cart", null, Scope.SESSION, Agg.COUNT, 2.0)
                .with("cart", null, Scope.DAYS_7, Agg.COUNT, 5.0)
                .with("cart", null, Scope.ALL, Agg.COUNT, 9.0)
                .with("cart", "in_cart_price", Scope.PREVIOUS_SESSION, Agg.MAX, 3200.0);

        assertThat(Template.compile("{{ event.cart.session.count }}/{{ event.cart.'7d'.count }}/{{ event.cart.count }}"
                + " {{ event.cart.previous_session.in_cart_price.max }}").render(facts))
                .contains("2/5/9 3200");
    }

    @Test
    void requiredAggregatesCoverEveryPlaceholderAndEveryDefault() {
        Template t = Template.compile("{{ event.cart.in_cart_price.latest ?? event.cart.in_cart_price.max }}"
                + " {{ event.cart.session.count }} {{ user.rank }} {{ page.query.q ?? '' }}");

        assertThat(t.requiredAggregates()).containsExactlyInAnyOrder(
                new AggregateKey("cart", "in_cart_price", Scope.ALL, Agg.LATEST),
                new AggregateKey("cart", "in_cart_price", Scope.ALL, Agg.MAX),
                new AggregateKey("cart", null, Scope.SESSION, Agg.COUNT));
    }

    @Test
    void attributesAndTraitsNeedNoAggregates() {
        assertThat(Template.compile("{{ visitor.visits }} {{ session.pv }} {{ page.title }} {{ user.rank }}")
                .requiredAggregates()).isEmpty();
    }

    @Test
    void keyedAttributesTakeTheRestOfThePath() {
        FakeFacts facts = new FakeFacts()
                .with("page.query.q", "boots")
                .with("user.address.city", "Kyoto")
                .with("user.if", "kw");

        assertThat(Template.compile("{{ page.query.q }} {{ user.address.city }} {{ user.if }}").render(facts))
                .contains("boots Kyoto kw");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "foo                         | unknown variable 'foo'",
            "session.utm_terms           | unknown attribute 'session.utm_terms'",
            "visitor.visits.x            | unknown attribute 'visitor.visits.x'",
            "page.query                  | needs a parameter name",
            "user                        | needs a trait name",
            "event.cart                  | is incomplete",
            "event.cart.in_cart_price    | must end with an aggregate",
            "event.cart.sum              | needs a property",
            "event.cart.session          | must end with an aggregate",
            "event.cart.7d.count         | must be quoted",
            "user.a ?? user.a.b          | cannot be used in the same placeholder",
    })
    void anUnknownPathIsRejectedNamingThePlaceholder(String expression, String reason) {
        assertThatThrownBy(() -> Template.compile("x {{ " + expression + " }} y"))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("{{ " + expression + " }}: ")
                .hasMessageContaining(reason)
                .extracting(e -> ((TemplateException) e).placeholder()).isEqualTo(expression);
    }
}
