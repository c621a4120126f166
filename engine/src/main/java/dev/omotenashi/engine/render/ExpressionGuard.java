package dev.omotenashi.engine.render;

import java.util.Set;

/**
 * The lexical subset of JEXL a placeholder may use, checked before JEXL parses it. A whitelist of tokens:
 * numbers, quoted strings, names, dotted variable paths, parentheses, {@code + - * / %}, comparisons,
 * {@code == != && || !}, {@code and or not div mod}, {@code ? :}, {@code ?:}, {@code ??}, and the built-ins
 * {@code size(...)} and {@code empty(...)}.
 *
 * <p>This is not the security boundary: the locked-down engine of {@link Expressions} is, and its test rejects
 * the dangerous constructs without this guard. The guard makes sure that what compiles also resolves: JEXL's
 * {@code getVariables()} reports {@code a.b['c']}, {@code a?.b} and {@code `${a}`} in ways its ant-style variable
 * resolution does not follow, and it accepts calls of unknown functions ({@code foo(1)}) that can only fail when
 * rendered. Rejecting those here lets a mistake be reported when the campaign is saved rather than silently
 * suppressing the action for every visitor. It also bounds the work one placeholder can cause.
 */
final class ExpressionGuard {
    private ExpressionGuard() {}

    /** Longest expression accepted; content placeholders are short, and the bound caps parse and evaluation work. */
    static final int MAX_LENGTH = 1000;
    /** Deepest parenthesis nesting accepted, so that no expression can exhaust the parser's stack. */
    static final int MAX_DEPTH = 32;

    private static final Set<String> BUILT_INS = Set.of("size", "empty");
    private static final Set<String> WORD_OPERATORS = Set.of("and", "or", "not", "div", "mod");
    /** Literals that are written as names; a '.' after them would be member access. */
    private static final Set<String> WORD_LITERALS = Set.of("true", "false", "null", "NaN");
    /** JEXL statements and declarations, named in the message instead of a puzzling "calls are not supported". */
    private static final Set<String> KEYWORDS = Set.of("if", "else", "for", "while", "do", "new", "var", "let", "const",
            "function", "return", "break", "continue", "import", "throw", "try", "catch", "finally", "switch", "case",
            "default", "class", "instanceof");

    /** What the previous token was: decides whether a {@code (} is a call and a {@code .} a path step. */
    private enum Prev { OPERATOR, NAME, BUILT_IN, LITERAL, CLOSE, DOT }

    /**
     * @return null when the expression stays inside the subset, else why not (for the operator)
     */
    static String check(String e) {
        if (e.length() > MAX_LENGTH) return "longer than " + MAX_LENGTH + " characters";
        int depth = 0;
        Prev prev = Prev.OPERATOR;
        int i = 0;
        int n = e.length();
        while (i < n) {
            char c = e.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            String at = " at column " + (i + 1);
            char next = i + 1 < n ? e.charAt(i + 1) : '\0';
            if (isNameStart(c)) {
                int j = i + 1;
                while (j < n && isNamePart(e.charAt(j))) j++;
                String word = e.substring(i, j);
                if (prev == Prev.DOT) prev = Prev.NAME;
                else if (KEYWORDS.contains(word)) return "'" + word + "' is not supported" + at;
                else if (WORD_LITERALS.contains(word)) prev = Prev.LITERAL;
                else if (BUILT_INS.contains(word)) prev = Prev.BUILT_IN;
                else if (WORD_OPERATORS.contains(word)) prev = Prev.OPERATOR;
                else prev = Prev.NAME;
                i = j;
            } else if (c >= '0' && c <= '9') {
                if (prev == Prev.DOT) {
                    return "a path segment starting with a digit must be quoted, as in event.cart.'7d'.count" + at;
                }
                int j = number(e, i);
                if (j < n && isNamePart(e.charAt(j))) return "malformed number" + at;
                prev = Prev.LITERAL;
                i = j;
            } else if (c == '\'' || c == '"') {
                int j = i + 1;
                while (j < n && e.charAt(j) != c) j += e.charAt(j) == '\\' ? 2 : 1;
                if (j >= n) return "unterminated string" + at;
                prev = prev == Prev.DOT ? Prev.NAME : Prev.LITERAL;
                i = j + 1;
            } else if (c == '(') {
                if (prev == Prev.NAME || prev == Prev.LITERAL || prev == Prev.CLOSE) {
                    return "calls are not supported (only size(...) and empty(...))" + at;
                }
                if (++depth > MAX_DEPTH) return "parentheses nested deeper than " + MAX_DEPTH;
                prev = Prev.OPERATOR;
                i++;
            } else if (c == ')') {
                if (--depth < 0) return "unbalanced ')'" + at;
                prev = Prev.CLOSE;
                i++;
            } else if (c == '.') {
                if (prev != Prev.NAME) return "'.' only separates the segments of a variable path" + at;
                prev = Prev.DOT;
                i++;
            } else {
                int len = operator(c, next, i + 2 < n ? e.charAt(i + 2) : '\0');
                if (len <= 0) return unsupported(c, next) + at;
                prev = Prev.OPERATOR;
                i += len;
            }
        }
        return null;
    }

    /** Length of the operator starting with {@code c}, or 0 when it is outside the subset. */
    private static int operator(char c, char next, char third) {
        return switch (c) {
            case '+', '-', '*', '%', ':' -> 1;
            case '/' -> next == '/' || next == '*' ? 0 : 1;
            case '?' -> next == '?' || next == ':' ? 2 : next == '.' || next == '[' ? 0 : 1;
            case '=' -> next == '=' && third != '=' ? 2 : 0;
            case '!' -> next == '=' ? (third == '=' ? 0 : 2) : next == '~' || next == '^' || next == '$' ? 0 : 1;
            case '<', '>' -> next == '=' ? 2 : next == c ? 0 : 1;
            case '&', '|' -> next == c ? 2 : 0;
            default -> 0;
        };
    }

    private static String unsupported(char c, char next) {
        return switch (c) {
            case '[', ']' -> "brackets are not supported; quote unusual names instead, as in page.query.'utm-source'";
            case '`' -> "template strings are not supported; join strings with +";
            case ';' -> "a placeholder holds one expression";
            case '/' -> "comments are not supported";
            case '=' -> next == '=' ? "=== is not supported; use =="
                    : next == '~' || next == '^' || next == '$' ? "pattern operators are not supported"
                    : "assignment is not supported; compare with ==";
            case '!' -> next == '=' ? "!== is not supported; use !=" : "pattern operators are not supported";
            case '~' -> "regular expressions and bitwise operators are not supported";
            case '?' -> "safe navigation is not supported; use ?? for a default";
            case '<', '>', '&', '|', '^' -> "bitwise operators are not supported";
            default -> "unexpected '" + c + "'";
        };
    }

    /** End of the number literal starting at {@code i}: digits, an optional fraction and an optional exponent. */
    private static int number(String e, int i) {
        int n = e.length();
        int j = digits(e, i);
        if (j + 1 < n && e.charAt(j) == '.' && isDigit(e.charAt(j + 1))) j = digits(e, j + 1);
        if (j < n && (e.charAt(j) == 'e' || e.charAt(j) == 'E')) {
            int k = j + 1;
            if (k < n && (e.charAt(k) == '+' || e.charAt(k) == '-')) k++;
            if (k < n && isDigit(e.charAt(k))) j = digits(e, k);
        }
        return j;
    }

    private static int digits(String e, int i) {
        while (i < e.length() && isDigit(e.charAt(i))) i++;
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || isDigit(c);
    }
}
