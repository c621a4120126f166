package dev.omotenashi.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omotenashi.engine.campaign.Campaign;
import dev.omotenashi.engine.campaign.CampaignParser;
import dev.omotenashi.engine.event.Event;
import dev.omotenashi.engine.experiment.Comparison;
import dev.omotenashi.server.measure.CampaignReport;
import dev.omotenashi.server.measure.SiteMeasures;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * A campaign report over 10,000,000 events and 1,000,000 exposures (issue #5: at most 200 ms).
 *
 * <p>Setup (once per fork): one site's {@link SiteMeasures} is fed, through the same {@code apply} the server
 * calls for every request, 10,000,000 recorded events of 1,100,000 visitors over 60 days of a campaign with a
 * 10% control group and three variants: page views (most of them), {@code _action_delivered} (1–3 per
 * visitor), {@code _action_shown} or {@code _action_control} (1–2 per exposed visitor), clicks and closes,
 * with the engine's derived {@code _exposure} (1,000,000: the first exposure of each exposed visitor) and
 * {@code _goal} (4–6% of the exposed, with an order total). Events are built directly in the shapes the
 * engine emits them, without profiles, so the journey phases are not part of this figure.
 *
 * <ul>
 *   <li>{@link #sequentialReport}: the report over the 60 days with the sequential method (one look per day)
 *       and its daily series, rendered to JSON text, as {@code GET …/campaigns/{id}/report} answers.</li>
 *   <li>{@link #fixedReport}: the same with the fixed-horizon method.</li>
 *   <li>{@link #countOneRequest}: what the counters add to one tracked request on the hot path (a page view
 *       and its delivery, 20,000 visitors active in turn); the two events are made in the call, as the
 *       engine makes them anyway.</li>
 * </ul>
 *
 * <p>Run (JDK 21+; setup takes about 20 s and 1 GB):
 * <pre>
 * ./mvnw -q -B -pl bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar CampaignReportBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s -t 1 -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CampaignReportBenchmark {
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final int DAYS = 60;
    static final int VISITORS = 1_100_000;
    static final long EVENTS = 10_000_000;
    static final String[] ARMS = {"a", "b", "c"};
    static final double[] RATES = {0.04, 0.05, 0.06};

    private final ObjectMapper json = new ObjectMapper();
    private SiteMeasures measures;
    private Campaign campaign;
    private LocalDate from, to;
    private long recorded, exposures;
    private List<Event> oneRequest;

    @Setup(Level.Trial)
    public void fill() {
        campaign = CampaignParser.parse(json.valueToTree(java.util.Map.of(
                "id", "exp", "name", "Benchmark", "status", "live", "control", java.util.Map.of("percent", 10),
                "goal", java.util.Map.of("event", "buy", "window", "P7D", "value", "total"),
                "variants", List.of(variant("a"), variant("b"), variant("c")))));
        measures = new SiteMeasures(TOKYO);
        ZonedDateTime start = ZonedDateTime.of(2026, 9, 1, 0, 0, 0, 0, TOKYO);
        from = start.toLocalDate();
        to = from.plusDays(DAYS - 1);
        long t0 = start.toInstant().toEpochMilli();
        SplittableRandom random = new SplittableRandom(42);
        ObjectNode view = JsonNodeFactory.instance.objectNode();
        ObjectNode[] delivered = new ObjectNode[4], shown = new ObjectNode[4], exposure = new ObjectNode[4];
        for (int a = 0; a < 4; a++) {
            boolean control = a == 3;
            String variant = control ? "a" : ARMS[a];
            delivered[a] = props(variant, control);
            shown[a] = props(variant, control);
            exposure[a] = props(variant, control);
        }
        // page views per visitor so that the whole comes to 10,000,000 recorded events
        long actionEvents = 0;
        int[] arm = new int[VISITORS];
        int[] deliveries = new int[VISITORS], shows = new int[VISITORS];
        boolean[] exposed = new boolean[VISITORS];
        for (int v = 0; v < VISITORS; v++) {
            arm[v] = random.nextInt(10) == 0 ? 3 : random.nextInt(3);
            deliveries[v] = 1 + random.nextInt(3);
            exposed[v] = v < 1_000_000;
            shows[v] = exposed[v] ? 1 + random.nextInt(2) : 0;
            actionEvents += deliveries[v] + shows[v];
        }
        double viewsPerVisitor = (double) (EVENTS - actionEvents - 300_000) / VISITORS;
        List<Event> recordedList = new ArrayList<>(16), derived = new ArrayList<>(2);
        for (int v = 0; v < VISITORS; v++) {
            String visitor = "v_" + v;
            long at = t0 + (long) ((double) v / VISITORS * DAYS * 86_400_000L);
            int views = (int) viewsPerVisitor + (random.nextDouble() < viewsPerVisitor % 1 ? 1 : 0);
            int a = arm[v];
            for (int i = 0; i < views; i++) {
                recordedList.clear();
                recordedList.add(new Event("e", "view", at, view));
                if (i < deliveries[v]) recordedList.add(new Event("e", "_action_delivered", at, delivered[a]));
                apply(visitor, recordedList, List.of());
                at += 30_000;
                if (i < shows[v]) {
                    recordedList.clear();
                    derived.clear();
                    recordedList.add(new Event("e", a == 3 ? "_action_control" : "_action_shown", at, shown[a]));
                    if (i == 0) {
                        derived.add(new Event("e", "_exposure", at, exposure[a]));
                        exposures++;
                    }
                    apply(visitor, recordedList, derived);
                    if (a != 3 && random.nextInt(10) == 0) apply(visitor, List.of(new Event("e", "_action_clicked", at, shown[a])), List.of());
                    if (a != 3 && random.nextInt(5) == 0) apply(visitor, List.of(new Event("e", "_action_closed", at, shown[a])), List.of());
                }
            }
            if (exposed[v] && random.nextDouble() < (a == 3 ? 0.04 : RATES[a])) {
                ObjectNode goal = props(a == 3 ? "a" : ARMS[a], a == 3);
                goal.put("exposed_at", at - 60_000);
                goal.put("value", 1000 + random.nextInt(9000));
                ObjectNode buy = JsonNodeFactory.instance.objectNode().put("total", goal.get("value").asInt());
                apply(visitor, List.of(new Event("e", "buy", at, buy)), List.of(new Event("e", "_goal", at, goal)));
            }
        }
        long end = t0 + DAYS * 86_400_000L; // after the data, so the minute ring counts these requests as live ones
        oneRequest = List.of(new Event("e", "view", end, view), new Event("e", "_action_delivered", end, delivered[0]));
        System.out.printf("%nfed %,d recorded events, %,d exposures%n", recorded, exposures);
    }

    private void apply(String visitor, List<Event> recordedEvents, List<Event> derived) {
        recorded += recordedEvents.size();
        measures.apply(visitor, recordedEvents, derived, null, false);
    }

    private static java.util.Map<String, Object> variant(String id) {
        return java.util.Map.of("id", id, "creative", java.util.Map.of("template", "banner", "content", java.util.Map.of("text", id)));
    }

    private static ObjectNode props(String variant, boolean control) {
        return JsonNodeFactory.instance.objectNode().put("campaign", "exp").put("variant", variant)
                .put("action", "a_1").put("control", control);
    }

    @Benchmark
    public String sequentialReport() throws Exception {
        return json.writeValueAsString(CampaignReport.build(campaign, measures, from, to, Comparison.Method.SEQUENTIAL, null));
    }

    @Benchmark
    public String fixedReport() throws Exception {
        return json.writeValueAsString(CampaignReport.build(campaign, measures, from, to, Comparison.Method.FIXED_HORIZON, 100_000L));
    }

    /** 20,000 visitors active in turn, one request every 15 ms of event time: 20,000 in the active map. */
    private final String[] active = java.util.stream.IntStream.range(0, 20_000).mapToObj(i -> "v_active" + i).toArray(String[]::new);
    private int nextActive;
    private long activeClock;

    @Benchmark
    public SiteMeasures countOneRequest() {
        int i = nextActive++ % active.length;
        long at = oneRequest.getFirst().ts() + (activeClock += 15);
        measures.apply(active[i], List.of(new Event("e", "view", at, oneRequest.getFirst().properties()),
                new Event("e", "_action_delivered", at, oneRequest.get(1).properties())), List.of(), null, false);
        return measures;
    }
}
