package dev.omotenashi.server.http;

import dev.omotenashi.server.TestServer;
import dev.omotenashi.server.store.sqlite.SqliteStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /t.js}: the tag module's build, served from the classpath to anyone. */
class TagRoutesTest {
    @TempDir
    Path data;
    TestServer server;
    final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        server = TestServer.start(data, SqliteStorage::open);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<byte[]> get(String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + "/t.js")).GET();
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theTagIsServedAsJavaScriptWithCachingHeaders() throws Exception {
        HttpResponse<byte[]> r = get();
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/javascript; charset=utf-8");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue(TagRoutes.CACHE_CONTROL);
        assertThat(r.headers().firstValue("ETag")).hasValueSatisfying(e -> assertThat(e).matches("\"[0-9a-f]{24}\""));
        assertThat(r.headers().firstValue("Content-Encoding")).isEmpty();
        String js = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(js).contains("omotenashi").contains("/v1/t");
        try (var in = TagRoutes.class.getResourceAsStream(TagRoutes.RESOURCE)) {
            assertThat(r.body()).isEqualTo(in.readAllBytes());
        }
    }

    @Test
    void aClientThatTakesGzipGetsTheSameScriptGzipped() throws Exception {
        HttpResponse<byte[]> plain = get();
        HttpResponse<byte[]> r = get("Accept-Encoding", "gzip, deflate, br");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(r.headers().firstValue("Vary")).hasValueSatisfying(v -> assertThat(v).contains("Accept-Encoding"));
        assertThat(r.body().length).isLessThan(plain.body().length / 2);
        try (var in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain.body());
        }
        assertThat(r.headers().firstValue("ETag")).isNotEqualTo(plain.headers().firstValue("ETag"));
    }

    @Test
    void aCachedCopyIsRevalidatedByItsETag() throws Exception {
        String etag = get().headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> r = get("If-None-Match", etag);
        assertThat(r.statusCode()).isEqualTo(304);
        assertThat(r.body()).isEmpty();
        assertThat(get("If-None-Match", "\"stale\"").statusCode()).isEqualTo(200);
    }

    @Test
    void theRouteIsDeclaredPublic() {
        assertThat(server.app().routes()).contains(new Router.Route(Router.Method.GET, "/t.js", Router.Access.PUBLIC));
    }

    @Test
    void gzipIsTakenWhenNamedWithoutQZero() {
        assertThat(TagRoutes.acceptsGzip("gzip")).isTrue();
        assertThat(TagRoutes.acceptsGzip("br;q=1.0, gzip;q=0.8")).isTrue();
        assertThat(TagRoutes.acceptsGzip("*")).isTrue();
        assertThat(TagRoutes.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(TagRoutes.acceptsGzip("gzip; q=0.0")).isFalse();
        assertThat(TagRoutes.acceptsGzip("identity")).isFalse();
        assertThat(TagRoutes.acceptsGzip(null)).isFalse();
    }
}
