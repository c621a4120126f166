package dev.omotenashi.engine.render;

/**
 * A content string that cannot be compiled: a placeholder that does not parse, uses a construct outside the
 * template language, or names a variable that does not exist. Thrown when a template is compiled, never when
 * it is rendered (a placeholder that cannot be evaluated for one visitor suppresses the action instead).
 *
 * <p>The message names the offending placeholder as written ({@code {{ 5000 - foo }}: unknown variable 'foo' ...}),
 * preceded by the JSON path inside the creative's {@code content} when {@link CreativeRenderer} compiled it.
 */
public final class TemplateException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String placeholder;

    TemplateException(String placeholder, String message) {
        super(message);
        this.placeholder = placeholder;
    }

    /** A problem in one placeholder: the message becomes {@code {{ expression }}: reason}. */
    static TemplateException in(String expression, String reason) {
        return new TemplateException(expression, "{{ " + expression + " }}: " + reason);
    }

    /** The same problem, located at a JSON path inside a creative's content. */
    TemplateException at(String jsonPath) {
        TemplateException located = new TemplateException(placeholder, jsonPath + ": " + getMessage());
        located.initCause(this);
        return located;
    }

    /** The expression between the braces of the offending placeholder, or null when no placeholder is to blame (an unclosed {@code {{}). */
    public String placeholder() {
        return placeholder;
    }
}
