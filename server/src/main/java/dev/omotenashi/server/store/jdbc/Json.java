package dev.omotenashi.server.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omotenashi.server.store.StoreException;

import java.util.List;

/**
 * Lists of strings (a site's domains, a record's event ids) as JSON array text in one column. Both dialects
 * store them the same way because nothing queries inside them: they are only read back whole.
 */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private Json() {
    }

    static String strings(List<String> values) {
        // streamed: the journal writer calls this for every record, and databind's list serialiser costs more
        java.io.StringWriter out = new java.io.StringWriter(2 + 30 * values.size());
        try (com.fasterxml.jackson.core.JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.writeStartArray();
            for (String v : values) g.writeString(v);
            g.writeEndArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a list of strings is always JSON", e);
        }
        return out.toString();
    }

    static List<String> strings(String json) {
        try {
            return List.copyOf(MAPPER.readValue(json, STRINGS));
        } catch (JsonProcessingException e) {
            throw new StoreException("stored list is not a JSON array of strings: " + json, e);
        }
    }
}
