package dev.omotenashi.engine.render;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateSyntaxTest {

    @Test
    void aValidStringHasNoSyntaxError() {
        assertThat(Templates.syntaxError("Only {{ 5000 - event.cart.in_cart_price.latest }} yen more")).isNull();
        assertThat(Templates.syntaxError("{{ session.utm_term ?? \"\" }}")).isNull();
        assertThat(Templates.syntaxError("no placeholders }} at all")).isNull();
        assertThat(Templates.syntaxError("")).isNull();
    }

    @Test
    void anUnclosedPlaceholderIsReportedWhereItOpens() {
        assertThat(Templates.syntaxError("Hi {{ user.name")).isEqualTo("unclosed placeholder at character 4: '{{' without '}}'");
    }

    @Test
    void anEmptyPlaceholderIsReported() {
        assertThat(Templates.syntaxError("Hi {{  }}")).isEqualTo("empty placeholder at character 4");
    }

    @Test
    void aParseErrorNamesThePlaceholderAndColumn() {
        assertThat(Templates.syntaxError("a {{ 1 }} b {{ 5000 - }}")).isEqualTo("{{ 5000 - }}: parsing error in '-' at column 6");
    }

    @Test
    void theFirstBadPlaceholderIsReported() {
        assertThatThrownBy(() -> Template.compile("{{ foo }} {{ bar }}")).hasMessageStartingWith("{{ foo }}");
    }

    @Test
    void aPlaceholderEndsAtTheFirstClosingBraces() {
        assertThat(Template.compile("{{ user.a ?? \"x\" }}}").render(new FakeFacts())).contains("x}");
    }

    @Test
    void whitespaceAroundTheExpressionIsOptional() {
        assertThat(Template.compile("{{user.a??\"x\"}}").render(new FakeFacts())).contains("x");
    }

    @Test
    void theTextIsKept() {
        Template t = Template.compile("Only {{ 5000 - event.cart.in_cart_price.latest }} yen");

        assertThat(t.text()).isEqualTo("Only {{ 5000 - event.cart.in_cart_price.latest }} yen");
        assertThat(t).hasToString(t.text());
        assertThat(t.hasPlaceholders()).isTrue();
        assertThat(Template.compile("plain").hasPlaceholders()).isFalse();
    }
}
