package dev.omotenashi.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omotenashi.engine.session.DeviceClassifier;
import dev.omotenashi.server.audit.Audit;
import dev.omotenashi.server.console.ConsoleApiRoutes;
import dev.omotenashi.server.console.ConsoleAuth;
import dev.omotenashi.server.console.ConsoleRoutes;
import dev.omotenashi.server.console.Passwords;
import dev.omotenashi.server.http.AdminRoutes;
import dev.omotenashi.server.http.AudienceRoutes;
import dev.omotenashi.server.http.AuditRoutes;
import dev.omotenashi.server.http.BenchRoutes;
import dev.omotenashi.server.http.DemoRoutes;
import dev.omotenashi.server.http.Auth;
import dev.omotenashi.server.http.ErrorMapping;
import dev.omotenashi.server.http.MeasureRoutes;
import dev.omotenashi.server.http.Metrics;
import dev.omotenashi.server.http.OpsRoutes;
import dev.omotenashi.server.http.RateLimiter;
import dev.omotenashi.server.http.Router;
import dev.omotenashi.server.http.SegmentRoutes;
import dev.omotenashi.server.http.TagRoutes;
import dev.omotenashi.server.http.TrackRoutes;
import dev.omotenashi.server.http.VisitorSearchRoutes;
import dev.omotenashi.server.journal.GroupCommitter;
import dev.omotenashi.server.journal.JournalCodec;
import dev.omotenashi.server.site.LiveSite;
import dev.omotenashi.server.site.Sites;
import dev.omotenashi.server.store.ConfigObject;
import dev.omotenashi.server.store.Storage;
import dev.omotenashi.server.store.postgres.PostgresStorage;

import dev.omotenashi.server.store.sqlite.SqliteStorage;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The server process, wired by hand in one place (STYLE.md 7): storage, the live sites, the journal's
 * group committer, the HTTP routes. {@link #close()} shuts down gracefully: stop taking requests, let
 * those in flight finish, flush the journal, checkpoint every site, close storage.
 */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);
    private static final long CHECKPOINT_EVERY_MINUTES = 5;
    private static final long BANDIT_COUNTS_EVERY_SECONDS = 60;
    /** A journal commit this slow is logged: every tracking answer of its group waited for it. */
    private static final long SLOW_COMMIT_NANOS = 250_000_000;

    /**
     * How to start.
     *
     * @param port        HTTP port (0: any free port)
     * @param data        the data folder of the embedded SQLite backend
     * @param databaseUrl PostgreSQL URL; when set, used instead of SQLite
     * @param adminToken  the administrators' bearer token
     * @param testClock   whether the clock can be moved through the API (never in production)
     * @param demoSite    the id of the site whose key the demo shop's pages carry; null: no demo shop at /demo/
     */
    public record Options(int port, Path data, String databaseUrl, String adminToken, boolean testClock,
                          RateLimits limits, boolean benchEndpoints, String demoSite) {
        public Options(int port, Path data, String databaseUrl, String adminToken, boolean testClock,
                       RateLimits limits, boolean benchEndpoints) {
            this(port, data, databaseUrl, adminToken, testClock, limits, benchEndpoints, null);
        }

        public Options(int port, Path data, String databaseUrl, String adminToken, boolean testClock) {
            this(port, data, databaseUrl, adminToken, testClock, RateLimits.DEFAULT, false, null);
        }

        public Options(int port, Path data, String databaseUrl, String adminToken, boolean testClock, RateLimits limits) {
            this(port, data, databaseUrl, adminToken, testClock, limits, false, null);
        }

        /** These options with the demo shop served at /demo/ for the given site. */
        public Options withDemoShop(String siteId) {
            return new Options(port, data, databaseUrl, adminToken, testClock, limits, benchEndpoints, siteId);
        }
    }

    /**
     * Requests a second allowed per site and per client address on the tracking doors (bursts of twice
     * that); 0 disables a limit.
     */
    public record RateLimits(double perSite, double perClient) {
        public static final RateLimits DEFAULT = new RateLimits(50_000, 200);
    }

    private final Storage storage;
    private final Sites sites;
    private final GroupCommitter committer;
    private final Router router;
    private final Javalin http;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private volatile boolean closed;

    private App(Storage storage, Sites sites, GroupCommitter committer, Router router, Javalin http,
                ScheduledExecutorService scheduler, Clock clock) {
        this.storage = storage;
        this.sites = sites;
        this.committer = committer;
        this.router = router;
        this.http = http;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    public static App start(Options o) {
        Storage storage = o.databaseUrl() != null && !o.databaseUrl().isBlank()
                ? PostgresStorage.open(o.databaseUrl()) : SqliteStorage.open(o.data());
        try {
            return start(o, storage);
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
    }

    /**
     * The server's JSON mapper. Requests run on virtual threads, one per request, so Jackson's default
     * thread-local buffer recycling never reuses a buffer: every parse and write allocated fresh buffers
     * (tens of KB per request). A shared concurrent pool reuses them across threads.
     */
    static ObjectMapper mapper() {
        return new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
                .recyclerPool(com.fasterxml.jackson.core.util.JsonRecyclerPools.sharedConcurrentDequePool())
                .build());
    }

    static App start(Options o, Storage storage) {
        ObjectMapper json = mapper();
        MovableClock testClock = o.testClock() ? new MovableClock(Clock.systemUTC()) : null;
        Clock clock = testClock != null ? testClock : Clock.systemUTC();
        JournalCodec codec = new JournalCodec(json);
        Sites sites = new Sites(storage, clock, codec, json);
        sites.load();
        if (sites.all().isEmpty()) {
            // The user-agent rules take seconds to build; loading a site builds them, and without sites the
            // first site created would wait for them. Build them now, beside the start-up.
            Thread.ofPlatform().name("user-agent-rules").daemon(true).start(() -> {
                try {
                    DeviceClassifier.shared();
                } catch (RuntimeException e) {
                    log.warn("user-agent rules could not be built yet ({}); the first site will try again", e.getMessage());
                }
            });
        }
        Auth auth = new Auth(o.adminToken(), sites);
        ConsoleAuth operators = new ConsoleAuth(storage.operators(), new Passwords(), clock);
        Audit audit = new Audit(storage, clock);
        auth.useOperators(operators);
        for (LiveSite s : sites.all()) {
            for (ConfigObject token : storage.sites().objects(s.id(), "token")) auth.addSiteToken(token.id(), s.id());
        }
        Metrics metrics = new Metrics();
        GroupCommitter committer = new GroupCommitter(storage.journal(), (records, nanos) -> {
            metrics.journalCommitted(nanos);
            if (nanos >= SLOW_COMMIT_NANOS) log.warn("a journal commit of {} records took {} ms: every answer of the group waited for it (a slow or busy disk?)", records, nanos / 1_000_000);
        });
        metrics.gauge("omotenashi_journal_lag", "journal records waiting to be committed", committer::pending);
        metrics.counter("omotenashi_journal_commits", "journal transactions committed (group commits)", committer, GroupCommitter::committedBatches);
        metrics.counter("omotenashi_journal_records", "journal records committed", committer, GroupCommitter::committedRecords);
        metrics.gauge("omotenashi_sites", "live sites", () -> sites.all().size());
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("checkpoints").daemon(true).factory());
        Router[] router = new Router[1];
        Javalin http = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.concurrency.useVirtualThreads = true;
            config.http.maxRequestSize = 2L * 1024 * 1024;
            config.http.responseBufferSize = 4096; // Jetty's 32 KB default is copied through on every answer (docs/http-server.md)
            config.jsonMapper(new JavalinJackson(json, true));
            config.jetty.port = o.port();
            // No per-connection cache of header values: behind a proxy, or under a load generator, one connection
            // carries many visitors' User-Agents, and the cache's trie was filled, cleared and refilled all the
            // time (≈ 6 µs of 41 per request; docs/http-server.md, "The header cache").
            config.jetty.modifyHttpConfiguration(h -> h.setHeaderCacheSize(0));
            config.requestLogger.http((ctx, ms) -> {
                String route;
                try {
                    route = ctx.endpoint().path;
                } catch (NoSuchElementException e) { // Javalin 7 throws, not null, when no route matched (404, HEAD)
                    route = "unmatched";
                }
                metrics.request(ctx.req().getMethod(), route, ctx.statusCode(), (long) (ms * 1_000_000));
            });
            ErrorMapping.install(config.routes, json);
            Router r = new Router(config.routes, auth);
            RateLimiter perSite = new RateLimiter(o.limits().perSite(), 2 * o.limits().perSite(), System::nanoTime);
            RateLimiter perClient = new RateLimiter(o.limits().perClient(), 2 * o.limits().perClient(), System::nanoTime);
            new TrackRoutes(sites, committer, codec, json, clock, metrics, perSite, perClient).register(r);
            new SegmentRoutes(committer, codec, json, clock, metrics, perSite).register(r);
            new AdminRoutes(sites, storage, codec, json, clock, auth, audit).register(r);
            new AudienceRoutes(sites, json).register(r);
            new MeasureRoutes(sites, json, clock).register(r);
            new VisitorSearchRoutes(sites, json).register(r);
            new OpsRoutes(storage, metrics, json, testClock, audit).register(r);
            new TagRoutes().register(r);
            new ConsoleApiRoutes(operators, json, audit).register(r);
            new AuditRoutes(storage.audit(), sites, json).register(r);
            new ConsoleRoutes(json).register(r);
            if (o.benchEndpoints()) new BenchRoutes(json, sites, scheduler).register(r);
            if (o.demoSite() != null) {
                new DemoRoutes(() -> {
                    LiveSite demo = sites.byId(o.demoSite());
                    return demo == null ? null : demo.record().key();
                }).register(r);
            }
            router[0] = r;
        });
        http.start();
        App app = new App(storage, sites, committer, router[0], http, scheduler, clock);
        scheduler.scheduleWithFixedDelay(app::checkpointAll, CHECKPOINT_EVERY_MINUTES, CHECKPOINT_EVERY_MINUTES, TimeUnit.MINUTES);
        scheduler.scheduleWithFixedDelay(app::publishBanditCounts, BANDIT_COUNTS_EVERY_SECONDS, BANDIT_COUNTS_EVERY_SECONDS, TimeUnit.SECONDS);
        log.info("Omotenashi listening on port {} ({} sites, storage {})", http.port(), sites.all().size(),
                storage.getClass().getSimpleName());
        return app;
    }

    public int port() {
        return http.port();
    }

    /** The HTTP settings of the listening connector (tests check those docs/http-server.md explains). */
    org.eclipse.jetty.server.HttpConfiguration httpConfiguration() {
        for (org.eclipse.jetty.server.Connector c : http.jettyServer().server().getConnectors()) {
            org.eclipse.jetty.server.HttpConnectionFactory f = c.getConnectionFactory(org.eclipse.jetty.server.HttpConnectionFactory.class);
            if (f != null) return f.getHttpConfiguration();
        }
        throw new IllegalStateException("no HTTP connector");
    }

    public Sites sites() {
        return sites;
    }

    public Storage storage() {
        return storage;
    }

    /** Every route as declared, with its access rule (the security test walks these). */
    public List<Router.Route> routes() {
        return router.routes();
    }

    public Clock clock() {
        return clock;
    }

    /** Checkpoints every site whose profiles moved since its last checkpoint. */
    public void checkpointAll() {
        for (LiveSite s : sites.all()) {
            try {
                sites.checkpoint(s);
            } catch (RuntimeException e) {
                log.warn("checkpoint of site {} failed; the journal still holds everything", s.id(), e);
            }
        }
    }

    /** Hands every site's bandit campaigns the current counts of their variants. */
    public void publishBanditCounts() {
        for (LiveSite s : sites.all()) {
            try {
                sites.publishBanditCounts(s);
            } catch (RuntimeException e) {
                log.warn("bandit counts of site {} not published", s.id(), e);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        log.info("shutting down: draining requests, flushing the journal, checkpointing");
        http.stop();
        committer.close();
        for (Runnable queued : scheduler.shutdownNow()) {
            // a task someone waits for (a checkpoint the benchmark asked for) fails instead of never finishing
            if (queued instanceof java.util.concurrent.Future<?> f) f.cancel(false);
        }
        checkpointAll();
        storage.close();
    }
}
