package dev.omotenashi.engine.event;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads properties addressed with dots ({@code item.price}) and turns JSON scalars into engine values. */
public final class Props {
    private Props() {}

    /** The node at a dotted path, or null when a segment is missing, not an object, or JSON null. */
    public static JsonNode get(JsonNode root, String dottedPath) {
        if (root == null) return null;
        JsonNode direct = root.get(dottedPath);
        if (direct != null) return direct.isNull() ? null : direct;
        if (dottedPath.indexOf('.') < 0) return null; // a plain name: nothing more to look up
        JsonNode node = root;
        int start = 0;
        while (node != null) {
            int dot = dottedPath.indexOf('.', start);
            String segment = dot < 0 ? dottedPath.substring(start) : dottedPath.substring(start, dot);
            node = node.isObject() ? node.get(segment) : null;
            if (dot < 0) break;
            start = dot + 1;
        }
        return node == null || node.isNull() ? null : node;
    }

    /**
     * The engine value of a JSON node: {@link Double} for numbers, {@link String}, {@link Boolean};
     * null for null, missing, arrays and objects (which conditions cannot compare).
     */
    public static Object value(JsonNode node) {
        if (node == null) return null;
        return switch (node.getNodeType()) {
            case NUMBER -> node.doubleValue();
            case STRING -> node.textValue();
            case BOOLEAN -> node.booleanValue();
            default -> null;
        };
    }
}
