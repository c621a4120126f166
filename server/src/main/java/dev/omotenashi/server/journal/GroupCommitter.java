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
 * <p>Commit delay: when records keep coming, the writer waits {@link #COMMIT_DELAY_NANOS} once before taking
 * what else has arrived, so that one commit (and its sync) is shared by more requests. Records keep coming when
 * others already wait behind the first one (a busy server: ~30 records per commit instead of ~11, the writer's CPU
 * per request 11–13 µs instead of 15–17), or when the previous commit ended less than {@link #STREAM_GAP_NANOS}
 * before (a steady stream at moderate load: at 5,000 events/s, 3.6–3.8 records per commit instead of 1.4–1.5, a
 * third of the syncs, 8–14% less server CPU, 0.4 ms more at the median; docs/performance.md). A record that finds
 * neither (a quiet server) is committed at once; at moderate load a request may wait up to the delay more, also
 * when no other record comes. PostgreSQL's {@code commit_delay} with {@code commit_siblings} follows the same idea.
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
    /** A record taken this soon after the previous commit ended is part of a stream (see the class comment). */
    static final long STREAM_GAP_NANOS = 1_000_000;
    /** Records waiting behind the first from which the commit does not wait for more: it is large enough. */
    static final int LARGE_ENOUGH = 64;

    private record Pending(JournalRecord record, CompletableFuture<Void> done) {}

    /** Told of each commit: how many records it carried and how long the append (with its sync) took. */
    @FunctionalInterface
    public interface CommitListener {
        void committed(int records, long nanos);
    }

    private final EventJournal journal;
    private final CommitListener listener;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final DurableWait waits = new DurableWait(ANSWER_DEADLINE);
    private volatile boolean closing;
    private volatile long committedBatches;
    private volatile long committedRecords;

    public GroupCommitter(EventJournal journal) {
        this(journal, (records, nanos) -> {});
    }

    public GroupCommitter(EventJournal journal, CommitListener listener) {
        this.journal = journal;
        this.listener = listener;
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
        long lastCommitEnd = System.nanoTime() - 2 * STREAM_GAP_NANOS;
        while (!closing || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                if (!closing && worthWaiting(queue.size(), System.nanoTime() - lastCommitEnd)) {
                    java.util.concurrent.locks.LockSupport.parkNanos(COMMIT_DELAY_NANOS);
                }
                queue.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
                lastCommitEnd = System.nanoTime(); // a failed commit too: records kept coming all the same
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
     * took and how long ago the previous commit ended: only while records keep coming (others wait already, or
     * the previous commit ended moments ago), and while the batch is not yet large enough to share the commit well.
     */
    static boolean worthWaiting(int waitingBehind, long sinceLastCommitNanos) {
        if (waitingBehind >= LARGE_ENOUGH) return false;
        return waitingBehind >= 1 || sinceLastCommitNanos < STREAM_GAP_NANOS;
    }

    private void commit(List<Pending> batch) {
        List<JournalRecord> records = new ArrayList<>(batch.size());
        for (Pending p : batch) records.add(p.record);
        long start = System.nanoTime();
        try {
            journal.append(records);
        } catch (RuntimeException e) {
            log.error("journal append of {} records failed after {} ms; the requests get 503 and their clients retry",
                    records.size(), (System.nanoTime() - start) / 1_000_000, e);
            // newest first: a site unwinds each browser's chain head record by record (LiveSite.failed)
            for (int i = batch.size() - 1; i >= 0; i--) batch.get(i).done.completeExceptionally(e);
            return;
        }
        long took = System.nanoTime() - start;
        committedRecords += records.size(); // records first: a scrape between the two never sees more commits than records
        committedBatches++;
        for (Pending p : batch) p.done.complete(null);
        try {
            listener.committed(records.size(), took); // after the answers: the metric never delays them
        } catch (RuntimeException e) {
            log.warn("the journal's commit listener failed; the commit itself succeeded", e);
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
