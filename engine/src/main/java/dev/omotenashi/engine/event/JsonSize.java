package dev.omotenashi.engine.event;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * The size in bytes of a JSON tree written compactly in UTF-8, computed by walking the tree instead of
 * writing it, and stopping as soon as a limit is passed (so measuring a huge tree costs no more than the
 * limit). Matches what Jackson writes for every node type except that floating-point numbers are counted by
 * {@link JsonNode#asText()}, which may differ from the writer by a character or two.
 */
final class JsonSize {
    private JsonSize() {}

    /** The size of {@code node}, or some value greater than {@code limit} once it exceeds it. */
    static long of(JsonNode node, long limit) {
        return add(node, 0, limit);
    }

    private static long add(JsonNode node, long total, long limit) {
        if (total > limit) return total;
        switch (node.getNodeType()) {
            case OBJECT -> {
                total += 2 + Math.max(0, node.size() - 1);   // braces and commas
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    if (total > limit) break;
                    total += string(e.getKey()) + 1;          // key and colon
                    total = add(e.getValue(), total, limit);
                }
                return total;
            }
            case ARRAY -> {
                total += 2 + Math.max(0, node.size() - 1);
                for (int i = 0; i < node.size() && total <= limit; i++) total = add(node.get(i), total, limit);
                return total;
            }
            case STRING -> {
                return total + string(node.textValue());
            }
            case BOOLEAN -> {
                return total + (node.booleanValue() ? 4 : 5);
            }
            case NUMBER -> {
                return total + node.asText().length();
            }
            case BINARY -> {
                // Written as a base64 string (never produced by parsing JSON text; counted for completeness).
                return total + node.asText().length() + 2;
            }
            default -> {
                return total + 4;   // null, and the non-JSON node types written as null
            }
        }
    }

    /** Bytes of a JSON string literal: quotes, escapes and UTF-8. */
    static long string(String s) {
        long n = 2;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') n += 2;
            else if (c < 0x20) n += (c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t') ? 2 : 6;
            else if (c < 0x80) n += 1;
            else if (c < 0x800) n += 2;
            else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else n += 3;
        }
        return n;
    }
}
