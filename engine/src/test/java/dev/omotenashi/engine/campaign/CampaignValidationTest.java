package dev.omotenashi.engine.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omotenashi.engine.config.Codes;
import dev.omotenashi.engine.config.ConfigError;
import dev.omotenashi.engine.config.Json;
import dev.omotenashi.engine.config.Problems;
import dev.omotenashi.engine.profile.Metric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** A campaign document is parsed with its defaults, and every mistake in it is reported at its path. */
class CampaignValidationTest {
    private static final String MINIMAL = "{'id': 'welcome', 'name': 'Welcome', 'creative': {'template': 'popup', 'content': {'title': 'Hi'}}}";

    private static ObjectNode minimal() {
        return (ObjectNode) Json.parse(MINIMAL);
    }

    /** The minimal campaign with one field set to some JSON. */
    private static ObjectNode with(String field, String json) {
        ObjectNode o = minimal();
        o.set(field, Json.parse(json));
        return o;
    }

    private static List<ConfigError> errors(JsonNode campaign) {
        return Problems.of(() -> CampaignParser.parse(campaign));
    }

    private static void assertError(JsonNode campaign, String path, String code) {
        assertThat(errors(campaign)).extracting(ConfigError::path, ConfigError::code).contains(tuple(path, code));
    }

    @Test
    void aMinimalCampaignGetsTheDocumentedDefaults() {
        Campaign c = CampaignParser.parse(minimal());
        assertThat(c.status()).isEqualTo(Campaign.Status.DRAFT);
        assertThat(c.schedule()).isEqualTo(Schedule.ALWAYS);
        assertThat(c.audience()).isNull();
        assertThat(c.pages()).isNull();
        assertThat(c.trigger()).isEqualTo(Trigger.LOAD);
        assertThat(c.variants()).singleElement().satisfies(v -> {
            assertThat(v.id()).isEqualTo("default");
            assertThat(v.weight()).isEqualTo(1);
            assertThat(v.creative().template()).isEqualTo(Template.POPUP);
        });
        assertThat(c.control()).isEqualTo(Control.NONE);
        assertThat(c.frequency()).isEqualTo(new Frequency(Frequency.Per.SESSION, 1));
        assertThat(c.stop()).isEqualTo(Stop.NONE);
        assertThat(c.goal()).isNull();
        assertThat(c.priority()).isZero();
    }

    @Test
    void theSpecsExampleParses() {
        Campaign c = CampaignParser.parse(Json.parse("""
                {
                  "id": "free-shipping-nudge",
                  "name": "A little more for free shipping",
                  "status": "live",
                  "schedule": {"start": "2026-12-01T00:00:00+09:00", "end": null,
                               "days": ["mon","tue","wed","thu","fri","sat","sun"], "hours": {"from": "00:00", "to": "24:00"}},
                  "audience": {"event": "cart", "property": "in_cart_price", "agg": "latest", "op": "between", "value": [4000, 5000]},
                  "pages": {"attr": "page.path", "op": "eq", "value": "/cart"},
                  "trigger": {"on": "load"},
                  "creative": {"template": "notice_bar",
                               "content": {"text": "Only {{ 5000 - event.cart.in_cart_price.latest }} yen more for free shipping!",
                                           "link": "/items/cheap"}},
                  "variants": null,
                  "control": {"percent": 10},
                  "frequency": {"per": "session", "max": 1},
                  "stop": {"after_closes": 2, "after_clicks": null, "after_goal": true},
                  "goal": {"event": "buy", "where": null, "window": "P7D"},
                  "priority": 100
                }"""));
        assertThat(c.live()).isTrue();
        assertThat(c.schedule().start()).isEqualTo(Instant.parse("2026-11-30T15:00:00Z"));
        assertThat(c.schedule().end()).isNull();
        assertThat(c.control().percent()).isEqualTo(10);
        assertThat(c.stop()).isEqualTo(new Stop(null, 2, null, true, Stop.Period.ALL));
        assertThat(c.goal()).isEqualTo(new Goal("buy", null, new Goal.Window.Within(Duration.ofDays(7))));
        assertThat(c.priority()).isEqualTo(100);
        assertThat(c.variants().get(0).creative().modal()).isFalse();
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<ConfigError> errors = errors(Json.parse("""
                {"id": "bad id", "status": "on",
                 "audience": {"all": [{"attr": "visitor.visits", "op": "eq", "value": 1},
                                      {"attr": "visitor.is_member", "op": "eq", "value": false},
                                      {"attr": "session.pv", "op": "greater", "value": 2}]},
                 "variants": [{"id": "a", "weight": 1, "creative": {"template": "coupon", "content": {}}},
                              {"id": "a", "weight": 0, "creative": {"template": "popup", "content": {"title": "x"}}}],
                 "schedule": {"hours": {"from": "25:00"}},
                 "prioirty": 5}"""));
        assertThat(errors).extracting(ConfigError::path).containsExactlyInAnyOrder(
                "prioirty", "id", "name", "status", "schedule.hours.from", "audience.all[2].op",
                "variants[0].creative.content.code", "variants[1].id", "variants[1].weight");
    }

    @Test
    void requiredFieldsAreReported() {
        assertThat(errors(Json.parse("{}"))).extracting(ConfigError::path, ConfigError::code).containsExactlyInAnyOrder(
                tuple("id", Codes.REQUIRED), tuple("name", Codes.REQUIRED), tuple("creative", Codes.REQUIRED));
        assertError(Json.parse("[]"), "", Codes.INVALID_TYPE);
    }

    @Test
    void anUnknownFieldIsRejectedWithAHint() {
        assertThat(errors(with("prioirty", "5"))).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("prioirty");
            assertThat(e.code()).isEqualTo(Codes.UNKNOWN_FIELD);
            assertThat(e.message()).contains("did you mean 'priority'");
        });
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "name      | 5                   | name      | invalid_type",
            "name      | '  '                | name      | invalid_value",
            "id        | 'has/slash'         | id        | invalid_value",
            "status    | 'running'           | status    | invalid_value",
            "status    | 1                   | status    | invalid_type",
            "priority  | 'high'              | priority  | invalid_type",
            "priority  | 1.5                 | priority  | invalid_type",
            "priority  | 2000000             | priority  | invalid_value",
            "audience  | {'attr': 'session.pv', 'op': 'gte'} | audience.value | required",
            "audience  | {'segment': 'vip', 'not': {'all': []}} | audience | invalid_value",
            "pages     | {'attr': 'session.pv', 'op': 'gte', 'value': 2} | pages.attr | invalid_value",
            "pages     | {'any': [{'segment': 'vip'}]} | pages.any[0].segment | invalid_value",
            "schedule  | {'start': '2026-12-01T00:00:00'} | schedule.start | invalid_value",
            "schedule  | {'start': '2026-12-02T00:00:00Z', 'end': '2026-12-01T00:00:00Z'} | schedule.end | invalid_value",
            "schedule  | {'start': 1764000000000, 'end': 1764000000000} | schedule.end | invalid_value",
            "schedule  | {'days': []}        | schedule.days | invalid_value",
            "schedule  | {'days': 'mon'}     | schedule.days | invalid_type",
            "schedule  | {'days': ['mon', 'monday']} | schedule.days[1] | invalid_value",
            "schedule  | {'days': ['mon', 'mon']}    | schedule.days[1] | duplicate",
            "schedule  | {'hours': {'from': '9:00'}} | schedule.hours.from | invalid_value",
            "schedule  | {'hours': {'from': '24:00'}} | schedule.hours.from | invalid_value",
            "schedule  | {'hours': {'to': '24:01'}}  | schedule.hours.to | invalid_value",
            "schedule  | {'hours': {'from': '10:00', 'to': '10:00'}} | schedule.hours.to | invalid_value",
            "schedule  | {'hours': {'from': '10:00', 'until': '11:00'}} | schedule.hours.until | unknown_field",
            "schedule  | {'timezone': 'UTC'} | schedule.timezone | unknown_field",
            "trigger   | {}                  | trigger.on | required",
            "trigger   | {'on': 'hover'}     | trigger.on | invalid_value",
            "trigger   | {'on': 'delay'}     | trigger.seconds | required",
            "trigger   | {'on': 'delay', 'seconds': 0} | trigger.seconds | invalid_value",
            "trigger   | {'on': 'idle', 'seconds': 86401} | trigger.seconds | invalid_value",
            "trigger   | {'on': 'session_time', 'seconds': '180'} | trigger.seconds | invalid_type",
            "trigger   | {'on': 'scroll', 'percent': 0} | trigger.percent | invalid_value",
            "trigger   | {'on': 'scroll', 'percent': 101} | trigger.percent | invalid_value",
            "trigger   | {'on': 'click', 'selector': ' '} | trigger.selector | invalid_value",
            "trigger   | {'on': 'event'}     | trigger.event | required",
            "trigger   | {'on': 'event', 'event': 'a~b'} | trigger.event | invalid_value",
            "trigger   | {'on': 'load', 'seconds': 3} | trigger.seconds | unknown_field",
            "control   | {'percent': 100}    | control.percent | invalid_value",
            "control   | {'percent': -1}     | control.percent | invalid_value",
            "control   | {}                  | control.percent | required",
            "control   | 10                  | control | invalid_type",
            "frequency | {'per': 'week', 'max': 1} | frequency.per | invalid_value",
            "frequency | {'max': 1}          | frequency.per | required",
            "frequency | {'per': 'user', 'max': 0} | frequency.max | invalid_value",
            "frequency | {'per': 'pageview', 'max': 3} | frequency.max | invalid_value",
            "stop      | {'after_closes': 0} | stop.after_closes | invalid_value",
            "stop      | {'after_shows': 'x'} | stop.after_shows | invalid_type",
            "stop      | {'after_goal': true} | stop.after_goal | invalid_value",
            "stop      | {'after_goal': 'yes'} | stop.after_goal | invalid_type",
            "stop      | {'period': 'week'}  | stop.period | invalid_value",
            "goal      | {'window': 'P7D'}   | goal.event | required",
            "goal      | {'event': 'buy', 'window': 'forever'} | goal.window | invalid_value",
            "goal      | {'event': 'buy', 'window': 'PT0S'} | goal.window | invalid_value",
            "goal      | {'event': 'buy', 'where': {'attr': 'page.path', 'op': 'eq', 'value': '/'}} | goal.where.attr | invalid_value",
            "goal      | {'event': 'buy', 'where': {'prop': 'total', 'op': 'gte'}} | goal.where.value | required",
            "creative  | {'template': 'lightbox', 'content': {}} | creative.template | invalid_value",
            "creative  | {'template': 'popup'} | creative.content | required",
            "creative  | {'template': 'popup', 'content': 'Hi'} | creative.content | invalid_type",
            "variants  | [{'id': 'a', 'creative': {'template': 'popup', 'content': {'title': 'x'}}}] | variants | invalid_value",
    })
    void aMistakeInAFieldIsReportedAtItsPath(String field, String json, String path, String code) {
        assertError(with(field, json), path, code);
    }

    @Test
    void variantsMustBeANonEmptyListOfUniqueIdsWithPositiveWeights() {
        ObjectNode c = minimal();
        c.remove("creative");
        String popup = "{'template': 'popup', 'content': {'title': 'x'}}";
        c.set("variants", Json.parse("[]"));
        assertError(c, "variants", Codes.INVALID_VALUE);
        c.set("variants", Json.parse("{}"));
        assertError(c, "variants", Codes.INVALID_TYPE);
        c.set("variants", Json.parse("[{'id': 'a', 'creative': " + popup + "}, {'id': 'a', 'creative': " + popup + "}]"));
        assertError(c, "variants[1].id", Codes.DUPLICATE);
        c.set("variants", Json.parse("[{'id': 'a', 'weight': 2.5, 'creative': " + popup + "}]"));
        assertError(c, "variants[0].weight", Codes.INVALID_TYPE);
        c.set("variants", Json.parse("[{'id': 'a', 'weight': 1001, 'creative': " + popup + "}]"));
        assertError(c, "variants[0].weight", Codes.INVALID_VALUE);
        c.set("variants", Json.parse("[{'id': 'a'}]"));
        assertError(c, "variants[0].creative", Codes.REQUIRED);
        c.set("variants", Json.parse("[{'weight': 1, 'creative': " + popup + "}]"));
        assertError(c, "variants[0].id", Codes.REQUIRED);

        c.set("variants", Json.parse("[{'id': 'a', 'weight': 3, 'creative': " + popup + "}, "
                + "{'id': 'b', 'creative': {'template': 'slide_in', 'content': {'text': 'y'}}}]"));
        Campaign parsed = CampaignParser.parse(c);
        assertThat(parsed.variants()).extracting(Variant::id, Variant::weight).containsExactly(tuple("a", 3), tuple("b", 1));
        assertThat(parsed.totalWeight()).isEqualTo(4);
        assertThat(parsed.variant("b").creative().template()).isEqualTo(Template.SLIDE_IN);
    }

    @Test
    void publicationRulesParse() {
        ObjectNode c = minimal();
        c.set("frequency", Json.parse("{'per': 'pageview'}"));
        c.set("stop", Json.parse("{'after_shows': 3, 'after_clicks': 1, 'after_goal': true, 'period': 'day'}"));
        c.set("goal", Json.parse("{'event': 'buy', 'where': {'prop': 'total', 'op': 'gte', 'value': 1000}, 'window': 'session'}"));
        c.set("audience", Json.parse("{'action': 'welcome', 'metric': 'closed', 'op': 'lt', 'value': 3}"));
        Campaign parsed = CampaignParser.parse(c);
        assertThat(parsed.frequency()).isEqualTo(Frequency.EVERY_PAGEVIEW);
        assertThat(parsed.stop()).isEqualTo(new Stop(3, null, 1, true, Stop.Period.DAY));
        assertThat(parsed.goal().window()).isEqualTo(Goal.Window.SESSION);
        assertThat(parsed.goal().where()).isNotNull();
        assertThat(parsed.audience()).isInstanceOfSatisfying(dev.omotenashi.engine.condition.Condition.ActionPredicate.class,
                a -> assertThat(a.metric()).isEqualTo(Metric.CLOSED));

        c.set("frequency", Json.parse("{'per': 'day'}"));
        c.set("goal", Json.parse("{'event': 'buy'}"));
        parsed = CampaignParser.parse(c);
        assertThat(parsed.frequency()).isEqualTo(new Frequency(Frequency.Per.DAY, 1));
        assertThat(parsed.goal().window()).isEqualTo(Goal.Window.SESSION);
    }

    @Test
    void creativeAndVariantsExcludeEachOther() {
        ObjectNode c = with("variants", "[{'id': 'a', 'creative': {'template': 'popup', 'content': {'title': 'x'}}}]");
        assertThat(errors(c)).extracting(ConfigError::path).containsExactly("variants");
        c.remove("creative");
        assertThat(errors(c)).isEmpty();
    }
}
