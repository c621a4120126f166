package dev.omotenashi.engine.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omotenashi.engine.Action;
import dev.omotenashi.engine.decision.Reason;
import dev.omotenashi.engine.testing.Shop;
import dev.omotenashi.engine.testing.ShopVisitor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.omotenashi.engine.testing.Delivered.campaigns;
import static dev.omotenashi.engine.testing.Delivered.only;
import static dev.omotenashi.engine.testing.ShopVisitor.props;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * S15: when a PC visitor is about to leave (pointer out through the top), recommend items from their
 * browsing history and what sells now. The engine delivers the action armed with the exit-intent trigger
 * and the items already in {@code content.items}; the tag shows it when the pointer leaves.
 */
class S15_ExitIntentRecommendationTest {
    private final Shop shop = Shop.open().scenario("S15");

    private static void viewItem(ShopVisitor visitor, String id, String name, int price) {
        visitor.viewWith("/items/" + id, props("item_id", id, "name", name, "price", price,
                "url", "https://shop.example/items/" + id, "image", "https://shop.example/img/" + id + ".jpg"));
    }

    private static List<String> itemIds(Action action) {
        JsonNode items = action.content().get("items");
        assertThat(items).as("content.items").isNotNull();
        List<String> ids = new ArrayList<>();
        for (JsonNode item : items) ids.add(item.get("item_id").asText());
        return ids;
    }

    @Test
    void aPcViewIsDeliveredArmedForExitIntentWithViewedItems() {
        ShopVisitor pc = shop.pcVisitor();
        viewItem(pc, "201", "ニットカーディガン", 7900);
        shop.after(Duration.ofMinutes(1));
        viewItem(pc, "202", "ウールコート", 19800);
        shop.after(Duration.ofMinutes(1));

        List<Action> actions = pc.view("/");

        assertThat(campaigns(actions)).containsExactly("exit-recommendation");
        Action action = only(actions, "exit-recommendation");
        assertThat(action.template()).isEqualTo("recommendation");
        assertThat(action.trigger().get("on").asText()).isEqualTo("exit_intent");
        List<String> ids = itemIds(action);
        assertThat(ids).isNotEmpty().hasSizeLessThanOrEqualTo(4).contains("201", "202").doesNotHaveDuplicates();
        JsonNode first = action.content().get("items").get(0);
        assertThat(first.get("name").asText()).isNotBlank();
        assertThat(first.get("url").asText()).startsWith("https://shop.example/items/");
        assertThat(first.has("price")).isTrue();
        assertThat(first.has("image")).isTrue();
    }

    @Test
    void itemsComeOnlyFromViewedOrPopularItems() {
        ShopVisitor other = shop.pcVisitor();
        viewItem(other, "301", "デニムジャケット", 12900);
        viewItem(other, "302", "スニーカー", 9900);
        ShopVisitor pc = shop.pcVisitor();
        viewItem(pc, "201", "ニットカーディガン", 7900);
        shop.after(Duration.ofMinutes(1));

        Action action = only(pc.view("/"), "exit-recommendation");

        assertThat(itemIds(action)).isNotEmpty().contains("201").isSubsetOf("201", "301", "302");
    }

    @Test
    void aVisitorWithoutHistoryGetsWhatIsPopularNow() {
        ShopVisitor other = shop.pcVisitor();
        viewItem(other, "301", "デニムジャケット", 12900);
        viewItem(other, "302", "スニーカー", 9900);
        shop.after(Duration.ofMinutes(5));
        ShopVisitor newcomer = shop.pcVisitor();

        Action action = only(newcomer.view("/"), "exit-recommendation");

        assertThat(itemIds(action)).isNotEmpty().isSubsetOf("301", "302");
    }

    @Test
    void aSmartphoneViewIsNotDelivered() {
        ShopVisitor phone = shop.smartphoneVisitor();
        viewItem(phone, "201", "ニットカーディガン", 7900);

        assertThat(phone.view("/")).isEmpty();
        assertThat(phone.whyNot("exit-recommendation", "/items/201")).isEqualTo(Reason.AUDIENCE);
    }
}
