package dev.omotenashi.engine.render;

import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.MapContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Nothing but expressions over the visitor's data compiles. Two layers are tested separately: the JEXL engine
 * itself (features and permissions, the security boundary) and the template compiler in front of it.
 */
class ForbiddenConstructsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "new('java.io.File','x')",          // object creation
            "''.getClass()",                    // method call
            "user.name.toUpperCase()",          // method call on a value
            "x = 1",                            // assignment
            "x += 1",                           // side effect
            "x++",                              // side effect
            "for (var i : [1, 2]) 1",           // loop
            "for (i : l) 1",                    // loop
            "while (true) 1",                   // loop
            "do 1 while (true)",                // loop
            "x -> 1",                           // lambda
            "(x) => x",                         // lambda
            "function(x) { x }",                // lambda
            "var x = 1",                        // local variable
            "let x = 1",                        // local variable
            "1; 2",                             // script
            "#pragma jexl.import java.lang\n1", // pragma
            "@silent 1",                        // annotation
            "[1, 2]",                           // collection literal
            "{'a': 1}",                         // collection literal
    })
    void theEngineRejectsItWhenParsing(String expression) {
        assertThatThrownBy(() -> Expressions.ENGINE.createExpression(expression)).isInstanceOf(JexlException.class);
    }

    @Test
    void theEngineCannotReachAClassThroughAVariableName() {
        var expression = Expressions.ENGINE.createExpression("java.lang.System");

        assertThatThrownBy(() -> expression.evaluate(new MapContext())).isInstanceOf(JexlException.class);
    }

    @Test
    void theEngineCannotReachAJavaMemberOfAValue() {
        var context = new MapContext(Map.of("s", "abc"));

        assertThatThrownBy(() -> Expressions.ENGINE.createExpression("s.class").evaluate(context))
                .isInstanceOf(JexlException.class);
        assertThatThrownBy(() -> Expressions.ENGINE.createExpression("s.bytes").evaluate(context))
                .isInstanceOf(JexlException.class);
    }

    @Test
    void theEngineStillResolvesDottedVariablePaths() {
        var context = new MapContext(Map.of("event.cart.in_cart_price.latest", 4500.0));

        assertThat(Expressions.ENGINE.createExpression("5000 - event.cart.in_cart_price.latest").evaluate(context))
                .isEqualTo(500.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "new('java.io.File','x')",
            "''.getClass()",
            "x = 1",
            "for (var i : [1, 2]) 1",
            "while (true) 1",
            "java.lang.System",
            "java.lang.System.exit(0)",
            "x -> 1",
            "function(x) { x }",
            "var x = 1",
            "1; 2",
            "\"abc\".class",
            "(user.name).class",
            "user.name['class']",
            "page.query['q']",
            "user?.name",
            "`${user.name}`",
            "foo(1)",
            "ns:foo(1)",
            "user.name =~ '(a+)+$'",
            "~1",
            "1 & 3",
            "1 === 1",
            "/* ' */ foo(1) /* ' */",
            "size",
    })
    void aTemplateRejectsItWhenCompiled(String expression) {
        assertThatThrownBy(() -> Template.compile("Hi {{ " + expression + " }}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining(expression);
        assertThat(Templates.syntaxError("Hi {{ " + expression + " }}")).isNotNull();
    }

    @Test
    void deepNestingIsRejectedBeforeParsing() {
        String deep = "(".repeat(ExpressionGuard.MAX_DEPTH + 1) + "1" + ")".repeat(ExpressionGuard.MAX_DEPTH + 1);

        assertThatThrownBy(() -> Template.compile("{{ " + deep + " }}")).hasMessageContaining("nested deeper");
        assertThat(Template.compile("{{ " + "(".repeat(ExpressionGuard.MAX_DEPTH) + "1" + ")".repeat(ExpressionGuard.MAX_DEPTH) + " }}")
                .render(new FakeFacts())).contains("1");
    }

    @Test
    void aLongExpressionIsRejected() {
        String longSum = "1" + " + 1".repeat(ExpressionGuard.MAX_LENGTH / 4);

        assertThatThrownBy(() -> Template.compile("{{ " + longSum + " }}")).hasMessageContaining("longer than");
    }
}
