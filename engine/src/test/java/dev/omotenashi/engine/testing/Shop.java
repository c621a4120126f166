package dev.omotenashi.engine.testing;

import dev.omotenashi.engine.scenario.ScenarioCatalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omotenashi.engine.SiteEngine;
import dev.omotenashi.engine.config.SiteSettings;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The demo shop {@code https://shop.example} (site timezone Asia/Tokyo) as the scenario tests see it: one
 * {@link SiteEngine} on a {@link MutableClock}, configured with config-language JSON, and visitors
 * ({@link ShopVisitor}) whose browsers talk to it the way the tag does.
 *
 * <p>Every test makes its own shop, so "not delivered" means "no action at all" unless the test configures
 * several campaigns. The clock starts on Thursday 2026-12-10 10:00 in Tokyo unless told otherwise.
 */
public final class Shop {
    public static final String ORIGIN = "https://shop.example";
    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    public static final ZonedDateTime DEFAULT_START = ZonedDateTime.of(2026, 12, 10, 10, 0, 0, 0, TOKYO);

    /** Safari on an iPhone (iOS 17.5). */
    public static final String IPHONE_SAFARI = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) "
            + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    /** Chrome on Windows 10/11. */
    public static final String WINDOWS_CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) "
            + "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MutableClock clock;
    private final SiteEngine engine;
    private int visitors;
    private long events;

    private Shop(ZonedDateTime start) {
        this.clock = MutableClock.at(start);
        this.engine = new SiteEngine(SiteSettings.of(TOKYO).withDomains(List.of("shop.example")), clock);
    }

    /** A shop whose clock starts at {@link #DEFAULT_START}. */
    public static Shop open() {
        return new Shop(DEFAULT_START);
    }

    /** A shop whose clock starts at the given time. */
    public static Shop openAt(ZonedDateTime start) {
        return new Shop(start);
    }

    public SiteEngine engine() {
        return engine;
    }

    public MutableClock clock() {
        return clock;
    }

    /** Lets time pass for every visitor of the shop. */
    public Shop after(Duration d) {
        clock.advance(d);
        return this;
    }

    // ---- configuration ---------------------------------------------------------------------------

    public Shop segment(String json) {
        engine.putSegment(parse(json));
        return this;
    }

    public Shop eventDefinition(String json) {
        engine.putEventDefinition(parse(json));
        return this;
    }

    /** Installs a shipped scenario bundle ({@code S10}, {@code S11b}) from the {@link ScenarioCatalog}. */
    public Shop scenario(String id) {
        ScenarioCatalog.get(id).installInto(engine);
        return this;
    }

    public Shop campaign(String json) {
        engine.putCampaign(parse(json));
        return this;
    }

    /** Parses JSON written in a test, failing the test (not the engine) when it is malformed. */
    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("test JSON does not parse: " + e.getOriginalMessage(), e);
        }
    }

    // ---- visitors --------------------------------------------------------------------------------

    /** A new browser on a Windows PC (Chrome), not yet seen by the shop. */
    public ShopVisitor pcVisitor() {
        return new ShopVisitor(this, nextVisitorId(), WINDOWS_CHROME, false);
    }

    /** A new browser on an iPhone (Safari), not yet seen by the shop. */
    public ShopVisitor smartphoneVisitor() {
        return new ShopVisitor(this, nextVisitorId(), IPHONE_SAFARI, true);
    }

    private String nextVisitorId() {
        return String.format("v_test%04d", ++visitors);
    }

    String nextEventId() {
        return String.format("e_%08d", ++events);
    }
}
