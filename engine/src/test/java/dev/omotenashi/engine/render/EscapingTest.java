package dev.omotenashi.engine.render;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever a visitor puts into their data, a rendered value cannot open a tag or leave a quoted attribute. */
class EscapingTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "\" onmouseover=\"alert(1)",
            "' onmouseover='alert(1)",
            "<img src=x onerror=alert(1)>",
            "&lt;already escaped&gt;",
            "</textarea><svg/onload=alert(1)>",
            "javascript:alert(1)",
            "日本語 & emoji 🍣 <b>",
    })
    void aRenderedValueHoldsNoMarkupCharacters(String hostile) {
        String rendered = Template.compileRaw("<a title=\"{{ page.query.q }}\">{{ page.query.q }}</a>")
                .render(new FakeFacts().with("page.query.q", hostile)).orElseThrow();
        String value = rendered.substring("<a title=\"".length(), rendered.indexOf("\">"));

        assertThat(value).doesNotContain("<", ">", "\"", "'");
        assertThat(value.replaceAll("&(amp|lt|gt|quot|#39);", "")).doesNotContain("&");
        assertThat(unescape(value)).isEqualTo(hostile);
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }
}
