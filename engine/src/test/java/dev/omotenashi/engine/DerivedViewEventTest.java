package dev.omotenashi.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omotenashi.engine.config.SiteSettings;
import dev.omotenashi.engine.event.Event;
import dev.omotenashi.engine.session.DeviceClassifier;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event derived from a view has "the same properties" (config-language.md §4): the view's page fields read
 * as its properties for the derived event too, in aggregates and conditions, without being copied into it.
 */
class DerivedViewEventTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private final SiteEngine engine = new SiteEngine(SiteSettings.of(TOKYO).withDomains(List.of("shop.example")),
            Clock.fixed(Instant.parse("2026-12-01T03:00:00Z"), TOKYO), DeviceClassifier.shared(), new SplittableRandom(7));

    @Test
    void aDerivedViewReadsThePageFieldsAsItsProperties() throws Exception {
        engine.putEventDefinition((ObjectNode) JSON.readTree("""
                {"name": "sale_view", "from": "view", "where": {"attr": "page.path", "op": "starts_with", "value": "/sale"}}"""));
        engine.putSegment((ObjectNode) JSON.readTree("""
                {"id": "saw-winter", "name": "saw the winter sale",
                 "condition": {"event": "sale_view", "property": "path", "agg": "latest", "op": "eq", "value": "/sale/winter"}}"""));
        engine.putSegment((ObjectNode) JSON.readTree("""
                {"id": "from-mail", "name": "came to the sale from the newsletter",
                 "condition": {"event": "sale_view", "property": "referrer", "agg": "latest", "op": "contains", "value": "mail.example"}}"""));
        ObjectNode props = JsonNodeFactory.instance.objectNode().put("campaign_code", "W1");
        long now = Instant.parse("2026-12-01T03:00:00Z").toEpochMilli();
        TrackResult result = engine.track(new TrackRequest("v_derived01", null, null,
                new Page("https://shop.example/sale/winter?ref=mail", "冬のセール", "https://mail.example/inbox"),
                ClientContext.ofUserAgent("Mozilla/5.0"), List.of(new Event("e_1", "view", now, props)), false));

        assertThat(result.derived()).extracting(Event::name).containsExactly("sale_view");
        Event derived = result.derived().getFirst();
        assertThat(derived.properties()).isEqualTo(props); // the view's own properties, page fields not copied in
        assertThat(engine.segmentsOf("v_derived01")).containsExactly("from-mail", "saw-winter");
    }
}
