package dev.omotenashi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The configurations of scenarios S01–S17 (shared/spec/scenarios.md) as the acceptance tests in
 * {@code engine/src/test/java/dev/omotenashi/engine/scenario/} install them, read from
 * {@code scenarios/S01.json} … {@code S17.json} on the class path.
 *
 * <p>Each file holds {@code segments}, {@code event_definitions} and {@code campaigns} (installed) and, for
 * S03 and S11, {@code alternatives}: campaigns that some tests install instead of one of the same id (not
 * installed here). The files are a copy of the tests' text blocks; the tests remain the reference until the
 * catalog moves into the engine's resources and the tests load it too.
 */
final class ScenarioCatalog {
    static final List<String> SCENARIOS = List.of("S01", "S02", "S03", "S04", "S05", "S06", "S07", "S08", "S09",
            "S10", "S11", "S12", "S13", "S14", "S15", "S16", "S17");

    private static final ObjectMapper JSON = new ObjectMapper();

    private ScenarioCatalog() {}

    /** Every scenario's configuration, S01 to S17, as one site. */
    static SiteConfig all() {
        SiteConfig config = SiteConfig.EMPTY;
        for (String s : SCENARIOS) config = config.plus(scenario(s));
        return config;
    }

    /** One scenario's configuration. @throws IllegalArgumentException when the catalog has no such file */
    static SiteConfig scenario(String id) {
        JsonNode doc = read("scenarios/" + id + ".json");
        return new SiteConfig(list(doc, "segments"), list(doc, "event_definitions"), list(doc, "campaigns"));
    }

    private static List<JsonNode> list(JsonNode doc, String field) {
        List<JsonNode> out = new ArrayList<>();
        doc.path(field).forEach(out::add);
        return out;
    }

    private static JsonNode read(String resource) {
        try (InputStream in = ScenarioCatalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalArgumentException("no " + resource + " on the class path");
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
