package dev.omotenashi.engine.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omotenashi.engine.profile.Agg;
import dev.omotenashi.engine.profile.AggregateKey;
import dev.omotenashi.engine.profile.Scope;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreativeRendererTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode json(String s) {
        try {
            return (ObjectNode) JSON.readTree(s.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static final FakeFacts CART_4500 = new FakeFacts()
            .with("cart", "in_cart_price", Agg.LATEST, 4500.0)
            .with("user.name", "Tom & <Jerry>");

    @Test
    void everyStringAtEveryDepthIsRendered() {
        CreativeRenderer r = CreativeRenderer.compile(json("""
                {'text': 'Only {{ 5000 - event.cart.in_cart_price.latest }} yen more',
                 'link': '/items/cheap',
                 'close': {'label': 'Bye {{ user.name }}', 'after': 3, 'sticky': true, 'color': null},
                 'items': [{'name': '{{ user.name }}'}, 'plain', 7]}"""));

        assertThat(r.render(CART_4500)).contains(json("""
                {'text': 'Only 500 yen more',
                 'link': '/items/cheap',
                 'close': {'label': 'Bye Tom &amp; &lt;Jerry&gt;', 'after': 3, 'sticky': true, 'color': null},
                 'items': [{'name': 'Tom &amp; &lt;Jerry&gt;'}, 'plain', 7]}"""));
    }

    @Test
    void oneSuppressedStringSuppressesTheWholeContent() {
        CreativeRenderer r = CreativeRenderer.compile(json("""
                {'title': 'Hello', 'items': [{'name': 'Hi {{ user.nickname }}'}]}"""));

        assertThat(r.render(CART_4500)).isEmpty();
    }

    @Test
    void urlsAreEscapedLikeAnyOtherString() {
        CreativeRenderer r = CreativeRenderer.compile(json("{'link': '/search?q={{ page.query.q }}&from=bar'}"));

        assertThat(r.render(new FakeFacts().with("page.query.q", "\"><script>")).orElseThrow().get("link").textValue())
                .isEqualTo("/search?q=&quot;&gt;&lt;script&gt;&amp;from=bar");
    }

    @Test
    void theHtmlTemplateKeepsTheOperatorsMarkupAndEscapesVisitorData() {
        CreativeRenderer r = CreativeRenderer.compile(json("{'html': '<div class=\\\"x\\\">Hi {{ user.name }}</div>'}"),
                java.util.Set.of("html"));

        assertThat(r.render(CART_4500).orElseThrow().get("html").textValue())
                .isEqualTo("<div class=\"x\">Hi Tom &amp; &lt;Jerry&gt;</div>");
    }

    @Test
    void operatorsTextOutsideTheHtmlFieldIsEscapedWhole() {
        CreativeRenderer r = CreativeRenderer.compile(json("{'html': '<b>x</b>', 'title': '<b>Sale</b>'}"), java.util.Set.of("html"));

        var out = r.render(CART_4500).orElseThrow();
        assertThat(out.get("html").textValue()).isEqualTo("<b>x</b>");
        assertThat(out.get("title").textValue()).isEqualTo("&lt;b&gt;Sale&lt;/b&gt;");
    }

    @Test
    void eachRenderingIsANewTreeTheCallerMayChange() {
        CreativeRenderer r = CreativeRenderer.compile(json("{'title': 'Hi', 'tags': ['a'], 'box': {'w': 1}}"));

        ObjectNode first = r.render(CART_4500).orElseThrow();
        first.put("title", "changed");
        ((ObjectNode) first.get("box")).put("w", 2);
        first.withArray("tags").add("b");

        assertThat(r.render(CART_4500)).contains(json("{'title': 'Hi', 'tags': ['a'], 'box': {'w': 1}}"));
    }

    @Test
    void changingTheCompiledContentAfterwardsHasNoEffect() {
        ObjectNode content = json("{'title': 'Hi {{ user.name }}', 'box': {'w': 1}}");
        CreativeRenderer r = CreativeRenderer.compile(content);

        content.put("title", "changed");
        ((ObjectNode) content.get("box")).put("w", 2);

        assertThat(r.render(CART_4500)).contains(json("{'title': 'Hi Tom &amp; &lt;Jerry&gt;', 'box': {'w': 1}}"));
    }

    @Test
    void stringsWithoutPlaceholdersAreSharedNotRebuilt() {
        CreativeRenderer r = CreativeRenderer.compile(json("{'title': 'Hi', 'text': '{{ user.name }}'}"));

        JsonNode first = r.render(CART_4500).orElseThrow().get("title");
        JsonNode second = r.render(CART_4500).orElseThrow().get("title");

        assertThat(second).isSameAs(first);
    }

    @Test
    void requiredAggregatesAreThoseOfAllStrings() {
        CreativeRenderer r = CreativeRenderer.compile(json("""
                {'text': '{{ event.cart.in_cart_price.latest }}', 'items': [{'n': '{{ event.buy.session.count }}'}],
                 'note': '{{ user.name }}'}"""));

        assertThat(r.requiredAggregates()).containsExactlyInAnyOrder(
                new AggregateKey("cart", "in_cart_price", Scope.ALL, Agg.LATEST),
                new AggregateKey("buy", null, Scope.SESSION, Agg.COUNT));
    }

    @Test
    void aBadStringIsReportedWithItsPathInTheContent() {
        assertThatThrownBy(() -> CreativeRenderer.compile(json("{'items': [{'name': 'ok'}, {'name': '{{ foo }}'}]}")))
                .isInstanceOf(TemplateException.class)
                .hasMessage("items[1].name: {{ foo }}: unknown variable 'foo'; variables start with visitor., session., page., user. or event.")
                .extracting(e -> ((TemplateException) e).placeholder()).isEqualTo("foo");
    }

    @Test
    void emptyContentRendersEmpty() {
        assertThat(CreativeRenderer.compile(json("{}")).render(new FakeFacts())).contains(json("{}"));
    }
}
