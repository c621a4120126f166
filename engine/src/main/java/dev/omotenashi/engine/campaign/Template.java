package dev.omotenashi.engine.campaign;

/**
 * The built-in templates of config-language.md §5. The content each expects is described in
 * docs/templates.md and checked by {@link ContentSchema}.
 *
 * <p>At most one <em>modal</em> template is delivered per page view; non-modal ones may stack, at most one
 * per template. {@link #HTML} is free-form and the spec does not list it either way: it is treated as
 * non-modal, because an operator's HTML snippet is usually an inline block, and a snippet that does
 * cover the page should be written as a {@link #POPUP} instead.
 */
public enum Template {
    POPUP("popup", true),
    BANNER("banner", false),
    SLIDE_IN("slide_in", false),
    NOTICE_BAR("notice_bar", false),
    COUPON("coupon", true),
    SURVEY("survey", true),
    RECOMMENDATION("recommendation", true),
    CALL_BUTTON("call_button", false),
    CHAT_INVITE("chat_invite", false),
    HTML("html", false);

    private final String json;
    private final boolean modal;

    Template(String json, boolean modal) {
        this.json = json;
        this.modal = modal;
    }

    public String json() {
        return json;
    }

    /** Whether the template covers the page, so that at most one such template is delivered per page view. */
    public boolean modal() {
        return modal;
    }

    public static Template fromJson(String s) {
        for (Template t : values()) if (t.json.equals(s)) return t;
        return null;
    }

    public static String names() {
        StringBuilder sb = new StringBuilder();
        for (Template t : values()) {
            if (!sb.isEmpty()) sb.append(", ");
            sb.append(t.json);
        }
        return sb.toString();
    }
}
