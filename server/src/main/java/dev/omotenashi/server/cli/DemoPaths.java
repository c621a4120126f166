package dev.omotenashi.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Moves a scenario bundle's configuration to a shop that lives under a path prefix. The bundles are
 * written for a shop at the root of its host ({@code /cart}, {@code /items/7}: scenarios.md), and the
 * demo shop is served at {@code /demo/} beside the API; so the demo installs them with every page path
 * prefixed ({@code /demo/cart}). That is the change an operator makes when installing a template for
 * their own shop's URLs, done once here instead of in the engine or the tag.
 *
 * <p>What moves: values of {@code page.path} and {@code session.landing_path} predicates (strings, lists
 * of strings, and {@code ^/…} regular expressions), {@code path} predicates on event properties
 * ({@code where}), and creative {@code link}s that are site paths ({@code /…}, not {@code //host}).
 * Everything else is copied as it is. The input is never modified.
 */
final class DemoPaths {
    private static final Set<String> PATH_ATTRS = Set.of("page.path", "session.landing_path");

    private DemoPaths() {}

    /** A deep copy of {@code config} with its site paths under {@code base} ({@code /demo}). */
    static JsonNode mount(JsonNode config, String base) {
        JsonNode copy = config.deepCopy();
        walk(copy, base);
        return copy;
    }

    private static void walk(JsonNode node, String base) {
        if (node instanceof ArrayNode a) {
            a.forEach(n -> walk(n, base));
        } else if (node instanceof ObjectNode o) {
            boolean pathPredicate = PATH_ATTRS.contains(o.path("attr").asText("")) || "path".equals(o.path("prop").asText(""));
            if (pathPredicate && o.has("value")) o.set("value", prefixed(o.get("value"), base, "matches".equals(o.path("op").asText())));
            JsonNode link = o.get("link");
            if (link != null && link.isTextual() && isSitePath(link.asText())) o.put("link", base + link.asText());
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().equals("value") || !pathPredicate) walk(e.getValue(), base);
            }
        }
    }

    private static JsonNode prefixed(JsonNode value, String base, boolean regex) {
        if (value instanceof ArrayNode a) {
            ArrayNode out = a.arrayNode();
            a.forEach(v -> out.add(prefixed(v, base, regex)));
            return out;
        }
        if (!value.isTextual()) return value;
        String v = value.asText();
        if (regex && v.startsWith("^/")) return TextNode.valueOf("^" + base + v.substring(1));
        return !regex && isSitePath(v) ? TextNode.valueOf(base + v) : value;
    }

    private static boolean isSitePath(String s) {
        return s.startsWith("/") && !s.startsWith("//");
    }
}
