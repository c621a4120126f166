package dev.omotenashi.server.site;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omotenashi.engine.SiteEngine;
import dev.omotenashi.engine.TrackRequest;
import dev.omotenashi.engine.TrackResult;
import dev.omotenashi.engine.event.Event;
import dev.omotenashi.engine.profile.Profile;
import dev.omotenashi.engine.profile.VisitorState;
import dev.omotenashi.server.journal.GroupCommitter;
import dev.omotenashi.server.journal.JournalCodec;
import dev.omotenashi.server.measure.SiteMeasures;
import dev.omotenashi.server.store.JournalRecord;
import dev.omotenashi.server.store.SiteRecord;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A site as the running server holds it: its stored record, its engine (configuration and profiles in
 * memory) and its place in the journal.
 *
 * <p>Requests of one site are applied one at a time under the site's lock — de-duplication, the engine,
 * the journal sequence — so the journal order is the order the engine applied them and a replay rebuilds
 * the same profiles. The wait for durability happens outside the lock, so one slow fsync never holds the
 * engine. The engine's work per request is a few microseconds, far below what one core needs for the
 * targeted rates (docs/performance.md).
 */
public final class LiveSite {
    private static final int RECENT_IDS = 200_000;
    /** Origins whose check is remembered: a shop's tag sends a handful. Past this (made-up ones) the memory starts over. */
    private static final int ORIGINS_KEPT = 256;

    private volatile SiteRecord record;
    private volatile SiteEngine engine;
    /** Origins checked against {@link #record}'s domains; replaced with the record. */
    private volatile Map<String, Boolean> origins = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final ReentrantLock checkpointing = new ReentrantLock();
    /** Threads waiting in {@link Sites#withoutCheckpoint}: while there are any, a checkpoint gives up. */
    private final java.util.concurrent.atomic.AtomicInteger checkpointWaiters = new java.util.concurrent.atomic.AtomicInteger();
    /** The longest {@link #exclusiveSlices} waits between two slices for queued requests to go first. */
    private static final long SLICE_GAP_NANOS = 2_000_000;
    /** Profiles {@link #readProfiles} shows per hold of the lock: about a millisecond of a count's work. */
    private static final int READ_SLICE = 1_000;
    private final RecentIds recent = new RecentIds(RECENT_IDS);
    private final SiteMeasures measures;
    private long seq;
    /** Completes when the latest record handed to the journal is durable (or failed): they commit in order. */
    private CompletableFuture<Void> lastAppend = CompletableFuture.completedFuture(null);
    /** Records whose commit failed ({@link #failed}): a retry's answer checks that none failed while it waited. */
    private volatile long failures;

    /** What a tracked request produced, and when it is durable. */
    public record Tracked(TrackResult result, CompletableFuture<Void> durable, int duplicates) {}

    LiveSite(SiteRecord record, SiteEngine engine) {
        this.record = record;
        this.engine = engine;
        this.measures = new SiteMeasures(java.time.ZoneId.of(record.timezone()));
    }

    /** The site's measurement counters, fed from every request applied (live and replayed). */
    public SiteMeasures measures() {
        return measures;
    }

    public SiteRecord record() {
        return record;
    }

    void record(SiteRecord updated) {
        this.record = updated;
        this.origins = new ConcurrentHashMap<>(); // after the record: a check that sees the new map sees the new domains
    }

    /**
     * Whether a request's {@code Origin} belongs to the site: its host is one of the site's domains or a
     * subdomain of one. Remembered per origin, since parsing it is the costly part and a shop's pages send
     * the same few on every request.
     */
    public boolean allowsOrigin(String origin) {
        Map<String, Boolean> known = origins;
        Boolean allowed = known.get(origin);
        if (allowed == null) {
            allowed = originAllowed(origin, record.domains());
            // Bounded; cleared rather than frozen when full, so a flood of made-up origins (the preflight
            // needs no key) cannot keep the real ones out for good.
            if (known.size() >= ORIGINS_KEPT) known.clear();
            known.put(origin, allowed);
        }
        return allowed;
    }

    /** How many origins' checks are remembered now (tests). */
    int originsRemembered() {
        return origins.size();
    }

    /** Whether an Origin's host is one of the domains or a subdomain of one. */
    static boolean originAllowed(String origin, List<String> domains) {
        String host;
        try {
            host = URI.create(origin).getHost();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (host == null) return false;
        host = host.toLowerCase(Locale.ROOT);
        for (String d : domains) {
            String domain = d.toLowerCase(Locale.ROOT);
            if (host.equals(domain) || host.endsWith("." + domain)) return true;
        }
        return false;
    }

    public SiteEngine engine() {
        return engine;
    }

    public String id() {
        return record.id();
    }

    /**
     * Applies a validated request: drops events whose ids the site already accepted, lets the engine apply
     * the rest (and decide), and hands the journal record to the group committer. The caller answers only
     * when {@link Tracked#durable()} completes; if it fails, the ids are forgotten so a retry is taken.
     */
    public Tracked track(TrackRequest request, long receivedAt, GroupCommitter committer, JournalCodec codec) {
        lock.lock();
        try {
            List<Event> fresh = new ArrayList<>(request.events().size());
            for (Event e : request.events()) {
                if (!recent.contains(e.id())) fresh.add(e);
            }
            int duplicates = request.events().size() - fresh.size();
            // A retry may come while the record that took its events is still on its way to the journal.
            boolean earlierPending = duplicates > 0 && !lastAppend.isDone();
            long failuresAt = failures;
            if (fresh.isEmpty()) {
                // every event was taken before: count nothing, show nothing new, and answer when they are durable
                TrackResult r = engine.track(new TrackRequest(request.visitor(), request.user(), null, request.page(),
                        request.context(), List.of(), false));
                CompletableFuture<Void> taken = earlierPending
                        ? afterEarlier(pendingAppends(), failuresAt)
                        : CompletableFuture.completedFuture(null);
                return new Tracked(r, taken, duplicates);
            }
            TrackRequest applied = duplicates == 0 ? request : new TrackRequest(request.visitor(), request.user(),
                    request.traits(), request.page(), request.context(), fresh, request.decide());
            boolean newVisitor = engine.profile(applied.visitor()) == null;
            TrackResult result = engine.track(applied);
            Profile profile = engine.profile(applied.visitor());
            measures.apply(result, profile, newVisitor);
            // Only the ids the client sent: they are what a retry repeats. The deliveries the engine records
            // beside them (`_action_delivered`, whose id is the action's) are journaled inside the request and
            // recorded again on replay; remembering their ids would spend the window on ids no client sends,
            // and would take a client's own event that happened to carry one for a retry.
            List<String> ids = new ArrayList<>(fresh.size());
            for (Event e : fresh) {
                ids.add(e.id());
                recent.add(e.id());
            }
            // the browser's previous record: the journal chains a visitor's records instead of indexing them
            VisitorState browser = profile == null ? null : profile.browser(applied.visitor());
            JournalRecord journal = new JournalRecord(record.id(), ++seq, applied.visitor(), applied.user(), ids,
                    receivedAt, codec.encode(applied, result.recorded()), browser == null ? 0 : browser.journalSeq());
            if (browser != null) browser.journalSeq(seq);
            CompletableFuture<Void> durable = committer.submit(journal).whenComplete((ok, failure) -> {
                if (failure != null) failed(journal);
            });
            lastAppend = durable;
            return new Tracked(result, earlierPending ? afterEarlier(durable, failuresAt) : durable, duplicates);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The answer of a request some of whose events were taken by a record not yet durable when it arrived.
     * Records commit in order, so once {@code durable} (a record handed over after that one) completes, that
     * record has committed or failed. If any record of the site failed meanwhile, the answer is a failure too
     * (503): the client retries, and its events come back as duplicates if their record did commit, or are
     * taken if it did not. Without this, a retry could be acknowledged for events whose only record was then lost.
     */
    private CompletableFuture<Void> afterEarlier(CompletableFuture<Void> durable, long failuresAt) {
        return durable.thenRun(() -> {
            if (failures != failuresAt) {
                throw new IllegalStateException("a record of the site failed while this request's events were on their way to the journal");
            }
        });
    }

    /**
     * A record the journal could not commit: its client got 503 and will retry, so its event ids are
     * forgotten; and if it is still its browser's newest, the chain's head goes back to the record before it.
     * A failed batch is failed newest first ({@link GroupCommitter}), so several failed records of one browser
     * unwind one after the other. A head left on a failed record (a newer one of the browser was already
     * handed over) is a missing link that the journal's walk steps over by scanning.
     */
    private void failed(JournalRecord rec) {
        lock.lock();
        try {
            failures++; // first: a retry waiting on this record must see it (afterEarlier)
            rec.eventIds().forEach(recent::remove);
            engine.beforeChange(rec.visitor()); // a checkpoint being taken keeps the head as it was
            VisitorState b = browserOf(rec.visitor());
            if (b != null && b.journalSeq() == rec.seq()) b.journalSeq(rec.prevSeq());
        } finally {
            lock.unlock();
        }
    }

    /** Applies a journal record again (start-up). */
    void replay(JournalRecord rec, JournalCodec codec) {
        lock.lock();
        try {
            TrackRequest request = codec.decode(rec.request());
            boolean newVisitor = engine.profile(request.visitor()) == null;
            TrackResult result = engine.track(request);
            Profile profile = engine.profile(request.visitor());
            VisitorState browser = profile == null ? null : profile.browser(request.visitor());
            if (browser != null) browser.journalSeq(rec.seq());
            measures.apply(result, profile, newVisitor);
            rec.eventIds().forEach(recent::add);
            seq = Math.max(seq, rec.seq());
        } finally {
            lock.unlock();
        }
    }

    /** Learns a record's event ids without applying it (records a checkpoint already covers). */
    void remember(JournalRecord rec) {
        lock.lock();
        try {
            rec.eventIds().forEach(recent::add);
        } finally {
            lock.unlock();
        }
    }

    void seq(long at) {
        lock.lock();
        try {
            seq = Math.max(seq, at);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Where the journal's chain of a visitor's records starts: the seq of its browser's latest record, 0
     * when the site has no profile with that browser. That record may not be durable yet: call
     * {@link #awaitJournal} after this and before reading the journal.
     */
    public long journalHead(String visitor) {
        lock.lock();
        try {
            VisitorState b = browserOf(visitor);
            return b == null ? 0 : b.journalSeq();
        } finally {
            lock.unlock();
        }
    }

    /** The browser's state in the profile that holds it now, or null (the engine always makes one on track). */
    private VisitorState browserOf(String visitor) {
        Profile p = engine.profile(visitor);
        return p == null ? null : p.browser(visitor);
    }

    /**
     * Waits, however long it takes, until every record handed to the journal so far is durable or has failed:
     * the group committer ends every record it takes one way or the other, also when it stops. For deleting a
     * person, where a record committed after the deletion would escape it.
     */
    public void awaitJournal() {
        pendingAppends().join();
    }

    /**
     * Waits until every record handed to the journal so far is durable or has failed (they commit in
     * order), so that the newest links of a chain read before are there to follow.
     *
     * @return false when the journal did not finish in time (a reader then finds those links missing, and
     *         the journal's walk falls back to a scan)
     */
    public boolean awaitJournal(long timeoutMs) throws InterruptedException {
        try {
            pendingAppends().get(timeoutMs, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException slow) {
            return false;
        } catch (ExecutionException cannotHappen) {
            throw new IllegalStateException(cannotHappen); // pendingAppends never fails
        }
    }

    /**
     * Completes (never exceptionally) when the latest record handed to the journal has committed or failed;
     * a failed commit's records are not in the journal, and a walk steps over their links.
     */
    private CompletableFuture<Void> pendingAppends() {
        lock.lock();
        try {
            return lastAppend.handle((ok, failure) -> null);
        } finally {
            lock.unlock();
        }
    }

    /** The journal position the engine's state covers. */
    public long seq() {
        lock.lock();
        try {
            return seq;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Replaces the engine (new settings): profiles and configuration move over while no request is
     * applied, so requests waiting on the lock continue on the new engine and nothing is lost.
     */
    void replaceEngine(java.util.function.Function<SiteEngine, SiteEngine> next) {
        lock.lock();
        try {
            engine = next.apply(engine);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code slice} while no request of this site is applied, again and again until it returns true,
     * letting the requests that arrived meanwhile in between two runs: long work (a checkpoint's encoding, a
     * count over every profile) holds them off for one slice at a time. After a slice it rests {@code rest}
     * times as long as the slice took (3: the work takes at most a quarter of a core from the requests, however
     * long it runs); and the lock is not fair, so it also waits, at most {@link #SLICE_GAP_NANOS}, for the
     * requests queued on the lock to take it first. {@code between} runs after each slice but the last,
     * outside the lock.
     */
    public void exclusiveSlices(java.util.function.BooleanSupplier slice, Runnable between, int rest) {
        while (true) {
            long took;
            lock.lock();
            try {
                long started = System.nanoTime(); // the slice's own work, not its wait for the lock
                if (slice.getAsBoolean()) return;
                took = System.nanoTime() - started;
            } finally {
                lock.unlock();
            }
            between.run();
            if (rest > 0) java.util.concurrent.locks.LockSupport.parkNanos(took * rest);
            long until = System.nanoTime() + SLICE_GAP_NANOS;
            while (lock.hasQueuedThreads() && System.nanoTime() < until) java.util.concurrent.locks.LockSupport.parkNanos(20_000);
        }
    }

    /**
     * Shows {@code visit} every profile the site holds, {@value #READ_SLICE} at a time under the lock, so a
     * read of the whole site (a segment count, a search, a funnel) holds requests off for a slice at a time
     * instead of the whole walk. Weakly consistent, as a count over live data is: each profile is seen as it
     * is when its turn comes; one created after the walk began is not seen, and one that left meanwhile (a
     * person forgotten, a visitor absorbed on identify) is skipped. {@code visit} runs under the lock.
     *
     * @return how many profiles were visited
     */
    public long readProfiles(java.util.function.Consumer<Profile> visit) {
        record Walk(SiteEngine engine, Profile[] all, int[] next, long[] visited) {}
        Walk w = exclusive(() -> new Walk(engine, engine.profiles().toArray(new Profile[0]), new int[1], new long[1]));
        exclusiveSlices(() -> {
            int end = Math.min(w.all().length, w.next()[0] + READ_SLICE);
            for (int i = w.next()[0]; i < end; i++) {
                Profile p = w.all()[i];
                if (w.engine().holds(p)) {
                    visit.accept(p);
                    w.visited()[0]++;
                }
            }
            w.next()[0] = end;
            return end == w.all().length;
        }, () -> {}, 0);
        return w.visited()[0];
    }

    /** A checkpoint of this site is taken by one thread at a time ({@link Sites#checkpoint}). */
    ReentrantLock checkpointing() {
        return checkpointing;
    }

    /**
     * Asks a checkpoint in progress to stop without saving while some thread waits to run work without one
     * ({@link Sites#withoutCheckpoint}): true when a thread starts waiting, false once it has the checkpoint lock.
     */
    void giveUpCheckpoint(boolean waiting) {
        if (waiting) checkpointWaiters.incrementAndGet();
        else checkpointWaiters.decrementAndGet();
    }

    /** Whether a checkpoint in progress has been asked to stop without saving (tests wait for it). */
    public boolean checkpointGivenUp() {
        return checkpointWaiters.get() > 0;
    }

    /** Runs an action while no request of this site is applied (checkpoints, configuration swaps). */
    public <T> T exclusive(java.util.function.Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    /** A configuration object's JSON with its id filled in from the path when the body has none. */
    static JsonNode withId(JsonNode body, String field, String id) {
        if (body.isObject() && !body.has(field)) ((com.fasterxml.jackson.databind.node.ObjectNode) body).put(field, id);
        return body;
    }
}
