package dev.omotenashi.bench;

import dev.omotenashi.engine.SiteEngine;
import dev.omotenashi.engine.config.SiteSettings;
import dev.omotenashi.engine.session.DeviceClassifier;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The demo shop {@code https://shop.example} of the scenarios (timezone Asia/Tokyo), as the benchmarks run
 * it: one {@link SiteEngine} with the 4-argument constructor, so that the device classifier is the shared
 * one and action ids come from a seeded generator (cheap, and the same every run).
 */
final class DemoShop {
    static final String ORIGIN = "https://shop.example";
    static final String HOST = "shop.example";
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    /** Thursday 2026-12-10 09:00 in Tokyo: inside S17's December schedule. */
    static final long START = ZonedDateTime.of(2026, 12, 10, 9, 0, 0, 0, TOKYO).toInstant().toEpochMilli();

    /** The S01–S17 configuration and 50 synthetic campaigns: the load of the decision benchmarks. */
    static final int SYNTHETIC_CAMPAIGNS = 50;

    private DemoShop() {}

    static SiteSettings settings() {
        return SiteSettings.of(TOKYO).withDomains(List.of(HOST));
    }

    /** S01–S17 and {@value #SYNTHETIC_CAMPAIGNS} synthetic campaigns. */
    static SiteConfig fullConfig() {
        return ScenarioCatalog.all().plus(SyntheticCampaigns.generate(SYNTHETIC_CAMPAIGNS));
    }

    /** A fresh engine on the clock, with the configuration installed. */
    static SiteEngine engine(Clock clock, SiteConfig config) {
        SiteEngine engine = new SiteEngine(settings(), clock, DeviceClassifier.shared(), new SplittableRandom(1));
        config.installInto(engine);
        return engine;
    }
}
