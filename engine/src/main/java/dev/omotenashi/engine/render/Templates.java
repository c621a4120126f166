package dev.omotenashi.engine.render;

/** Entry points of content templates ({@code {{ expression }}} placeholders) for code that only validates. */
public final class Templates {
    private Templates() {}

    /**
     * Checks a content string's placeholders without evaluating them: exactly the checks of
     * {@link Template#compile}, so a string this accepts always compiles.
     *
     * @return null when every placeholder compiles, else a message naming the first bad one
     */
    public static String syntaxError(String text) {
        try {
            Template.compile(text);
            return null;
        } catch (TemplateException e) {
            return e.getMessage();
        }
    }
}
