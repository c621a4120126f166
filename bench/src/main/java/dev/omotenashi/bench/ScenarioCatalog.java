package dev.omotenashi.bench;

import dev.omotenashi.engine.scenario.ScenarioBundle;

/**
 * The configurations of scenarios S01–S17 as they ship ({@link dev.omotenashi.engine.scenario.ScenarioCatalog}),
 * which the acceptance tests install too, so the benchmarks measure what is proven. S11b (S11 written
 * with a session-time trigger) is left out: it replaces S11's campaign of the same id.
 */
final class ScenarioCatalog {
    private ScenarioCatalog() {}

    /** Every scenario's configuration, S01 to S17, as one site. */
    static SiteConfig all() {
        SiteConfig config = SiteConfig.EMPTY;
        for (ScenarioBundle b : dev.omotenashi.engine.scenario.ScenarioCatalog.all()) {
            if (!b.scenario().equals("S11b")) config = config.plus(of(b));
        }
        return config;
    }

    /** One scenario's configuration. @throws IllegalArgumentException when the catalog has no such bundle */
    static SiteConfig scenario(String id) {
        return of(dev.omotenashi.engine.scenario.ScenarioCatalog.get(id));
    }

    private static SiteConfig of(ScenarioBundle b) {
        return new SiteConfig(b.segments(), b.eventDefinitions(), b.campaigns());
    }
}
