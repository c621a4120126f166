package dev.omotenashi.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The scenario bundles moved under the demo shop's /demo prefix. */
class DemoPathsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String s) {
        try {
            return JSON.readTree(s.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void pagePathsAndSitePathLinksMove() {
        JsonNode campaign = json("{'pages': {'all': [{'not': {'attr': 'page.path', 'op': 'starts_with', 'value': '/sale'}},"
                + " {'attr': 'page.path', 'op': 'eq', 'value': '/'}, {'attr': 'page.path', 'op': 'in', 'value': ['/cart', '/items/1']},"
                + " {'attr': 'page.path', 'op': 'matches', 'value': '^/staff/[0-9]+$'}]},"
                + " 'creative': {'template': 'popup', 'content': {'title': '/not/a/link', 'link': '/sale/winter'}},"
                + " 'variants': [{'id': 'b', 'creative': {'template': 'banner', 'content': {'text': 'x', 'link': 'https://instagram.com/x'}}}]}");

        JsonNode moved = DemoPaths.mount(campaign, "/demo");

        JsonNode all = moved.at("/pages/all");
        assertThat(all.at("/0/not/value").asText()).isEqualTo("/demo/sale");
        assertThat(all.at("/1/value").asText()).isEqualTo("/demo/");
        assertThat(all.at("/2/value").toString()).isEqualTo("[\"/demo/cart\",\"/demo/items/1\"]");
        assertThat(all.at("/3/value").asText()).isEqualTo("^/demo/staff/[0-9]+$");
        assertThat(moved.at("/creative/content/link").asText()).isEqualTo("/demo/sale/winter");
        assertThat(moved.at("/creative/content/title").asText()).isEqualTo("/not/a/link");
        assertThat(moved.at("/variants/0/creative/content/link").asText()).isEqualTo("https://instagram.com/x");
        assertThat(campaign.at("/creative/content/link").asText()).as("the input is left alone").isEqualTo("/sale/winter");
    }

    @Test
    void eventPropertyPathsAndLandingPathsMoveOtherAttributesDoNot() {
        JsonNode c = json("{'audience': {'all': [{'event': 'view', 'where': {'prop': 'path', 'op': 'eq', 'value': '/campaign'}, 'agg': 'count', 'op': 'gte', 'value': 3},"
                + " {'attr': 'session.landing_path', 'op': 'eq', 'value': '/lp'}, {'attr': 'user.home', 'op': 'eq', 'value': '/home'}]}}");

        JsonNode moved = DemoPaths.mount(c, "/demo");

        assertThat(moved.at("/audience/all/0/where/value").asText()).isEqualTo("/demo/campaign");
        assertThat(moved.at("/audience/all/0/value").asInt()).isEqualTo(3);
        assertThat(moved.at("/audience/all/1/value").asText()).isEqualTo("/demo/lp");
        assertThat(moved.at("/audience/all/2/value").asText()).isEqualTo("/home");
    }
}
