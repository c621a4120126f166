package dev.omotenashi.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omotenashi.server.store.sqlite.SqliteStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An acknowledged event is durable: the server runs as a separate process, takes events from several
 * clients at once, and is killed with SIGKILL mid-stream. After a restart every acknowledged event id is
 * in the journal exactly once; clients then retry what was not acknowledged (and some of what was), and
 * nothing is counted twice: the profiles the server rebuilt equal the journal's distinct events.
 */
class DurabilityTest {
    private static final String TOKEN = "durability-admin";
    private static final int CLIENTS = 8;
    private static final int VISITORS = 20;

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void acknowledgedEventsSurviveSigkillAndRetriesAreNotCountedTwice() throws Exception {
        int port = freePort();
        Process server = launch(port);
        awaitHealthy(port);
        JsonNode site = TestServer.JSON.readTree(post(port, "/api/v1/sites",
                "{\"id\": \"site_durable\", \"name\": \"d\", \"domains\": [\"shop.example\"]}", true).body());
        String key = site.get("key").asText();

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Map<String, String> sent = new ConcurrentHashMap<>(); // event id → body
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger seq = new AtomicInteger();
        CountDownLatch enough = new CountDownLatch(1500);
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(Thread.ofVirtual().start(() -> {
                while (!stop.get()) {
                    int n = seq.incrementAndGet();
                    String id = "e_d_" + n;
                    String body = body(key, "v_durable" + (n % VISITORS), id);
                    sent.put(id, body);
                    try {
                        HttpResponse<String> r = post(port, "/v1/t", body, false);
                        if (r.statusCode() == 200) {
                            acknowledged.add(id);
                            enough.countDown();
                        }
                    } catch (IOException | InterruptedException e) {
                        // the server died under us: this request was not acknowledged
                    }
                }
            }));
        }
        assertThat(enough.await(60, java.util.concurrent.TimeUnit.SECONDS)).as("the server acknowledged 1500 events").isTrue();
        server.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
        server.waitFor();
        stop.set(true);
        for (Thread t : clients) t.join();

        // restart on the same data: every acknowledged id is there exactly once
        Process again = launch(port);
        awaitHealthy(port);
        // clients retry everything they sent (acknowledged or not), with the same ids
        for (String body : sent.values()) {
            HttpResponse<String> r = post(port, "/v1/t", body, false);
            assertThat(r.statusCode()).isEqualTo(200);
        }
        Map<String, Double> viewsByVisitor = new HashMap<>();
        for (int v = 0; v < VISITORS; v++) {
            JsonNode p = TestServer.JSON.readTree(get(port, "/api/v1/sites/site_durable/profiles/v_durable" + v).body());
            viewsByVisitor.put("v_durable" + v, p.at("/events/view/count_all").asDouble());
        }
        post(port, "/api/v1/sites/site_durable/tokens", "{}", true); // a write after the retries, then a clean stop
        again.destroy();
        again.waitFor();

        try (SqliteStorage storage = SqliteStorage.open(data)) {
            Map<String, Integer> times = new HashMap<>();
            Map<String, Integer> perVisitor = new HashMap<>();
            storage.journal().replay("site_durable", 0, rec -> {
                for (String id : rec.eventIds()) {
                    if (!id.startsWith("e_d_")) continue;
                    times.merge(id, 1, Integer::sum);
                    perVisitor.merge(rec.visitor(), 1, Integer::sum);
                }
            });
            for (String id : acknowledged) {
                assertThat(times.get(id)).as("acknowledged event %s is journaled exactly once", id).isEqualTo(1);
            }
            assertThat(times.values()).allMatch(n -> n == 1);
            assertThat(times.keySet()).containsAll(sent.keySet()); // the retries completed what was lost
            for (var e : viewsByVisitor.entrySet()) {
                assertThat(e.getValue()).as("views of %s equal its distinct journaled events", e.getKey())
                        .isEqualTo(perVisitor.getOrDefault(e.getKey(), 0).doubleValue());
            }
        }
    }

    private static String body(String key, String visitor, String id) {
        return """
                {"site": "%s", "visitor": "%s", "page": {"url": "https://shop.example/items/1"},
                 "events": [{"id": "%s", "name": "view"}], "decide": true}""".formatted(key, visitor, id);
    }

    private Process launch(int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "dev.omotenashi.server.cli.Main", "serve", "--port", Integer.toString(port), "--data", data.toString(),
                "--rate-limit-client", "0");
        pb.environment().put("OMOTENASHI_ADMIN_TOKEN", TOKEN);
        pb.redirectErrorStream(true);
        pb.redirectOutput(data.resolve("server-" + System.nanoTime() + ".log").toFile());
        return pb.start();
    }

    private void awaitHealthy(int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (get(port, "/ready").statusCode() == 200) return;
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(100); // polling a separate process's start-up, not waiting for time to pass
        }
        throw new AssertionError("the server did not start within 60 s");
    }

    private HttpResponse<String> post(int port, String path, String body, boolean admin) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                // the site's creation may wait for the user-agent rules being built: seconds on a busy machine
                .timeout(Duration.ofSeconds(admin ? 60 : 10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (admin) b.header("Authorization", "Bearer " + TOKEN);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + TOKEN).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
