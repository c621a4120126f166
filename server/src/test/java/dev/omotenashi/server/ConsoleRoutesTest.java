package dev.omotenashi.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omotenashi.server.store.sqlite.SqliteStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's files at /console/ and the template gallery's route. */
class ConsoleRoutesTest {
    @TempDir
    Path data;
    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(data, SqliteStorage::open);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void indexHtmlAnswersTheConsoleAndEveryClientRouteWithAStrictPolicy() {
        for (String path : new String[]{"/console", "/console/", "/console/sites/shop_main/campaigns", "/console/tokens"}) {
            TestServer.Reply r = server.send("GET", path, null);
            assertThat(r.status()).as(path).isEqualTo(200);
            assertThat(r.header("Content-Type")).startsWith("text/html");
            assertThat(r.body()).contains("<div id=\"app\"");
            assertThat(r.header("Cache-Control")).isEqualTo("no-cache");
            assertThat(r.header("Content-Security-Policy")).contains("script-src 'self'").contains("frame-ancestors 'none'");
            assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
        }
    }

    @Test
    void hashedAssetsAreCachedForAYearAndMissingFilesAre404() {
        String index = server.send("GET", "/console/", null).body();
        Matcher js = Pattern.compile("/console/(app-[A-Z0-9]{8}\\.js)").matcher(index);
        assertThat(js.find()).isTrue();
        TestServer.Reply asset = server.send("GET", "/console/" + js.group(1), null);
        assertThat(asset.status()).isEqualTo(200);
        assertThat(asset.header("Content-Type")).startsWith("application/javascript");
        assertThat(asset.header("Cache-Control")).contains("immutable");
        assertThat(server.send("GET", "/console/app-NOTTHERE.js", null).status()).isEqualTo(404);
    }

    @Test
    void theGalleryHasEveryTemplateInJapaneseAndEnglish() {
        TestServer.Reply r = server.admin("GET", "/api/v1/templates", null);
        assertThat(r.status()).isEqualTo(200);
        JsonNode templates = r.json().get("templates");
        assertThat(templates).hasSize(18);
        for (JsonNode t : templates) {
            for (String lang : new String[]{"ja", "en"}) {
                assertThat(t.at("/title/" + lang).asText()).as(t.get("id") + " " + lang).isNotBlank();
                assertThat(t.at("/explanation/" + lang).asText()).as(t.get("id") + " " + lang).isNotBlank();
            }
            assertThat(t.get("campaigns")).as(t.get("id").asText()).isNotEmpty();
        }
        assertThat(templates.get(0).at("/title/ja").asText()).isEqualTo("初回訪問のお客様へのご挨拶");
    }

    @Test
    void installingEveryTemplateThroughTheAdminApiValidates() {
        server.createSite("site_alpha");
        for (JsonNode t : server.admin("GET", "/api/v1/templates", null).json().get("templates")) {
            String base = "/api/v1/sites/site_alpha/";
            for (JsonNode s : t.get("segments")) put(base + "segments/" + s.get("id").asText(), s);
            for (JsonNode d : t.get("event_definitions")) put(base + "event-definitions/" + d.get("name").asText(), d);
            for (JsonNode c : t.get("campaigns")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) c).put("status", "paused");
                put(base + "campaigns/" + c.get("id").asText(), c);
            }
        }
    }

    private void put(String path, JsonNode body) {
        TestServer.Reply r = server.admin("PUT", path, body.toString());
        assertThat(r.status()).as(path + ": " + r.body()).isIn(200, 201);
    }
}
