package dev.omotenashi.server.http;

import dev.omotenashi.server.App;
import dev.omotenashi.server.TestServer;
import dev.omotenashi.server.store.sqlite.SqliteStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo shop at /demo/: pages carry the demo site's key, files come only from the shop's folder. */
class DemoRoutesTest {
    @TempDir
    Path data;
    TestServer server;

    private TestServer demo() {
        server = TestServer.start(new App.Options(0, data, null, TestServer.ADMIN, true).withDemoShop("demo-shop"), SqliteStorage::open);
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    @Test
    void everyShopPageIsTheShellWithTheDemoSitesKey() {
        String key = demo().createSite("demo-shop").get("key").asText();

        for (String path : new String[] {"/demo/", "/demo/items/7", "/demo/cart", "/demo/signup/complete"}) {
            TestServer.Reply page = server.send("GET", path, null);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.header("Content-Type")).startsWith("text/html");
            assertThat(page.body()).contains("omotenashi('init', '" + key + "'").doesNotContain(DemoRoutes.KEY_PLACEHOLDER);
        }
        assertThat(server.send("GET", "/demo", null).status()).isEqualTo(302);
    }

    @Test
    void staticFilesAreServedWithTheirTypes() {
        demo().createSite("demo-shop");

        assertThat(server.send("GET", "/demo/assets/shop.css", null).header("Content-Type")).startsWith("text/css");
        assertThat(server.send("GET", "/demo/assets/shop.js", null).header("Content-Type")).startsWith("text/javascript");
        TestServer.Reply svg = server.send("GET", "/demo/img/item-1.svg", null);
        assertThat(svg.header("Content-Type")).isEqualTo("image/svg+xml");
        assertThat(svg.body()).startsWith("<svg");
    }

    @Test
    void nothingOutsideTheShopsFilesIsReachable() {
        demo().createSite("demo-shop");

        for (String path : new String[] {"/demo/assets/nope.css", "/demo/shop.html", "/demo/assets/..%2F..%2Fscenarios%2Findex.json",
                "/demo/img/..%2F..%2F..%2Flogback.xml", "/demo/assets/shop.java", "/demo/assets/a%5Cb.js"}) {
            assertThat(server.send("GET", path, null).status()).as(path).isEqualTo(404);
        }
    }

    @Test
    void withoutTheDemoSiteThePagesAreNotFound() {
        demo();
        assertThat(server.send("GET", "/demo/", null).status()).isEqualTo(404);
    }

    @Test
    void serveHasNoDemoShop() {
        server = TestServer.start(data, SqliteStorage::open);
        server.createSite("demo-shop");
        assertThat(server.send("GET", "/demo/", null).status()).isEqualTo(404);
    }
}
