package dev.omotenashi.engine.render;

import dev.omotenashi.engine.condition.Facts;
import dev.omotenashi.engine.profile.AggregateKey;
import dev.omotenashi.engine.render.Expressions.Placeholder;
import org.apache.commons.jexl3.JexlException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One content string with {@code {{ expression }}} placeholders (config-language.md §5), compiled once and
 * rendered per visitor: {@code "Only {{ 5000 - event.cart.in_cart_price.latest }} yen more"}.
 *
 * <p>Rendering HTML-escapes the literal text (operators' strings are shown as text, never interpreted by the
 * shop's page) and replaces each placeholder with its value as text (see docs/rendering.md for numbers,
 * booleans and lists), HTML-escaped too. Only {@link #compileRaw} keeps literal text as written — for the
 * {@code html} template, whose literal markup is the operator's own HTML by intent. When a placeholder cannot produce a
 * value for this visitor — a missing value, arithmetic on one, a division by zero, a non-finite number — and no
 * {@code ??} default supplies one, the whole string has no rendering: {@link #render} is empty and the caller
 * suppresses the action. A visitor never sees "null", "undefined", "NaN" or {@code 5000 - null} computed as 5000.
 *
 * <p>The expression language is a locked-down subset of JEXL: variable paths, literals, arithmetic,
 * comparisons, {@code ? :}, {@code ??}, {@code size()} and {@code empty()}; no assignment, loop, call, object
 * creation or member access. Each placeholder reads only the facts it names, lazily.
 *
 * <p>Immutable and thread-safe: compile once, render concurrently with a {@link Facts} per rendering.
 */
public final class Template {
    private final String text;
    /** Literal {@link String}s and {@link Placeholder}s in order. */
    private final Object[] parts;
    private final Set<AggregateKey> aggregates;
    /** The rendering of a string without placeholders, shared by every call. */
    private final Optional<String> constant;

    private Template(String text, Object[] parts, Set<AggregateKey> aggregates) {
        this.text = text;
        this.parts = parts;
        this.aggregates = aggregates;
        this.constant = parts.length == 0 ? Optional.of("")
                : parts.length == 1 && parts[0] instanceof String s ? Optional.of(s) : null;
    }

    /**
     * Compiles a content string. A placeholder opens with {@code {{} and closes at the next {@code }}}; the
     * expression between them is trimmed. Text outside placeholders, including a lone {@code }}}, is literal.
     *
     * @throws TemplateException naming the first placeholder that is unclosed, empty, outside the template
     *                           language, unparsable or reading an unknown variable
     */
    public static Template compile(String text) {
        return compile(text, true);
    }

    /**
     * Compiles a content string whose literal text is HTML written by the operator (the {@code html}
     * template): literals are kept as written, placeholder values are still escaped.
     *
     * @throws TemplateException as {@link #compile}
     */
    public static Template compileRaw(String text) {
        return compile(text, false);
    }

    private static Template compile(String text, boolean escapeLiterals) {
        Objects.requireNonNull(text, "text");
        List<Object> parts = new ArrayList<>();
        Set<AggregateKey> aggregates = new LinkedHashSet<>();
        int from = 0;
        int open;
        while ((open = text.indexOf("{{", from)) >= 0) {
            int close = text.indexOf("}}", open + 2);
            if (close < 0) {
                throw new TemplateException(null, "unclosed placeholder at character " + (open + 1) + ": '{{' without '}}'");
            }
            String source = text.substring(open + 2, close).strip();
            if (source.isEmpty()) {
                throw new TemplateException(source, "empty placeholder at character " + (open + 1));
            }
            if (open > from) parts.add(literal(text.substring(from, open), escapeLiterals));
            Placeholder p = Expressions.compile(source);
            for (Ref ref : p.refs().values()) {
                if (ref instanceof Ref.Aggregate a) aggregates.add(a.key());
            }
            parts.add(p);
            from = close + 2;
        }
        if (from < text.length()) parts.add(literal(text.substring(from), escapeLiterals));
        return new Template(text, parts.toArray(), Set.copyOf(aggregates));
    }

    private static String literal(String s, boolean escape) {
        return escape ? Html.escape(s) : s;
    }

    /**
     * Renders this string for one visitor.
     *
     * @param facts what is known of the visitor and the page; read only for the variables the evaluation reaches
     * @return the text with every placeholder replaced by its HTML-escaped value, or empty when a placeholder
     *         has no value and no default: the action must not be shown
     */
    public Optional<String> render(Facts facts) {
        if (constant != null) return constant;
        Objects.requireNonNull(facts, "facts");
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (Object part : parts) {
            if (part instanceof Placeholder p) {
                String value = evaluate(p, facts);
                if (value == null) return Optional.empty();
                Html.escape(value, out);
            } else {
                out.append((String) part);
            }
        }
        return Optional.of(out.toString());
    }

    /** The placeholder's value as text, or null when it has none. */
    static String evaluate(Placeholder p, Facts facts) {
        if (p.direct() != null) return Text.format(p.direct().read(facts));
        try {
            return Text.format(p.expression().evaluate(new Bindings(p.refs(), facts)));
        } catch (JexlException e) {
            // every failure of a compiled placeholder is about this visitor's data: suppress, never guess
            return null;
        }
    }

    /** The event aggregates this string's placeholders may read, so that profiles maintain them. Immutable. */
    public Set<AggregateKey> requiredAggregates() {
        return aggregates;
    }

    /** Whether the string holds at least one placeholder; without one, {@link #render} always returns the same text. */
    public boolean hasPlaceholders() {
        return constant == null;
    }

    /** The content string as written. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
