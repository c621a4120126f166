package dev.omotenashi.server.journal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON written by streaming, without building a tree first: for what every tracked request writes (its
 * journal record, its answer). The output buffers come from the mapper's recycler pool, as
 * {@code ObjectMapper.writeValueAsString}/{@code writeValueAsBytes} take them.
 */
public final class Streamed {
    /** What to write; trees inside ({@code JsonNode}) go through {@link JsonGenerator#writeTree}. */
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
}
