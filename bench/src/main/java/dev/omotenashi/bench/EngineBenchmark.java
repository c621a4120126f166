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
 * ({@link ShopTraffic}: 100,000 visitor ids drawn by a Zipf law, ~70% page views, ad landings, sessions
 * that come and go on a simulated clock) against the S01–S17 scenario campaigns plus 50 synthetic ones
 * ({@link DemoShop#fullConfig()}). One operation is one request carrying one event.
 *
 * <ul>
 *   <li>{@link #applyOneEvent}: {@code decide: false}, the event is applied only (target: 1,000,000 ops/s).</li>
 *   <li>{@link #applyAndDecide}: {@code decide: true} on every request: apply, then decide over all 71
 *       campaigns, render the winners and record their deliveries (target: 200,000 ops/s).</li>
 *   <li>{@link #trackAsTheTagDoes}: a decision on page views only, as the tag asks; for reference.</li>
 * </ul>
 *
 * <p>The requests are generated once per fork, before measuring ({@link Level#Trial}); each iteration starts
 * a fresh engine and replays them from the first, so that every iteration measures the same work: a shop
 * whose profiles fill up from empty over the first {@code requests} requests of its traffic (most visitors
 * are new, a few come back often). If an iteration runs out of requests it starts over on the same engine
 * with time going backwards, which would be unrealistic: the iteration's tear-down says so, and
 * {@code -p requests=...} should then be raised.
 *
 * <p>Run (JDK 21+; the jar's JMH main; about 1 minute per benchmark, most of it generating the traffic):
 * <pre>
 * java -jar bench/target/benchmarks.jar EngineBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s -t 1
 * java -jar bench/target/benchmarks.jar EngineBenchmark.applyOneEvent -prof gc
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

        private final ShopTraffic.Decide decide;
        private SiteConfig config;
        private TrackRequest[] stream;
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
            config = DemoShop.fullConfig();
            ShopTraffic.Traffic traffic = ShopTraffic.generate(ShopTraffic.Options.standard(requests));
            System.out.print("\n" + traffic.summary());
            if (mix.equals("visitor")) traffic = traffic.withoutReports();
            else if (!mix.equals("tag")) throw new IllegalArgumentException("mix is visitor or tag, not " + mix);
            traffic = traffic.withDecide(decide);
            stream = traffic.requests();
            times = traffic.times();
            System.out.printf("replaying %,d requests (%s), decide %s%n", stream.length, mix, decide);
        }

        @Setup(Level.Iteration)
        public void freshEngine() {
            clock = new BenchClock(times[0], DemoShop.TOKYO);
            engine = DemoShop.engine(clock, config);
            cursor = 0;
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
            int used = wraps > 0 ? stream.length : cursor;
            if (wraps > 0) {
                System.out.printf("%nWARNING: the iteration used all %,d requests %d time(s); raise -p requests%n", stream.length, wraps);
            }
            System.out.printf("(%,d requests replayed, %,d profiles, thread on CPU %.0f%% of the time) ",
                    used, engine.profiles().size(), 100 * cpuShare);
        }

        /** Applies the next request at its time. */
        final TrackResult next() {
            int i = cursor;
            if (++cursor == stream.length) {
                cursor = 0;
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

    /** One request with one event, {@code decide: false}. */
    @Benchmark
    public TrackResult applyOneEvent(ApplyOnly state) {
        return state.next();
    }

    /** One request with one event, {@code decide: true}. */
    @Benchmark
    public TrackResult applyAndDecide(DecideAlways state) {
        return state.next();
    }

    /** One request with one event, deciding on page views only (about 70% of requests). */
    @Benchmark
    public TrackResult trackAsTheTagDoes(DecideOnViews state) {
        return state.next();
    }
}
