package dev.omotenashi.server.journal;

import dev.omotenashi.server.store.EventJournal;
import dev.omotenashi.server.store.JournalRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Group commit: requests hand their journal record to one writer thread, which appends everything queued
 * so far in one transaction and then completes every waiting request at once. One fsync serves many
 * requests, so durability costs little under load and nothing waits for a timer when idle.
 *
 * <p>Commit delay: when other records are already waiting behind the first one (the server is busy), the writer
 * waits {@link #COMMIT_DELAY} once more before taking them, so that one commit carries ~30 records instead of
 * ~11 at full load: the fsync and the log pages a commit writes are shared by three times as many requests
 * (the writer's CPU per request fell from 15–17 to 11–13 µs; docs/performance.md). A record that finds no
 * other waiting (light load) is committed at once, so the delay never adds to a lone request's answer.
 * PostgreSQL's {@code commit_delay} with {@code commit_siblings} follows the same rule.
 *
 * <p>Order: records are appended in the order they were submitted (the server submits under the site's
 * lock, so the journal order is the order the engine applied them). Thread-safe.
 */
public final class GroupCommitter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);
    private static final int MAX_BATCH = 2_000;
    /** How long a request waits for its records before it answers 503 (the client retries with the same ids). */
    public static final Duration ANSWER_DEADLINE = Duration.ofSeconds(10);

    /** How long the writer waits for more records when the server is busy (see the class comment). */
    static final long COMMIT_DELAY_NANOS = 500_000;
    /** Records waiting behind the first from which the commit does not wait for more: it is large enough. */
    static final int LARGE_ENOUGH = 64;

    private record Pending(JournalRecord record, CompletableFuture<Void> done) {}

    private final EventJournal journal;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final DurableWait waits = new DurableWait(ANSWER_DEADLINE);
    private volatile boolean closing;
    private volatile long committedBatches;
    private volatile long committedRecords;

    public GroupCommitter(EventJournal journal) {
        this.journal = journal;
        this.writer = Thread.ofPlatform().name("journal-writer").daemon(false).start(this::run);
    }

    /** Queues a record; the future completes when it is durable, or exceptionally when the commit failed. */
    public CompletableFuture<Void> submit(JournalRecord record) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (closing) {
            done.completeExceptionally(new IllegalStateException("the journal is shutting down"));
            return done;
        }
        Pending p = new Pending(record, done);
        queue.add(p);
        // closing began meanwhile: the writer may have drained and gone; whoever removes the record fails it
        if (closing && queue.remove(p)) done.completeExceptionally(new IllegalStateException("the journal is shutting down"));
        return done;
    }

    /**
     * Waits until {@code durable} (a submitted record's future, or one derived from it) completes, at most
     * {@link #ANSWER_DEADLINE}: a request answers only once its events are durable.
     *
     * @throws TimeoutException   the journal did not commit in time (the record may still commit later)
     * @throws ExecutionException the commit failed
     */
    public void await(CompletableFuture<Void> durable) throws ExecutionException, TimeoutException, InterruptedException {
        waits.await(durable);
    }

    /** Records waiting to be committed (journal lag, for /metrics). */
    public int pending() {
        return queue.size();
    }

    public long committedBatches() {
        return committedBatches;
    }

    public long committedRecords() {
        return committedRecords;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (!closing || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                if (!closing && worthWaiting(queue.size())) java.util.concurrent.locks.LockSupport.parkNanos(COMMIT_DELAY_NANOS);
                queue.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                batch.clear();
            }
        }
        // anything left after an interrupt is failed, never silently dropped
        Pending p;
        while ((p = queue.poll()) != null) p.done.completeExceptionally(new IllegalStateException("journal closed"));
    }

    /**
     * Whether the writer waits {@link #COMMIT_DELAY_NANOS} for more records, given how many wait behind the one it
     * took: only when others are waiting (the server is busy), and not yet enough to share the commit well.
     */
    static boolean worthWaiting(int waitingBehind) {
        return waitingBehind >= 1 && waitingBehind < LARGE_ENOUGH;
    }

    private void commit(List<Pending> batch) {
        List<JournalRecord> records = new ArrayList<>(batch.size());
        for (Pending p : batch) records.add(p.record);
        try {
            journal.append(records);
            committedRecords += records.size(); // records first: a scrape between the two never sees more commits than records
            committedBatches++;
            for (Pending p : batch) p.done.complete(null);
        } catch (RuntimeException e) {
            log.error("journal append of {} records failed; the requests get 503 and their clients retry", records.size(), e);
            // newest first: a site unwinds each browser's chain head record by record (LiveSite.failed)
            for (int i = batch.size() - 1; i >= 0; i--) batch.get(i).done.completeExceptionally(e);
        }
    }

    /** Commits what is queued, then stops the writer (graceful shutdown drains and flushes). */
    @Override
    public void close() {
        closing = true;
        try {
            writer.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        waits.close();
    }
}
