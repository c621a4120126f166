package dev.omotenashi.engine.campaign;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omotenashi.engine.config.Codes;
import dev.omotenashi.engine.config.ConfigError;
import dev.omotenashi.engine.config.Json;
import dev.omotenashi.engine.config.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Each built-in template's content is checked against its schema (docs/templates.md). */
class ContentSchemaTest {

    private static ObjectNode campaign(String template, String content) {
        return (ObjectNode) Json.parse("{'id': 'c', 'name': 'C', 'creative': {'template': '" + template + "', 'content': " + content + "}}");
    }

    private static List<ConfigError> errors(String template, String content) {
        return Problems.of(() -> CampaignParser.parse(campaign(template, content)));
    }

    /** The smallest valid content of each template. */
    private static String minimalContent(Template t) {
        return switch (t) {
            case POPUP, SLIDE_IN -> "{'title': 'Welcome'}";
            case BANNER -> "{'image': '/img/sale.png'}";
            case NOTICE_BAR, CHAT_INVITE -> "{'text': 'Hello'}";
            case COUPON -> "{'code': 'WELCOME10'}";
            case SURVEY -> "{'fields': [{'name': 'height', 'label': 'Height (cm)', 'type': 'number', 'trait': 'height'}]}";
            case RECOMMENDATION -> "{}";
            case CALL_BUTTON -> "{'tel': '0120-123-456'}";
            case HTML -> "{'html': '<p>Hi</p>'}";
        };
    }

    @ParameterizedTest
    @EnumSource(Template.class)
    void theMinimalContentOfEveryTemplateIsValid(Template template) {
        assertThat(errors(template.json(), minimalContent(template))).isEmpty();
    }

    @Test
    void modalTemplatesAreThoseThatCoverThePage() {
        assertThat(List.of(Template.values())).filteredOn(Template::modal)
                .containsExactlyInAnyOrder(Template.POPUP, Template.COUPON, Template.SURVEY, Template.RECOMMENDATION);
        assertThat(Template.HTML.modal()).isFalse();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "coupon         | {}                                  | creative.content.code        | required",
            "notice_bar     | {'link': '/x'}                      | creative.content.text        | required",
            "notice_bar     | {'text': ' '}                       | creative.content.text        | invalid_value",
            "call_button    | {}                                  | creative.content.tel         | required",
            "call_button    | {'tel': 'call us'}                  | creative.content.tel         | invalid_value",
            "html           | {}                                  | creative.content.html        | required",
            "chat_invite    | {'title': 'Hi'}                     | creative.content.text        | required",
            "survey         | {'title': 'Tell us'}                | creative.content.fields      | required",
            "survey         | {'fields': []}                      | creative.content.fields      | invalid_value",
            "popup          | {'button_text': 'Go'}               | creative.content             | required",
            "banner         | {'alt': 'Sale'}                     | creative.content             | required",
            "popup          | {'title': 'Hi', 'buton_text': 'Go'} | creative.content.buton_text  | unknown_field",
            "popup          | {'title': 5}                        | creative.content.title       | invalid_type",
            "popup          | {'title': 'Hi', 'link': 'javascript:alert(1)'} | creative.content.link | invalid_value",
            "popup          | {'title': 'Hi', 'link': '{{ user.url }}'}      | creative.content.link | invalid_value",
            "popup          | {'title': 'Hi', 'image': 'data:image/png;base64,AAAA'} | creative.content.image | invalid_value",
            "banner         | {'text': 'Sale', 'position': 'middle'} | creative.content.position | invalid_value",
            "recommendation | {'source': 'random'}                | creative.content.source      | invalid_value",
            "recommendation | {'limit': 21}                       | creative.content.limit       | invalid_value",
            "recommendation | {'limit': 0}                        | creative.content.limit       | invalid_value",
            "recommendation | {'items': []}                       | creative.content.items       | unknown_field",
            "notice_bar     | {'text': 'Only {{ 5000 - x yen'}    | creative.content.text        | invalid_placeholder",
            "notice_bar     | {'text': 'Hi {{ }}'}                | creative.content.text        | invalid_placeholder",
    })
    void aContentMistakeIsReportedAtItsPath(String template, String content, String path, String code) {
        assertThat(errors(template, content)).extracting(ConfigError::path, ConfigError::code).contains(tuple(path, code));
    }

    @Test
    void textLongerThanTheLimitIsRejected() {
        String long_ = "x".repeat(ContentSchema.MAX_TEXT + 1);
        assertThat(errors("notice_bar", "{'text': '" + long_ + "'}")).extracting(ConfigError::path).containsExactly("creative.content.text");
        assertThat(errors("html", "{'html': '" + long_ + "'}")).isEmpty();
    }

    @Test
    void linksMayHoldPlaceholdersAfterASafePrefix() {
        assertThat(errors("popup", "{'title': 'Hi', 'link': '/items/{{ user.favorite ?? \"\" }}', 'image': 'https://cdn.example/a.png'}")).isEmpty();
        assertThat(errors("popup", "{'title': 'Hi', 'link': 'tel:0120123456'}")).isEmpty();
        assertThat(errors("popup", "{'title': 'Hi', 'link': 'HTTPS://shop.example/'}")).isEmpty();
    }

    @Test
    void defaultsAreFilledIn() {
        Creative recommendation = CampaignParser.parse(campaign("recommendation", "{'title': 'For you'}")).variants().get(0).creative();
        assertThat(recommendation.content().toString()).isEqualTo("{\"title\":\"For you\",\"source\":\"mixed\",\"limit\":4}");
        Creative bar = CampaignParser.parse(campaign("notice_bar", "{'text': 'x', 'position': 'bottom'}")).variants().get(0).creative();
        assertThat(bar.content().get("position").textValue()).isEqualTo("bottom");
    }

    @Test
    void surveyFieldsNameTheTraitTheyWrite() {
        List<ConfigError> errors = errors("survey", """
                {"fields": [
                  {"name": "height", "label": "Height", "type": "number"},
                  {"name": "height", "label": "Height again", "type": "number", "trait": "h2"},
                  {"name": "size", "label": "Size", "type": "select", "trait": "size"},
                  {"name": "note", "label": "Note", "type": "text", "trait": "note", "options": ["a"]},
                  {"name": "2x", "label": "", "type": "slider", "trait": "_private"},
                  {"name": "color", "label": "Color {{ user.name", "type": "radio", "trait": "color", "options": ["red", "red", ""]},
                  {"name": "ok", "label": "OK", "type": "checkbox", "trait": "size", "requird": true}
                ]}""");
        assertThat(errors).extracting(ConfigError::path, ConfigError::code).containsExactlyInAnyOrder(
                tuple("creative.content.fields[0].trait", Codes.REQUIRED),
                tuple("creative.content.fields[1].name", Codes.DUPLICATE),
                tuple("creative.content.fields[2].options", Codes.REQUIRED),
                tuple("creative.content.fields[3].options", Codes.INVALID_VALUE),
                tuple("creative.content.fields[4].name", Codes.INVALID_VALUE),
                tuple("creative.content.fields[4].label", Codes.INVALID_VALUE),
                tuple("creative.content.fields[4].type", Codes.INVALID_VALUE),
                tuple("creative.content.fields[4].trait", Codes.INVALID_VALUE),
                tuple("creative.content.fields[5].options[1]", Codes.DUPLICATE),
                tuple("creative.content.fields[5].options[2]", Codes.INVALID_VALUE),
                tuple("creative.content.fields[5].label", Codes.INVALID_PLACEHOLDER),
                tuple("creative.content.fields[6].requird", Codes.UNKNOWN_FIELD),
                tuple("creative.content.fields[6].trait", Codes.DUPLICATE));
    }

    @Test
    void theContentIsAPrivateCopy() {
        ObjectNode json = campaign("popup", "{'title': 'Hi'}");
        Campaign c = CampaignParser.parse(json);
        ((ObjectNode) json.get("creative").get("content")).put("title", "changed");
        assertThat(c.variants().get(0).creative().content().get("title").textValue()).isEqualTo("Hi");
    }
}
