package dev.omotenashi.engine.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omotenashi.engine.Action;
import dev.omotenashi.engine.decision.Reason;
import dev.omotenashi.engine.testing.Shop;
import dev.omotenashi.engine.testing.ShopVisitor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.omotenashi.engine.testing.Delivered.campaigns;
import static dev.omotenashi.engine.testing.Delivered.only;
import static dev.omotenashi.engine.testing.Delivered.text;
import static dev.omotenashi.engine.testing.ShopVisitor.props;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * S14: on the staff coordination pages, a survey asks the visitor's height once per user and writes it to
 * {@code user.height}; a second campaign then recommends items to those whose height is known.
 */
class S14_HeightSurveyTest {
    private final Shop shop = Shop.open().scenario("S14");

    /** Staff coordination pages list items: the visitor looks at two of them first. */
    private void browseItems(ShopVisitor visitor) {
        visitor.viewWith("/items/101", props("item_id", "101", "name", "リネンワンピース", "price", 8900,
                "url", "https://shop.example/items/101", "image", "https://shop.example/img/101.jpg"));
        shop.after(Duration.ofMinutes(1));
        visitor.viewWith("/items/102", props("item_id", "102", "name", "ワイドパンツ", "price", 6900,
                "url", "https://shop.example/items/102", "image", "https://shop.example/img/102.jpg"));
        shop.after(Duration.ofMinutes(1));
    }

    @Test
    void aStaffPageDeliversTheSurvey() {
        ShopVisitor visitor = shop.pcVisitor();

        List<Action> actions = visitor.view("/staff/1");

        assertThat(campaigns(actions)).containsExactly("height-survey");
        Action survey = only(actions, "height-survey");
        assertThat(survey.template()).isEqualTo("survey");
        JsonNode field = survey.content().get("fields").get(0);
        assertThat(field.get("name").asText()).isEqualTo("height");
        assertThat(field.get("label").asText()).isEqualTo("身長 (cm)");
    }

    @Test
    void otherPagesDoNotAskTheSurvey() {
        ShopVisitor visitor = shop.pcVisitor();

        assertThat(visitor.view("/items/1")).isEmpty();
        assertThat(visitor.whyNot("height-survey", "/staff")).isEqualTo(Reason.PAGE);
    }

    @Test
    void anAnswerWritesTheHeightToTheProfile() {
        ShopVisitor visitor = shop.pcVisitor();
        Action survey = only(visitor.view("/staff/1"), "height-survey");
        visitor.shown(survey);

        visitor.submit(survey, props("height", 162));

        assertThat(visitor.profile().traits().get("height").asDouble()).isEqualTo(162.0);
        assertThat(((Number) visitor.profile().trait("height")).doubleValue()).isEqualTo(162.0);
    }

    @Test
    void afterTheAnswerTheSurveyIsNotAskedAgainAndTheRecommendationIsDelivered() {
        ShopVisitor visitor = shop.pcVisitor();
        browseItems(visitor);
        Action survey = only(visitor.view("/staff/1"), "height-survey");
        visitor.shown(survey);
        shop.after(Duration.ofSeconds(40));
        visitor.submit(survey, props("height", 162));
        shop.after(Duration.ofSeconds(10));

        List<Action> actions = visitor.view("/staff/2");

        assertThat(campaigns(actions)).containsExactly("height-recommendation");
        Action recommendation = only(actions, "height-recommendation");
        assertThat(recommendation.template()).isEqualTo("recommendation");
        assertThat(text(recommendation, "title")).isEqualTo("身長162cmのスタッフのおすすめ");
        assertThat(recommendation.content().get("items")).isNotEmpty();
        assertThat(visitor.whyNot("height-survey", "/staff/3")).isEqualTo(Reason.FREQUENCY);
    }

    @Test
    void oncePerUserHoldsInLaterSessionsToo() {
        ShopVisitor visitor = shop.pcVisitor();
        Action survey = only(visitor.view("/staff/1"), "height-survey");
        visitor.shown(survey);
        visitor.submit(survey, props("height", 170));

        shop.after(Duration.ofDays(7));

        assertThat(campaigns(visitor.view("/staff/5"))).doesNotContain("height-survey");
        assertThat(visitor.whyNot("height-survey", "/staff/5")).isEqualTo(Reason.FREQUENCY);
    }

    @Test
    void withoutAKnownHeightThereIsNoRecommendation() {
        ShopVisitor visitor = shop.pcVisitor();

        visitor.view("/items/1");

        assertThat(visitor.whyNot("height-recommendation", "/items/2")).isEqualTo(Reason.AUDIENCE);
    }
}
