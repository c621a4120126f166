package dev.omotenashi.engine.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The scenario templates that ship with Omotenashi (the console's 施策テンプレート gallery, the demo shop's
 * campaigns, the benchmarks' configuration), read from the engine's resources
 * ({@code dev/omotenashi/engine/scenarios/}). The acceptance tests install these very bundles, so what
 * ships is what is proven. Thread-safe; loaded once.
 */
public final class ScenarioCatalog {
    private static final String DIR = "/dev/omotenashi/engine/scenarios/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile List<ScenarioBundle> bundles;

    private ScenarioCatalog() {}

    /** Every bundle, in scenario order. */
    public static List<ScenarioBundle> all() {
        List<ScenarioBundle> b = bundles;
        if (b == null) {
            b = load();
            bundles = b;
        }
        return b;
    }

    /**
     * The bundle of a scenario ({@code S10}, or {@code S11b} for a variant).
     *
     * @throws IllegalArgumentException when no bundle has that id
     */
    public static ScenarioBundle get(String scenario) {
        for (ScenarioBundle b : all()) if (b.scenario().equals(scenario)) return b;
        throw new IllegalArgumentException("no scenario bundle " + scenario);
    }

    private static List<ScenarioBundle> load() {
        List<ScenarioBundle> out = new ArrayList<>();
        for (JsonNode name : read("index.json").path("bundles")) {
            JsonNode b = read(name.asText());
            out.add(new ScenarioBundle(b.path("scenario").asText(), b.path("title").asText(null),
                    list(b.path("segments")), list(b.path("event_definitions")), list(b.path("campaigns"))));
        }
        return List.copyOf(out);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static JsonNode read(String file) {
        try (InputStream in = ScenarioCatalog.class.getResourceAsStream(DIR + file)) {
            if (in == null) throw new IllegalStateException("missing scenario resource " + DIR + file);
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable scenario resource " + DIR + file, e);
        }
    }
}
