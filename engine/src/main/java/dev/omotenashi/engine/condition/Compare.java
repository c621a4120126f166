package dev.omotenashi.engine.condition;

/** The orderings of config-language.md §1: numbers and times as 64-bit floats, strings by Unicode code points. */
final class Compare {
    private Compare() {}

    /**
     * Compares two strings by Unicode code points. {@link String#compareTo} compares UTF-16 units, which
     * puts supplementary characters (emoji, rare kanji, stored as surrogates U+D800–U+DFFF) before
     * U+E000–U+FFFF; this corrects that without allocating.
     */
    static int codePoints(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (x >= Character.MIN_SURROGATE && y >= Character.MIN_SURROGATE) {
                    // Both are in U+D800..U+FFFF: move surrogates above the BMP characters that follow them.
                    return fixup(x) - fixup(y);
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    private static int fixup(char c) {
        return c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }

    /** Orders two scalar literals of the same kind (the bounds of a {@code between}). */
    static int literals(Literal a, Literal b) {
        return switch (a) {
            case Literal.Num x -> Double.compare(x.value(), ((Literal.Num) b).value());
            case Literal.Time x -> Long.compare(x.epochMillis(), ((Literal.Time) b).epochMillis());
            case Literal.Str x -> codePoints(x.value(), ((Literal.Str) b).value());
            case Literal.Bool x -> Boolean.compare(x.value(), ((Literal.Bool) b).value());
            default -> throw new IllegalArgumentException("not a scalar: " + a);
        };
    }
}
