package dev.omotenashi.engine.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import static org.assertj.core.api.Assertions.assertThat;

/**
 * S11: a smartphone visitor (not a member) who hesitates, three minutes or more into the session, is offered
 * a call button. Written two ways: the duration in the audience (decided on a later page view), or the
 * {@code session_time} trigger (delivered at once, shown by the tag when the session is 180 s old).
 */
class S11_PhoneSupportSmartphoneTest {
    private final Shop shop = Shop.open();

    @Test
    void aSmartphoneViewFourMinutesIntoTheSessionGetsTheCallButton() {
        shop.scenario("S11");
        ShopVisitor phone = shop.smartphoneVisitor();
        phone.view("/");
        shop.after(Duration.ofMinutes(4));

        List<Action> actions = phone.view("/items/3");

        assertThat(campaigns(actions)).containsExactly("phone-support");
        Action call = only(actions, "phone-support");
        assertThat(call.template()).isEqualTo("call_button");
        assertThat(text(call, "tel")).contains("0120-123-456");
        assertThat(call.trigger().get("on").asText()).isEqualTo("load");
    }

    @Test
    void exactlyThreeMinutesIsEnough() {
        shop.scenario("S11");
        ShopVisitor phone = shop.smartphoneVisitor();
        phone.view("/");
        shop.after(Duration.ofSeconds(180));

        assertThat(campaigns(phone.view("/items/3"))).containsExactly("phone-support");
    }

    @Test
    void aPcViewFourMinutesIntoTheSessionDoesNot() {
        shop.scenario("S11");
        ShopVisitor pc = shop.pcVisitor();
        pc.view("/");
        shop.after(Duration.ofMinutes(4));

        assertThat(pc.view("/items/3")).isEmpty();
        assertThat(pc.whyNot("phone-support", "/items/4")).isEqualTo(Reason.AUDIENCE);
    }

    @Test
    void aSmartphoneViewSixtySecondsIntoTheSessionDoesNot() {
        shop.scenario("S11");
        ShopVisitor phone = shop.smartphoneVisitor();
        phone.view("/");
        shop.after(Duration.ofSeconds(60));

        assertThat(phone.view("/items/3")).isEmpty();
        assertThat(phone.whyNot("phone-support", "/items/4")).isEqualTo(Reason.AUDIENCE);
    }

    @Test
    void aSmartphoneMemberDoesNot() {
        shop.scenario("S11");
        ShopVisitor member = shop.smartphoneVisitor();
        member.view("/");
        member.identify("u_1101");
        shop.after(Duration.ofMinutes(4));

        assertThat(member.view("/items/3")).isEmpty();
    }

    @Test
    void writtenWithTheSessionTimeTriggerASixtySecondViewIsDeliveredArmedForSecond180() {
        shop.scenario("S11b");
        ShopVisitor phone = shop.smartphoneVisitor();
        phone.view("/");
        shop.after(Duration.ofSeconds(60));

        List<Action> actions = phone.view("/items/3");

        assertThat(campaigns(actions)).containsExactly("phone-support");
        ObjectNode trigger = only(actions, "phone-support").trigger();
        assertThat(trigger.get("on").asText()).isEqualTo("session_time");
        assertThat(trigger.get("seconds").asInt()).isEqualTo(180);
        assertThat(trigger.size()).isEqualTo(2);
        assertThat(phone.lastResult().sessionStartedAt()).isEqualTo(shop.clock().millis() - 60_000);
    }

    @Test
    void writtenWithTheSessionTimeTriggerAPcIsStillNotDelivered() {
        shop.scenario("S11b");
        ShopVisitor pc = shop.pcVisitor();
        pc.view("/");
        shop.after(Duration.ofSeconds(60));

        assertThat(pc.view("/items/3")).isEmpty();
    }
}
