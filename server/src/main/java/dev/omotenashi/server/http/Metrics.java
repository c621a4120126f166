package dev.omotenashi.server.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * The server's Prometheus metrics ({@code /metrics}): request rates and latencies per route, events and
 * decisions, the journal's lag. Never labelled with visitor, user or key values (cardinality, privacy).
 * Thread-safe.
 */
public final class Metrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter events = Counter.builder("omotenashi_events").description("events accepted").register(registry);
    private final Counter actions = Counter.builder("omotenashi_actions_delivered").description("actions delivered").register(registry);
    private final Counter requests = Counter.builder("omotenashi_track_requests").description("tracking requests answered 2xx").register(registry);
    private final Timer journalCommits = Timer.builder("omotenashi_journal_commit")
            .description("how long a journal commit (the append of a group and its sync) took")
            .publishPercentiles(0.5, 0.99)
            .register(registry);
    /**
     * The request timers by method, route pattern and status, looked up once each: registering through the
     * builder on every request made its tags, sorted them and hashed the meter's id, for the same few timers.
     */
    private final Map<RequestKey, Timer> requestTimers = new ConcurrentHashMap<>();

    private record RequestKey(String method, String route, int status) {}

    /** The methods a request's series is labelled with; any other is {@code other}. */
    private static final java.util.Set<String> METHODS = java.util.Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    public void tracked(String site, int eventCount, int actionCount) {
        requests.increment();
        events.increment(eventCount);
        actions.increment(actionCount);
    }

    /** Records one journal commit's duration: every tracking answer of the group waited for it. */
    public void journalCommitted(long nanos) {
        journalCommits.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /**
     * Records one HTTP request's latency under its method, route pattern and status. The route must be a
     * pattern of the router (or a fixed word for none), never the request's path.
     */
    public void request(String method, String route, int status, long nanos) {
        // A client names the method: one it made up would be a new series (and timer) on every request.
        String known = METHODS.contains(method) ? method : "other";
        requestTimers.computeIfAbsent(new RequestKey(known, route, status), k -> Timer.builder("omotenashi_http_requests")
                        .tag("method", k.method()).tag("route", k.route()).tag("status", Integer.toString(k.status()))
                        .publishPercentiles(0.5, 0.99)
                        .register(registry))
                .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    /**
     * A counter whose running total {@code source} keeps, read at each scrape ({@code name_total}). The
     * registry holds {@code source} weakly, so it must be an object the server keeps (not a lambda made for
     * the call, which would be collected, and the counter would stay at its last reading from then on).
     */
    public <T> void counter(String name, String description, T source, ToLongFunction<T> total) {
        FunctionCounter.builder(name, source, s -> total.applyAsLong(s)).description(description).register(registry);
    }

    public String scrape() {
        return registry.scrape();
    }
}
