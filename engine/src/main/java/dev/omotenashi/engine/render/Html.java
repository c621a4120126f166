package dev.omotenashi.engine.render;

/**
 * Escaping for text that ends up in a shop's page. Everything an operator or a visitor wrote is escaped
 * before it leaves the server; the tag then inserts it as text. Thread-safe (stateless).
 */
public final class Html {
    private Html() {}

    /** Escapes {@code & < > " '} so the string is inert in HTML text and quoted attribute values. */
    public static String escape(String s) {
        if (s == null) return null;
        for (int i = 0; i < s.length(); i++) {
            if (replacement(s.charAt(i)) != null) {
                StringBuilder out = new StringBuilder(s.length() + 16).append(s, 0, i);
                escape(s.substring(i), out);
                return out.toString();
            }
        }
        return s;
    }

    /** Appends {@code s} escaped as {@link #escape(String)} does. */
    public static void escape(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            String rep = replacement(ch);
            if (rep == null) out.append(ch);
            else out.append(rep);
        }
    }

    private static String replacement(char ch) {
        return switch (ch) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> null;
        };
    }

    /**
     * The URL if it is safe to put in a link or an image: http(s), or a path on the shop itself; null for
     * anything else ({@code javascript:}, {@code data:} ...), which could run script in the shop's page.
     */
    public static String safeUrl(String url) {
        if (url == null) return null;
        String u = url.strip();
        String lower = u.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://")) return u;
        if (u.startsWith("/") && !u.startsWith("//")) return u;
        return null;
    }
}
