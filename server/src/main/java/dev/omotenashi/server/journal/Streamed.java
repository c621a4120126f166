package dev.omotenashi.server.journal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * JSON written by streaming, without building a tree first: for what every tracked request writes (its
 * journal record, its answer). The output buffers come from the mapper's recycler pool, as
 * {@code ObjectMapper.writeValueAsString}/{@code writeValueAsBytes} take them.
 */
public final class Streamed {
    /** What to write; trees inside ({@code JsonNode}) go through {@link #tree}. */
    @FunctionalInterface
    public interface Writing {
        void write(JsonGenerator g) throws IOException;
    }

    private Streamed() {
    }

    public static String string(ObjectMapper json, Writing writing) {
        BufferRecycler buffers = json.getFactory()._getBufferRecycler();
        try (SegmentedStringWriter out = new SegmentedStringWriter(buffers)) {
            try (JsonGenerator g = json.getFactory().createGenerator(out)) {
                writing.write(g);
            }
            return out.getAndClear();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        } finally {
            buffers.releaseToPool();
        }
    }

    public static byte[] bytes(ObjectMapper json, Writing writing) {
        BufferRecycler buffers = json.getFactory()._getBufferRecycler();
        try (ByteArrayBuilder out = new ByteArrayBuilder(buffers)) {
            try (JsonGenerator g = json.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
                writing.write(g);
            }
            return out.getClearAndRelease();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        } finally {
            buffers.releaseToPool();
        }
    }

    /**
     * Writes a tree as {@code ObjectMapper.writeValue} does with the default settings, walking it directly.
     * {@link JsonGenerator#writeTree} goes through the mapper, which builds a serializer provider per call and
     * looks up each node's serializer: about as much work as the writing itself for the small trees of the
     * hot path (an event's properties, an action's content and trigger), written several times per request.
     * Node kinds a parsed tree never holds (binary, POJO) still go through the mapper.
     */
    public static void tree(JsonGenerator g, JsonNode n) throws IOException {
        switch (n.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (Map.Entry<String, JsonNode> field : n.properties()) {
                    g.writeFieldName(field.getKey());
                    tree(g, field.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode element : n) tree(g, element);
                g.writeEndArray();
            }
            case STRING -> g.writeString(n.textValue());
            case NUMBER -> {
                switch (n.numberType()) {
                    case INT -> g.writeNumber(n.intValue());
                    case LONG -> g.writeNumber(n.longValue());
                    case BIG_INTEGER -> g.writeNumber(n.bigIntegerValue());
                    case FLOAT -> g.writeNumber(n.floatValue());
                    case DOUBLE -> g.writeNumber(n.doubleValue());
                    case BIG_DECIMAL -> g.writeNumber(n.decimalValue());
                }
            }
            case BOOLEAN -> g.writeBoolean(n.booleanValue());
            case NULL -> g.writeNull();
            default -> g.writeTree(n);
        }
    }
}
