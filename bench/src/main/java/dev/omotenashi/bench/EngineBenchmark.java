package dev.omotenashi.bench;

import dev.omotenashi.engine.SiteEngine;
import dev.omotenashi.engine.TrackRequest;
import dev.omotenashi.engine.TrackResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;

/**
 * Throughput of {@link SiteEngine#track} on one thread, replaying the demo shop's traffic
 * ({@link ShopTraffic}: 100,000 visitor ids drawn by a Zipf law, ~75% page views, ad landings, sessions
 * that come and go on a simulated clock) against the S01–S17 scenario campaigns plus 50 synthetic ones
 * ({@link DemoShop#fullConfig()}, 71 campaigns). One operation is one {@code track} call; every request of
 * the visitor's own events carries one event. Results and their analysis: docs/performance.md.
 *
 * <ul>
 *   <li>{@link #applyOneEvent}: {@code decide: false}, the event is applied only (target: 1,000,000 ops/s).</li>
 *   <li>{@link #applyAndDecide}: {@code decide: true} on every request: apply, then decide over all 71
 *       campaigns, render the winners and record their deliveries (target: 200,000 ops/s).</li>
 *   <li>{@link #trackAsTheTagDoes}: a decision on page views only, as the tag asks; for reference.</li>
 * </ul>
 *
 * <p>Parameters: {@code mix} ({@code visitor}: the visitor's own events; {@code tag}: with the action
 * reports between them), {@code config} ({@code full}, or {@code scenarios} for S01–S17 alone),
 * {@code requests} (of the visitor's own events generated) and {@code warmup} (requests replayed, not
 * measured, before each iteration).
 *
 * <p>The requests are generated once per fork, before measuring ({@link Level#Trial}); each iteration starts
 * a fresh engine and replays them from the first (after {@code warmup}), so that every iteration measures the
 * same work: a shop whose profiles fill up from empty (most visitors are new, a few come back often). If an
 * iteration runs out of requests it starts over on the same engine with time going backwards, which would
 * be unrealistic: the iteration's tear-down says so, and {@code -p requests=...} should then be raised. The
 * tear-down also says how much of the iteration the thread was on a CPU, so that an iteration slowed by
 * another process shows.
 *
 * <p>Run (JDK 21+, 6 GB heap; about two minutes per benchmark and parameter set, most of it generating the
 * traffic):
 * <pre>
 * java -jar bench/target/benchmarks.jar EngineBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s -t 1 -prof gc
 * java -jar bench/target/benchmarks.jar EngineBenchmark.applyOneEvent -p mix=visitor -prof gc
 * java -jar bench/target/benchmarks.jar EngineBenchmark.applyAndDecide -p mix=tag -p config=full,scenarios
 * java -jar bench/target/benchmarks.jar EngineBenchmark.applyAndDecide -p mix=tag -prof "jfr:dir=/tmp/jfr;stackDepth=128"
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class EngineBenchmark {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** The traffic replayed, and a fresh engine per iteration; the subclass says when to decide. */
    @State(Scope.Thread)
    public abstract static class Replay {
        /**
         * Requests of the visitor's own events generated: enough for one 2-second iteration of the fastest
         * benchmark (the iteration's tear-down says when it was not).
         */
        @Param("2000000")
        public int requests;

        /**
         * {@code visitor}: the visitor's own events only (views ~75%, search, cart, favorite, buy, ...);
         * {@code tag}: those and, between them, the action reports the browser sends about what was
         * delivered ({@code _action_shown}, closed, clicked, control, survey answers), as the tag would.
         */
        @Param({"visitor", "tag"})
        public String mix;

        /**
         * {@code full}: S01–S17 and 50 synthetic campaigns (the load); {@code scenarios}: S01–S17
         * only (21 campaigns), to see how the decision's cost grows with the campaigns.
         */
        @Param("full")
        public String config;

        /**
         * Requests replayed before each iteration's measurement (deciding on views, as generated), so that
         * the iteration measures a shop that has run for a while rather than one filling up from empty.
         */
        @Param("0")
        public int warmup;

        /**
         * How the replayed requests lie in memory: {@code generated} (the figure of record), {@code copied}
         * or {@code parsed}; see {@link ShopTraffic.Layout}. For measuring what reading the input costs.
         */
        @Param("generated")
        public String layout;

        private final ShopTraffic.Decide decide;
        private SiteConfig site;
        private TrackRequest[] stream;
        private TrackRequest[] asGenerated;
        private long[] times;
        private BenchClock clock;
        private SiteEngine engine;
        private int cursor;
        private int wraps;
        private long iterationStartNanos;
        private long iterationStartCpu;

        Replay(ShopTraffic.Decide decide) {
            this.decide = decide;
        }

        @Setup(Level.Trial)
        public void generate() {
            ShopTraffic.Layout laidOut = switch (layout) {
                case "generated" -> ShopTraffic.Layout.GENERATED;
                case "copied" -> ShopTraffic.Layout.COPIED;
                case "parsed" -> ShopTraffic.Layout.PARSED;
                default -> throw new IllegalArgumentException("layout is generated, copied or parsed, not " + layout);
            };
            site = switch (config) {
                case "full" -> DemoShop.fullConfig();
                case "scenarios" -> ScenarioCatalog.all();
                default -> throw new IllegalArgumentException("config is full or scenarios, not " + config);
            };
            ShopTraffic.Traffic traffic = ShopTraffic.generate(ShopTraffic.Options.standard(requests), site);
            System.out.print("\n" + traffic.summary());
            if (mix.equals("visitor")) traffic = traffic.withoutReports();
            else if (!mix.equals("tag")) throw new IllegalArgumentException("mix is visitor or tag, not " + mix);
            asGenerated = traffic.requests();
            traffic = traffic.withDecide(decide).laidOut(laidOut);
            stream = traffic.requests();
            if (warmup < 0 || warmup >= stream.length) throw new IllegalArgumentException("warmup must be in [0, " + stream.length + ")");
            times = traffic.times();
            System.out.printf("replaying %,d requests (%s), decide %s%n", stream.length, mix, decide);
            describeDecisions();
        }

        @Setup(Level.Iteration)
        public void freshEngine() {
            clock = new BenchClock(times[0], DemoShop.TOKYO);
            engine = DemoShop.engine(clock, site);
            for (int i = 0; i < warmup; i++) {
                clock.set(times[i]);
                engine.track(asGenerated[i]);
            }
            cursor = warmup;
            wraps = 0;
            iterationStartCpu = THREADS.getCurrentThreadCpuTime();
            iterationStartNanos = System.nanoTime();
        }

        /**
         * Says how many requests the iteration replayed and how much of the wall-clock time this thread was
         * on a CPU: well under 100% means something else took the core (another process, GC or JIT threads),
         * so the iteration's figure is low for reasons outside the engine.
         */
        @TearDown(Level.Iteration)
        public void report() {
            double cpuShare = (THREADS.getCurrentThreadCpuTime() - iterationStartCpu) / (double) (System.nanoTime() - iterationStartNanos);
            int used = (wraps > 0 ? stream.length : cursor) - warmup;
            if (wraps > 0) {
                System.out.printf("%nWARNING: the iteration used all %,d requests %d time(s); raise -p requests%n", stream.length, wraps);
            }
            System.out.printf("(%,d requests replayed, %,d profiles, thread on CPU %.0f%% of the time) ",
                    used, engine.profiles().size(), 100 * cpuShare);
        }

        /**
         * Before measuring: replays the first requests on a scratch engine and says how many actions a
         * decision delivered on average, the main driver of the decision's cost after the number of campaigns.
         */
        private void describeDecisions() {
            if (decide == ShopTraffic.Decide.NEVER) return;
            BenchClock c = new BenchClock(times[0], DemoShop.TOKYO);
            SiteEngine e = DemoShop.engine(c, site);
            long decisions = 0;
            long actions = 0;
            for (int i = 0; i < Math.min(stream.length, 200_000); i++) {
                c.set(times[i]);
                TrackResult r = e.track(stream[i]);
                if (stream[i].decide()) decisions++;
                actions += r.actions().size();
            }
            System.out.printf("over the first %,d requests: %,d decisions delivered %,d actions (%.2f per decision)%n",
                    Math.min(stream.length, 200_000), decisions, actions, actions / (double) Math.max(1, decisions));
        }

        /** Applies the next request at its time. */
        final TrackResult next() {
            int i = cursor;
            if (++cursor == stream.length) {
                cursor = warmup;
                wraps++;
            }
            clock.set(times[i]);
            return engine.track(stream[i]);
        }
    }

    @State(Scope.Thread)
    public static class ApplyOnly extends Replay {
        public ApplyOnly() {
            super(ShopTraffic.Decide.NEVER);
        }
    }

    @State(Scope.Thread)
    public static class DecideAlways extends Replay {
        public DecideAlways() {
            super(ShopTraffic.Decide.ALWAYS);
        }
    }

    @State(Scope.Thread)
    public static class DecideOnViews extends Replay {
        public DecideOnViews() {
            super(ShopTraffic.Decide.VIEWS);
        }
    }

    /** One request ({@code mix=visitor}: one event; {@code tag}: action reports may be batched), {@code decide: false}. */
    @Benchmark
    public TrackResult applyOneEvent(ApplyOnly state) {
        return state.next();
    }

    /** One request, as {@link #applyOneEvent}, with {@code decide: true}. */
    @Benchmark
    public TrackResult applyAndDecide(DecideAlways state) {
        return state.next();
    }

    /** One request, as {@link #applyOneEvent}, deciding on page views only (76% of the visitor mix, 33% of the tag mix). */
    @Benchmark
    public TrackResult trackAsTheTagDoes(DecideOnViews state) {
        return state.next();
    }
}
