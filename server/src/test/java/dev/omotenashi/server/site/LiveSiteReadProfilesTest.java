package dev.omotenashi.server.site;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.omotenashi.engine.ClientContext;
import dev.omotenashi.engine.Page;
import dev.omotenashi.engine.SiteEngine;
import dev.omotenashi.engine.TrackRequest;
import dev.omotenashi.engine.config.SiteSettings;
import dev.omotenashi.engine.event.Event;
import dev.omotenashi.engine.profile.Profile;
import dev.omotenashi.server.store.SiteRecord;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read of every profile goes a slice at a time: each profile the site still holds when its turn comes is
 * shown once; a person forgotten before their turn, or a visitor first seen after the walk began, is not.
 */
class LiveSiteReadProfilesTest {
    private final SiteEngine engine = new SiteEngine(SiteSettings.of(ZoneId.of("Asia/Tokyo")), Clock.systemUTC());
    private final LiveSite site = new LiveSite(new SiteRecord("shop", "Shop", "pk_shop", "wk_shop", List.of("shop.example"),
            "Asia/Tokyo", 1800, "{}", 1, 1), engine);

    @Test
    void eachProfileStillHeldIsShownOnceAndThoseThatLeftOrCameLaterAreNot() {
        int people = 2_500; // three slices
        for (int i = 0; i < people; i++) track("v_visitor" + i, i % 10 == 0 ? "u_" + i : null);
        List<String> seen = new ArrayList<>();
        long visited = site.readProfiles(p -> {
            seen.add(p.visitorIds().getFirst());
            if (seen.size() == 1) { // requests that come in while the walk goes on (the lock is reentrant)
                for (int i = 0; i < people; i += 10) {
                    if (!p.visitorIds().contains("v_visitor" + i)) {
                        engine.forget("u_" + i); // one person leaves before their turn
                        break;
                    }
                }
                track("v_latecomer", null);
            }
        });
        assertThat(visited).isEqualTo(people - 1).isEqualTo(seen.size());
        assertThat(seen).doesNotHaveDuplicates().doesNotContain("v_latecomer");
        assertThat(engine.profiles()).hasSize(people); // 2,500 - 1 forgotten + 1 latecomer
        for (Profile p : engine.profiles()) {
            String v = p.visitorIds().getFirst();
            assertThat(seen.contains(v)).as(v).isEqualTo(!v.equals("v_latecomer"));
        }
    }

    private void track(String visitor, String user) {
        site.exclusive(() -> engine.track(new TrackRequest(visitor, user, null, new Page("https://shop.example/", "top", null),
                new ClientContext(null, null, null, null),
                List.of(new Event("e_" + visitor, "view", System.currentTimeMillis(), JsonNodeFactory.instance.objectNode())), false)));
    }
}
