package dev.omotenashi.engine.config;

import dev.omotenashi.engine.scenario.ScenarioBundle;
import dev.omotenashi.engine.scenario.ScenarioCatalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omotenashi.engine.campaign.Campaign;
import dev.omotenashi.engine.campaign.CampaignParser;
import dev.omotenashi.engine.condition.Condition;
import dev.omotenashi.engine.condition.ConditionCompiler;
import dev.omotenashi.engine.condition.FakeFacts;
import dev.omotenashi.engine.eventdef.EventDefinitionParser;
import dev.omotenashi.engine.segment.SegmentParser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever JSON an operator sends, the parsers answer with a result or a {@link ValidationException} that
 * names a path, never another exception (which the server would turn into a 500). Every node of every
 * shipped scenario is replaced, in turn, by each of a set of awkward values.
 */
class ParserRobustnessTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> AWKWARD = List.of("null", "1e400", "-1", "0", "2.5", "true", "\"\"", "\"x y\"",
            "[]", "{}", "[null]", "{\"all\": [null]}", "\"" + "z".repeat(300) + "\"", "9223372036854775808");

    /** Uses what the scenarios do not: where clauses, variants, survey fields, schedules, every value shape. */
    private static final String KITCHEN_SINK = """
            {"segments": [{"id": "s", "name": "S", "condition": {"any": [
                {"action": "c", "metric": "clicked", "scope": "today", "agg": "latest_at", "op": "within_last", "value": "P1D"},
                {"event": "view", "scope": "7d", "agg": "count", "where": {"all": [{"prop": "path", "op": "matches", "value": "^/c"},
                    {"not": {"prop": "q", "op": "in", "value": ["a", "B"], "ignore_case": true}}]}, "op": "between", "value": [1, 3]},
                {"event": "cart", "agg": "values", "property": "sku", "op": "not_in", "value": ["x", 2]},
                {"attr": "visitor.first_seen", "op": "gt", "value": "2026-01-01T00:00:00Z"},
                {"attr": "session.device", "op": "ne", "value": "pc"}]}}],
             "event_definitions": [{"name": "big_cart", "from": "cart", "where": {"all": [
                {"prop": "total", "op": "gte", "value": 10000}, {"attr": "page.query.ref", "op": "exists"}]}}],
             "campaigns": [{"id": "c", "name": "C", "status": "paused",
                "schedule": {"start": 1764000000000, "end": "2027-01-01T00:00:00+09:00", "days": ["sat", "sun"],
                             "hours": {"from": "10:00", "to": "24:00"}},
                "audience": {"segment": "s"}, "pages": {"attr": "page.path", "op": "starts_with", "value": "/"},
                "trigger": {"on": "click", "selector": "#buy"},
                "variants": [{"id": "a", "weight": 2, "creative": {"template": "survey", "content": {"title": "Q",
                                "fields": [{"name": "size", "label": "Size", "type": "select", "trait": "size", "options": ["S", "M"]}]}}},
                             {"id": "b", "creative": {"template": "recommendation", "content": {"source": "recent", "limit": 3}}}],
                "control": {"percent": 5}, "frequency": {"per": "day", "max": 2},
                "stop": {"after_shows": 5, "after_clicks": 1, "after_goal": true, "period": "day"},
                "goal": {"event": "buy", "where": {"prop": "total", "op": "gt", "value": 0}, "window": "PT12H"},
                "priority": -5}]}""";

    @Test
    void theKitchenSinkIsValid() throws Exception {
        JsonNode json = MAPPER.readTree(KITCHEN_SINK);
        SegmentParser.parse(json.get("segments").get(0));
        EventDefinitionParser.parse(json.get("event_definitions").get(0));
        CampaignParser.parse(json.get("campaigns").get(0));
    }

    @Test
    void mutatedDocumentsAreParsedOrRejectedWithPathsNeverThrowOtherwise() throws Exception {
        int parses = 0;
        List<JsonNode> corpus = new ArrayList<>();
        corpus.add(MAPPER.readTree(KITCHEN_SINK));
        for (ScenarioBundle bundle : ScenarioCatalog.all()) {
            corpus.add(MAPPER.createObjectNode()
                    .<com.fasterxml.jackson.databind.node.ObjectNode>set("segments", MAPPER.valueToTree(bundle.segments()))
                    .<com.fasterxml.jackson.databind.node.ObjectNode>set("event_definitions", MAPPER.valueToTree(bundle.eventDefinitions()))
                    .set("campaigns", MAPPER.valueToTree(bundle.campaigns())));
        }
        for (JsonNode json : corpus) {
            for (String kind : List.of("segments", "event_definitions", "campaigns")) {
                for (JsonNode document : json.get(kind)) {
                    for (JsonNode mutant : mutants(document)) {
                        parse(kind, mutant);
                        parses++;
                    }
                }
            }
        }
        assertThat(parses).isGreaterThan(1000);
    }

    private static void parse(String kind, JsonNode document) {
        try {
            // What parses must also compile and evaluate without throwing, on facts that hold nothing.
            ConditionCompiler compiler = new ConditionCompiler(id -> new Condition.All(List.of()));
            FakeFacts nothing = FakeFacts.at(0);
            switch (kind) {
                case "segments" -> compiler.compile(SegmentParser.parse(document).condition()).test(nothing);
                case "event_definitions" -> compiler.compile(EventDefinitionParser.parse(document).where()).test(nothing);
                default -> {
                    Campaign c = CampaignParser.parse(document);
                    compiler.compile(c.audience()).test(nothing);
                    compiler.compile(c.pages()).test(nothing);
                    if (c.goal() != null) compiler.compile(c.goal().where()).test(nothing);
                    c.trigger().toJson();
                }
            }
        } catch (ValidationException e) {
            assertThat(e.errors()).as(document.toString()).isNotEmpty();
        } catch (RuntimeException e) {
            throw new AssertionError("unexpected " + e + " for " + document, e);
        }
    }

    /** Copies of the document with one node (not the root) replaced by one awkward value. */
    private static List<JsonNode> mutants(JsonNode document) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        List<Consumer<JsonNode>> slots = new ArrayList<>();
        collect(document, slots, new ArrayList<>());
        int count = slots.size();
        for (int i = 0; i < count; i++) {
            for (String value : AWKWARD) {
                JsonNode copy = document.deepCopy();
                List<Consumer<JsonNode>> copySlots = new ArrayList<>();
                collect(copy, copySlots, new ArrayList<>());
                copySlots.get(i).accept(MAPPER.readTree(value));
                out.add(copy);
            }
        }
        return out;
    }

    /** One setter per child node, depth first, in document order. */
    private static void collect(JsonNode node, List<Consumer<JsonNode>> slots, List<String> unused) {
        if (node instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                slots.add(v -> o.set(name, v));
                collect(o.get(name), slots, unused);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                int index = i;
                slots.add(v -> a.set(index, v));
                collect(a.get(i), slots, unused);
            }
        }
    }
}
