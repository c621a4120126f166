package dev.omotenashi.engine.render;

/** Entry points of content templates ({@code {{ expression }}} placeholders). */
public final class Templates {
    private Templates() {}

    /**
     * Checks a content string's placeholders without evaluating them.
     *
     * @return null when every placeholder parses, else a message naming the first bad one
     */
    public static String syntaxError(String text) {
        // Placeholder until the render package lands: only the braces are checked.
        int open = 0;
        while ((open = text.indexOf("{{", open)) >= 0) {
            int close = text.indexOf("}}", open + 2);
            if (close < 0) return "unclosed placeholder at character " + open;
            if (text.substring(open + 2, close).isBlank()) return "empty placeholder at character " + open;
            open = close + 2;
        }
        return null;
    }
}
