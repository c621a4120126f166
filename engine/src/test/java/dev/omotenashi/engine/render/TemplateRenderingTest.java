package dev.omotenashi.engine.render;

import dev.omotenashi.engine.profile.Agg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateRenderingTest {

    private static Optional<String> render(String text, FakeFacts facts) {
        return Template.compile(text).render(facts);
    }

    private static FakeFacts cartAt(double price) {
        return new FakeFacts().with("cart", "in_cart_price", Agg.LATEST, price);
    }

    @Test
    void s10TellsHowMuchIsMissingForFreeShipping() {
        Template t = Template.compile("Only {{ 5000 - event.cart.in_cart_price.latest }} yen more for free shipping!");

        assertThat(t.render(cartAt(4500.0))).contains("Only 500 yen more for free shipping!");
        assertThat(t.render(cartAt(4000.0))).contains("Only 1000 yen more for free shipping!");
    }

    @Test
    void s02RendersTheAdKeyword() {
        FakeFacts fromAd = new FakeFacts().with("session.utm_term", "dress");

        assertThat(render("Picked for you: {{ session.utm_term ?? \"\" }}", fromAd)).contains("Picked for you: dress");
    }

    @Test
    void s02RendersTheEmptyDefaultWithoutAKeyword() {
        assertThat(render("Picked for you: {{ session.utm_term ?? \"\" }}", new FakeFacts())).contains("Picked for you: ");
    }

    @Test
    void aMissingValueWithoutDefaultSuppressesTheString() {
        assertThat(render("Hello {{ user.first_name }}!", new FakeFacts())).isEmpty();
    }

    @Test
    void aMissingValueWithDefaultRendersTheDefault() {
        assertThat(render("Hello {{ user.first_name ?? \"friend\" }}!", new FakeFacts())).contains("Hello friend!");
        assertThat(render("{{ user.points ?? 0 }} points", new FakeFacts())).contains("0 points");
    }

    @Test
    void arithmeticOnAMissingValueSuppressesRatherThanCountingItAsZero() {
        assertThat(render("Only {{ 5000 - event.cart.in_cart_price.latest }} yen more", new FakeFacts())).isEmpty();
    }

    @Test
    void arithmeticOnAMissingValueFallsBackToTheDefault() {
        assertThat(render("{{ (5000 - event.cart.in_cart_price.latest) ?? 5000 }}", new FakeFacts())).contains("5000");
    }

    @Test
    void theFirstDefaultThatHasAValueWins() {
        FakeFacts facts = new FakeFacts().with("user.nickname", "Ken");

        assertThat(render("{{ user.first_name ?? user.nickname ?? \"friend\" }}", facts)).contains("Ken");
    }

    @Test
    void aDefaultIsReadOnlyWhenNeeded() {
        FakeFacts facts = new FakeFacts().with("user.first_name", "Aiko");

        assertThat(render("{{ user.first_name ?? user.nickname }}", facts)).contains("Aiko");
        assertThat(facts.reads).containsExactly("user.first_name");
    }

    @Test
    void valuesFromTraitsAreHtmlEscaped() {
        FakeFacts facts = new FakeFacts().with("user.name", "<script>alert('x') & \"y\"</script>");

        assertThat(render("Hi {{ user.name }}", facts))
                .contains("Hi &lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
    }

    @Test
    void literalTextIsEscapedLikeValues() {
        FakeFacts facts = new FakeFacts().with("user.name", "<b>");

        assertThat(render("<b>Hi</b> {{ user.name }} & more", facts)).contains("&lt;b&gt;Hi&lt;/b&gt; &lt;b&gt; &amp; more");
    }

    @Test
    void rawLiteralTextIsKeptAsWrittenForTheHtmlTemplate() {
        FakeFacts facts = new FakeFacts().with("user.name", "<b>");

        assertThat(Template.compileRaw("<b>Hi</b> {{ user.name }} & more").render(facts))
                .contains("<b>Hi</b> &lt;b&gt; & more");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "5000 - 4500.0       | 500",
            "5000 - 4500         | 500",
            "7 / 2               | 3.5",
            "1 / 3               | 0.33",
            "2 / 3               | 0.67",
            "0.1 + 0.2           | 0.3",
            "2 * 2.5             | 5",
            "10 % 3              | 1",
            "-(3 - 5)            | 2",
            "2.675 * 1           | 2.68",
            "1e20                | 100000000000000000000",
            "0 - 0.001           | 0",
    })
    void integersAndDoublesMixAndPrintPlainly(String expression, String expected) {
        assertThat(render("{{ " + expression + " }}", new FakeFacts())).contains(expected);
    }

    @Test
    void aggregatesComputeWithIntegerLiterals() {
        assertThat(render("{{ event.cart.in_cart_price.latest * 2 + 1 }}", cartAt(4500.5))).contains("9002");
    }

    @Test
    void divisionByZeroSuppressesUnlessDefaulted() {
        assertThat(render("{{ 1 / 0 }}", new FakeFacts())).isEmpty();
        assertThat(render("{{ (1 / 0) ?? \"-\" }}", new FakeFacts())).contains("-");
    }

    @Test
    void arithmeticOnAStringIsMissing() {
        FakeFacts facts = new FakeFacts().with("page.query.n", "abc");

        assertThat(render("{{ page.query.n * 2 }}", facts)).isEmpty();
        assertThat(render("{{ (page.query.n * 2) ?? 0 }}", facts)).contains("0");
    }

    @Test
    void aNonFiniteValueFromFactsSuppresses() {
        assertThat(render("{{ event.cart.in_cart_price.latest }}", cartAt(Double.NaN))).isEmpty();
    }

    @Test
    void joiningTextFormatsNumbersAsTheyRender() {
        assertThat(render("{{ \"Only \" + (5000 - event.cart.in_cart_price.latest) + \" yen\" }}", cartAt(4500.0)))
                .contains("Only 500 yen");
        assertThat(render("{{ \"Hi \" + user.name }}", new FakeFacts())).isEmpty();
    }

    @Test
    void booleansTimesAndListsHaveText() {
        FakeFacts facts = new FakeFacts()
                .with("visitor.is_member", true)
                .with("visitor.first_seen", 1_700_000_000_000L)
                .with("view", "category", Agg.VALUES, List.of("shoes", "bags"));

        assertThat(render("{{ visitor.is_member }} {{ visitor.first_seen }} {{ event.view.category.values }}", facts))
                .contains("true 1700000000000 shoes, bags");
    }

    @Test
    void theCountOfAnUnseenEventIsZero() {
        assertThat(render("{{ event.buy.count }} purchases", new FakeFacts())).contains("0 purchases");
    }

    @Test
    void comparisonsOnAMissingValueAreFalseAsInConditions() {
        Template t = Template.compile("{{ event.cart.in_cart_price.latest >= 4000 ? \"almost\" : \"keep going\" }}");

        assertThat(t.render(cartAt(4500.0))).contains("almost");
        assertThat(t.render(new FakeFacts())).contains("keep going");
    }

    @Test
    void aMissingFlagIsFalseInAChoice() {
        Template t = Template.compile("{{ visitor.is_member ? \"Welcome back\" : \"Hello\" }}");

        assertThat(t.render(new FakeFacts().with("visitor.is_member", true))).contains("Welcome back");
        assertThat(t.render(new FakeFacts())).contains("Hello");
    }

    @Test
    void equalityDoesNotCoerceStringsToNumbers() {
        FakeFacts facts = new FakeFacts().with("page.query.n", "1").with("visitor.visits", 1.0);

        assertThat(render("{{ page.query.n == 1 }} {{ visitor.visits == 1 }}", facts)).contains("false true");
    }

    @Test
    void aQuotedSegmentReachesAnUnusualName() {
        FakeFacts facts = new FakeFacts().with("page.query.utm-source", "line");

        assertThat(render("{{ page.query.'utm-source' }}", facts)).contains("line");
    }

    @Test
    void aStringWithoutPlaceholdersRendersAsIsWithoutReadingFacts() {
        FakeFacts facts = new FakeFacts();

        assertThat(render("Free shipping over 5,000 yen }} <b>today</b>", facts))
                .contains("Free shipping over 5,000 yen }} &lt;b&gt;today&lt;/b&gt;");
        assertThat(facts.reads).isEmpty();
    }

    @Test
    void oneTemplateRendersConcurrentlyForManyVisitors() {
        Template t = Template.compile("Only {{ 5000 - event.cart.in_cart_price.latest }} yen more");

        List<String> rendered = IntStream.range(0, 2_000).parallel()
                .mapToObj(i -> t.render(cartAt(i)).orElseThrow())
                .toList();

        assertThat(rendered).containsExactlyElementsOf(
                IntStream.range(0, 2_000).mapToObj(i -> "Only " + (5000 - i) + " yen more").toList());
    }
}
