package dev.omotenashi.engine.render;

import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlExpression;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.JexlInfo;
import org.apache.commons.jexl3.introspection.JexlPermissions;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The locked-down JEXL engine placeholders run on, and the compilation of one placeholder. Why JEXL and what
 * was verified of it: docs/rendering.md.
 */
final class Expressions {
    private Expressions() {}

    /**
     * No syntax beyond expressions: {@link JexlFeatures#createNone()} already disables everything below; each is
     * switched off again by name so that the security boundary reads as a list, and stays one if the defaults of
     * a later JEXL change.
     */
    static final JexlFeatures FEATURES = JexlFeatures.createNone()
            .loops(false)
            .sideEffect(false)
            .sideEffectGlobal(false)
            .newInstance(false)
            .lambda(false)
            .thinArrow(false)
            .fatArrow(false)
            .localVar(false)
            .script(false)
            .pragma(false)
            .namespacePragma(false)
            .importPragma(false)
            .namespaceIdentifier(false)
            .annotation(false)
            .methodCall(false)
            .structuredLiteral(false)
            .arrayReferenceExpr(false);

    /**
     * Tighter than {@link JexlPermissions#RESTRICTED}: no class, member or package at all. Values come from the
     * context and operators work on them inside {@link TemplateArithmetic}, so a placeholder never needs to
     * reach a Java member; whatever slipped past the syntax checks still could not.
     */
    static final JexlPermissions NOTHING = new JexlPermissions() {
        @Override public boolean allow(Package pack) { return false; }
        @Override public boolean allow(Class<?> clazz) { return false; }
        @Override public boolean allow(Constructor<?> ctor) { return false; }
        @Override public boolean allow(Method method) { return false; }
        @Override public boolean allow(Field field) { return false; }
        @Override public JexlPermissions compose(String... src) { return this; }
    };

    /** Thread-safe; expressions it creates are immutable and may be evaluated concurrently. */
    static final JexlEngine ENGINE = new JexlBuilder()
            .features(FEATURES)
            .permissions(NOTHING)
            .arithmetic(new TemplateArithmetic())
            .strict(true)        // an undefined variable or property is an error, never null
            .silent(false)       // errors are thrown, so a placeholder fails rather than printing nothing
            .safe(false)         // no implicit null-safe navigation
            .antish(true)        // event.cart.in_cart_price.latest is one context variable, resolved lazily
            .booleanLogical(true)// && and || yield booleans, not an operand: ?? is the default operator
            .namespaces(Map.of())
            .cache(0)            // each Template keeps its compiled expressions; nothing to share
            .collectMode(2)      // report quoted segments (page.query.'utm-source') as path segments
            .create();

    /** The source of every expression's {@link JexlInfo}: keeps JEXL from walking the stack to name the caller. */
    private static final String SOURCE = "placeholder";
    private static final Pattern LOCATION = Pattern.compile("^\\S*@\\d+:\\d+\\s*");

    /**
     * One compiled placeholder: its expression as written, the compiled form, what its variables read, and —
     * when the expression is nothing but one variable ({@code {{ visitor.visits }}}, the usual case) — that
     * variable, read directly: JEXL would only hand its value back, at the cost of an interpreter per call.
     */
    record Placeholder(String source, JexlExpression expression, Map<String, Ref> refs, Ref direct) {}

    /** A bare variable path, as JEXL's ant-style resolution names it. */
    private static final Pattern BARE_PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

    /**
     * Compiles the expression between a placeholder's braces.
     *
     * @throws TemplateException when it leaves the template language, does not parse or names an unknown variable
     */
    static Placeholder compile(String source) {
        String reason = ExpressionGuard.check(source);
        if (reason != null) throw TemplateException.in(source, reason);
        JexlExpression expression;
        List<List<String>> variables;
        try {
            expression = ENGINE.createExpression(new JexlInfo(SOURCE, 1, 1), source);
            // a JexlExpression does not expose its variables; the same text parsed as a script does
            variables = List.copyOf(ENGINE.createScript(new JexlInfo(SOURCE, 1, 1), source).getVariables());
        } catch (JexlException e) {
            throw TemplateException.in(source, describe(e));
        }
        Map<String, Ref> refs = new LinkedHashMap<>();
        for (List<String> path : variables) {
            try {
                refs.put(String.join(".", path), Paths.resolve(path));
            } catch (IllegalArgumentException e) {
                throw TemplateException.in(source, e.getMessage());
            }
        }
        for (String name : refs.keySet()) conflicts(source, name, refs);
        Ref direct = refs.size() == 1 && BARE_PATH.matcher(source).matches() ? refs.get(source) : null;
        return new Placeholder(source, expression, Map.copyOf(refs), direct);
    }

    /** JEXL's message without its location prefix, with the column where it has one. */
    private static String describe(JexlException e) {
        String message = LOCATION.matcher(e.getMessage()).replaceFirst("");
        JexlInfo info = e.getInfo();
        return info == null ? message : message + " at column " + info.getColumn();
    }

    /**
     * Rejects {@code name} when another variable of the same placeholder extends it ({@code user.a} and
     * {@code user.a.b}): ant-style resolution tries the shorter name first and would read the wrong value.
     */
    private static void conflicts(String source, String name, Map<String, Ref> refs) {
        for (String other : refs.keySet()) {
            if (other.startsWith(name + ".")) {
                throw TemplateException.in(source, "'" + name + "' and '" + other + "' cannot be used in the same placeholder");
            }
        }
    }
}
