package dev.omotenashi.bench;

import dev.omotenashi.server.http.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * What recording one HTTP request's latency costs, as every request does (the server's request logger):
 * {@link Metrics#request}, which looks its timer up once per method, route and status, against registering
 * through Micrometer's builder on every request, as it did before (docs/performance.md, the fifteenth session).
 * Run: {@code java -jar bench/target/benchmarks.jar MetricsBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MetricsBenchmark {
    private final Metrics metrics = new Metrics();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private long nanos = 1_000_000;

    @Benchmark
    public void requestTimerLookedUp() {
        metrics.request("POST", "/v1/t", 200, nanos++ & 0xFFFFF);
    }

    @Benchmark
    public void requestTimerRegisteredEachTime() {
        Timer.builder("omotenashi_http_requests")
                .tag("method", "POST").tag("route", "/v1/t").tag("status", Integer.toString(200))
                .publishPercentiles(0.5, 0.99)
                .register(registry)
                .record(nanos++ & 0xFFFFF, TimeUnit.NANOSECONDS);
    }
}
