package dev.omotenashi.engine.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.omotenashi.engine.condition.Facts;
import dev.omotenashi.engine.profile.AggregateKey;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A creative's {@code content} (config-language.md §5), compiled once: every string in it, at any depth of
 * objects and arrays, is a {@link Template}. Rendering produces the content to deliver for one visitor.
 *
 * <p>Every string is rendered the same way, whatever its field and whatever the template: literal text as the
 * operator wrote it, placeholder values HTML-escaped. That holds for URLs ({@code link}) and for the
 * {@code html} field of the {@code html} template alike, whose raw HTML is the operator's own while visitor data
 * placed into it is still escaped. What the tag must do with such strings: docs/rendering.md.
 *
 * <p>Immutable and thread-safe. The content passed in is copied, so later changes to it have no effect.
 */
public final class CreativeRenderer {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A compiled piece of content; renders to null when a string in it is suppressed. */
    private sealed interface Part {
        JsonNode render(Facts facts);
    }

    /**
     * Value nodes (numbers, booleans, null, strings without placeholders) are immutable in Jackson, so every
     * rendering shares the compiled instance: only containers and placeholder strings are built per call.
     */
    private record Shared(JsonNode value) implements Part {
        @Override
        public JsonNode render(Facts facts) {
            return value;
        }
    }

    private record Templated(Template template) implements Part {
        @Override
        public JsonNode render(Facts facts) {
            return template.render(facts).map(TextNode::valueOf).orElse(null);
        }
    }

    private record Obj(String[] names, Part[] values) implements Part {
        @Override
        public JsonNode render(Facts facts) {
            // sized for its fields (and a recommendation's items): the default map grows twice on the way
            ObjectNode out = new ObjectNode(NODES, new java.util.LinkedHashMap<>(2 * names.length + 2));
            for (int i = 0; i < names.length; i++) {
                JsonNode v = values[i].render(facts);
                if (v == null) return null;
                out.set(names[i], v);
            }
            return out;
        }
    }

    private record Arr(Part[] elements) implements Part {
        @Override
        public JsonNode render(Facts facts) {
            ArrayNode out = NODES.arrayNode(elements.length);
            for (Part element : elements) {
                JsonNode v = element.render(facts);
                if (v == null) return null;
                out.add(v);
            }
            return out;
        }
    }

    private final Obj root;
    private final Set<AggregateKey> aggregates;

    private CreativeRenderer(Obj root, Set<AggregateKey> aggregates) {
        this.root = root;
        this.aggregates = aggregates;
    }

    /**
     * Compiles every string of a creative's content.
     *
     * @throws TemplateException for the first string that does not compile; its message starts with the
     *                           string's JSON path inside the content ({@code items[2].name: {{ ... }}: ...})
     */
    public static CreativeRenderer compile(ObjectNode content) {
        return compile(content, Set.of());
    }

    /**
     * Compiles a creative's content whose strings at {@code rawPaths} (JSON paths inside the content, e.g.
     * {@code html}) are the operator's own HTML: their literal text is kept as written, placeholder values
     * in them are still escaped. Every other string is escaped whole.
     *
     * @throws TemplateException as {@link #compile(ObjectNode)}
     */
    public static CreativeRenderer compile(ObjectNode content, Set<String> rawPaths) {
        Objects.requireNonNull(content, "content");
        Set<AggregateKey> aggregates = new LinkedHashSet<>();
        Obj root = (Obj) compile(content, "", aggregates, rawPaths);
        return new CreativeRenderer(root, Set.copyOf(aggregates));
    }

    private static Part compile(JsonNode node, String path, Set<AggregateKey> aggregates, Set<String> rawPaths) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            List<Part> values = new ArrayList<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                names.add(field.getKey());
                values.add(compile(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), aggregates, rawPaths));
            }
            return new Obj(names.toArray(String[]::new), values.toArray(Part[]::new));
        }
        if (node.isArray()) {
            Part[] elements = new Part[node.size()];
            for (int i = 0; i < elements.length; i++) elements[i] = compile(node.get(i), path + "[" + i + "]", aggregates, rawPaths);
            return new Arr(elements);
        }
        if (node.isTextual()) {
            Template t;
            try {
                t = rawPaths.contains(path) ? Template.compileRaw(node.textValue()) : Template.compile(node.textValue());
            } catch (TemplateException e) {
                throw e.at(path);
            }
            if (!t.hasPlaceholders()) return new Shared(TextNode.valueOf(t.render(null).orElseThrow()));
            aggregates.addAll(t.requiredAggregates());
            return new Templated(t);
        }
        // numbers, booleans, null: immutable value nodes; binary and POJO nodes do not come from parsed JSON
        return new Shared(node.deepCopy());
    }

    /**
     * Renders the content for one visitor.
     *
     * @return a new object tree, the caller's to keep or change, with every string rendered; empty when any
     *         string is suppressed (a placeholder without value or default), in which case the action must not
     *         be shown
     */
    public Optional<ObjectNode> render(Facts facts) {
        return Optional.ofNullable((ObjectNode) root.render(facts));
    }

    /** The event aggregates the content's placeholders may read. Immutable. */
    public Set<AggregateKey> requiredAggregates() {
        return aggregates;
    }
}
