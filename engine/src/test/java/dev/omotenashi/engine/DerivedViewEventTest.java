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

    @Test
    void anEventDefinedOnAnotherDefinedEventFiresWithIt() throws Exception {
        engine.putEventDefinition((ObjectNode) JSON.readTree("""
                {"name": "sale_view", "from": "view", "where": {"attr": "page.path", "op": "starts_with", "value": "/sale"}}"""));
        engine.putEventDefinition((ObjectNode) JSON.readTree("""
                {"name": "winter_sale_view", "from": "sale_view", "where": {"attr": "page.path", "op": "starts_with", "value": "/sale/winter"}}"""));
        // a `where` on a defined event reads a synthetic event derived from it: a chain of three
        engine.putSegment((ObjectNode) JSON.readTree("""
                {"id": "coats", "name": "looked at winter coats",
                 "condition": {"event": "winter_sale_view", "where": {"prop": "path", "op": "eq", "value": "/sale/winter/coats"},
                               "agg": "count", "op": "gte", "value": 1}}"""));

        TrackResult summer = view("v_chain01", "https://shop.example/sale/summer", null);
        assertThat(summer.derived()).extracting(Event::name).containsExactly("sale_view");

        TrackResult winter = view("v_chain01", "https://shop.example/sale/winter/coats", null);
        assertThat(winter.derived()).extracting(Event::name)
                .startsWith("sale_view", "winter_sale_view").hasSize(3);
        assertThat(winter.derived().get(2).name()).startsWith("winter_sale_view~");
        assertThat(winter.derived()).extracting(Event::id).doesNotHaveDuplicates().allMatch(id -> id.startsWith("e_v_chain01"));
        assertThat(engine.segmentsOf("v_chain01")).containsExactly("coats");
    }

    @Test
    void aViewsOwnPropertiesComeBeforeItsPageFieldsForDerivedEventsAsForTheView() throws Exception {
        engine.putEventDefinition((ObjectNode) JSON.readTree("""
                {"name": "sale_view", "from": "view", "where": {"attr": "page.path", "op": "starts_with", "value": "/sale"}}"""));
        for (String event : new String[] {"view", "sale_view"}) {
            for (String field : new String[] {"path", "url", "host"}) {
                engine.putSegment((ObjectNode) JSON.readTree("""
                        {"id": "%s-%s", "name": "%s %s",
                         "condition": {"event": "%s", "property": "%s", "agg": "latest", "op": "eq", "value": "%s"}}"""
                        .formatted(event, field, event, field, event, field, field.equals("host") ? "shop.example" : "own")));
            }
        }
        ObjectNode own = JsonNodeFactory.instance.objectNode().put("path", "own").put("url", "own");
        view("v_own01", "https://shop.example/sale/winter", own);
        // the view's own path and url win, its host comes from the page: the same for the derived event
        assertThat(engine.segmentsOf("v_own01")).containsExactly("sale_view-host", "sale_view-path", "sale_view-url",
                "view-host", "view-path", "view-url");
    }

    private int events;

    private TrackResult view(String visitor, String url, ObjectNode props) {
        long now = Instant.parse("2026-12-01T03:00:00Z").toEpochMilli();
        return engine.track(new TrackRequest(visitor, null, null, new Page(url, null, null), ClientContext.ofUserAgent("Mozilla/5.0"),
                List.of(new Event("e_" + visitor + "_" + (++events), "view", now,
                        props == null ? JsonNodeFactory.instance.objectNode() : props)), false));
    }
}
