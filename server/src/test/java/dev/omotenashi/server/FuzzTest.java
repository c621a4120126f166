package dev.omotenashi.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omotenashi.server.store.sqlite.SqliteStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated bad requests against both tracking doors: mutated valid bodies (wrong types, missing and
 * unknown fields, deep nesting, huge strings, reserved names, invalid UTF-8, garbage bytes). Zero 5xx,
 * the server stays up, and what was rejected left no trace: the journal holds exactly the accepted
 * requests. A short run in the test suite; {@code -Dfuzz.requests=100000} for the long run
 * (docs/performance.md).
 */
class FuzzTest {
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 1500);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @TempDir
    Path data;

    @Test
    void badRequestsNeverCauseA5xxNorLeaveState() throws Exception {
        try (TestServer server = TestServer.start(data, SqliteStorage::open, new App.RateLimits(0, 0))) {
            JsonNode site = server.createSite("site_fuzz1");
            String key = site.get("key").asText();
            String writeKey = site.get("write_key").asText();
            SplittableRandom r = new SplittableRandom(42);
            Set<String> acceptedIds = new HashSet<>();
            int[] byStatus = new int[600];
            for (int i = 0; i < REQUESTS; i++) {
                boolean segment = r.nextInt(4) == 0;
                byte[] body = segment ? bytes(mutate(segmentMessage(i), r, 0), r) : bytes(mutate(tagRequest(key, i), r, 0), r);
                TestServer.Reply reply = segment
                        ? server.sendBytes("POST", "/v1/" + pick(r, List.of("track", "page", "identify", "batch", "alias")), body,
                        "Authorization", "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes()), "Content-Type", "application/json")
                        : server.sendBytes("POST", "/v1/t", body, "Content-Type", r.nextBoolean() ? "application/json" : "text/plain");
                assertThat(reply.status()).as("request %d answered %s", i, reply.body()).isLessThan(500);
                byStatus[reply.status()]++;
                if (reply.status() == 200) ids(TestServer.JSON.readTree(body), acceptedIds);
            }
            assertThat(server.send("GET", "/health", null).status()).isEqualTo(200);
            assertThat(byStatus[400]).as("most mutants are rejected").isGreaterThan(REQUESTS / 3);
            List<String> journaled = new ArrayList<>();
            server.app().storage().journal().replay("site_fuzz1", 0, rec -> journaled.addAll(rec.eventIds()));
            assertThat(journaled).as("something was accepted").isNotEmpty();
            for (String id : journaled) {
                if (id.matches("[ae]_[0-9A-Z]{26}")) continue; // minted by the server: delivered actions, Segment messages without id
                assertThat(acceptedIds).as("journaled id %s came from an accepted request", id).contains(id);
            }
        }
    }

    /** Every event id ({@code id}, {@code messageId}) inside an accepted body. */
    private static void ids(JsonNode n, Set<String> out) {
        if (n == null) return;
        if (n.isObject()) {
            JsonNode id = n.get("id");
            if (id != null && id.isValueNode()) out.add(id.asText());
            JsonNode mid = n.get("messageId");
            if (mid != null && mid.isValueNode()) out.add(mid.asText());
        }
        n.forEach(child -> ids(child, out));
    }

    private static ObjectNode tagRequest(String key, int i) {
        ObjectNode o = F.objectNode();
        o.put("site", key);
        o.put("visitor", "v_fuzzvisitor" + (i % 50));
        o.putObject("page").put("url", "https://shop.example/items/" + i).put("title", "t");
        o.putObject("context").put("mobile", false).put("lang", "ja-JP");
        ArrayNode events = o.putArray("events");
        events.addObject().put("id", "e_fuzz_" + i).put("name", "view");
        events.addObject().put("id", "e_fuzz_c_" + i).put("name", "cart").putObject("properties").put("in_cart_price", 4500);
        o.put("decide", true);
        return o;
    }

    private static ObjectNode segmentMessage(int i) {
        ObjectNode o = F.objectNode();
        o.put("anonymousId", "anon-fuzz-" + (i % 50));
        o.put("event", "cart");
        o.put("messageId", "m_fuzz_" + i);
        o.putObject("properties").put("in_cart_price", 3000);
        return o;
    }

    /** A mutated copy of a JSON tree: one to three random changes, anywhere in it. */
    private static JsonNode mutate(JsonNode node, SplittableRandom r, int depth) {
        JsonNode copy = node.deepCopy();
        int changes = 1 + r.nextInt(3);
        for (int c = 0; c < changes; c++) copy = mutateOnce(copy, r);
        return copy;
    }

    private static JsonNode mutateOnce(JsonNode root, SplittableRandom r) {
        List<ObjectNode> objects = new ArrayList<>();
        collect(root, objects);
        if (objects.isEmpty() || r.nextInt(20) == 0) return weird(r);
        ObjectNode target = objects.get(r.nextInt(objects.size()));
        List<String> fields = new ArrayList<>();
        target.fieldNames().forEachRemaining(fields::add);
        String field = fields.isEmpty() ? "x" : fields.get(r.nextInt(fields.size()));
        switch (r.nextInt(6)) {
            case 0 -> target.remove(field);
            case 1 -> target.set(field, weird(r));
            case 2 -> target.set(pick(r, List.of("_x", "", "a".repeat(200), "events", "__proto__")), weird(r));
            case 3 -> target.put(field, pick(r, List.of("_action_delivered", "view~abc", "\u0000", "\uD800", "x".repeat(70_000))));
            case 4 -> target.set(field, deep(r.nextInt(60)));
            default -> target.set(field, F.arrayNode().add(weird(r)).add(weird(r)));
        }
        return root;
    }

    private static void collect(JsonNode n, List<ObjectNode> out) {
        if (n instanceof ObjectNode o) out.add(o);
        n.forEach(child -> collect(child, out));
    }

    private static JsonNode weird(SplittableRandom r) {
        return switch (r.nextInt(9)) {
            case 0 -> F.nullNode();
            case 1 -> F.numberNode(r.nextLong());
            case 2 -> F.numberNode(-1e308 * r.nextDouble());
            case 3 -> F.booleanNode(r.nextBoolean());
            case 4 -> F.textNode("");
            case 5 -> F.arrayNode();
            case 6 -> F.objectNode();
            case 7 -> {
                ArrayNode a = F.arrayNode();
                for (int i = 0; i < 150; i++) a.addObject().put("id", "e" + i).put("name", "view");
                yield a;
            }
            default -> F.textNode("ü\u3042\uD83C\uDF63" + r.nextInt());
        };
    }

    private static JsonNode deep(int depth) {
        ObjectNode root = F.objectNode();
        ObjectNode cur = root;
        for (int i = 0; i < depth; i++) cur = cur.putObject("n");
        return root;
    }

    /** The body's bytes; sometimes broken at the byte level (truncated, invalid UTF-8, garbage). */
    private static byte[] bytes(JsonNode node, SplittableRandom r) {
        byte[] b = node.toString().getBytes(StandardCharsets.UTF_8);
        return switch (r.nextInt(12)) {
            case 0 -> java.util.Arrays.copyOf(b, r.nextInt(Math.max(1, b.length)));
            case 1 -> {
                byte[] c = b.clone();
                c[r.nextInt(c.length)] = (byte) (0x80 | r.nextInt(0x40)); // a lone continuation byte
                yield c;
            }
            case 2 -> {
                byte[] g = new byte[r.nextInt(200)];
                r.nextBytes(g);
                yield g;
            }
            default -> b;
        };
    }

    private static <T> T pick(SplittableRandom r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }
}
