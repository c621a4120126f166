package dev.omotenashi.server.journal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * A request's wait for its records to be durable, with a deadline but without a timer per request.
 *
 * <p>Why not {@code future.get(timeout)}: on JDK 25 a virtual thread's timed park schedules a task on the
 * ForkJoinPool's delay scheduler and cancels it on wake-up, and each of the two wakes that scheduler's thread.
 * At the server's maximum this was about 8% of its CPU (docs/performance.md, the tenth session). Here a
 * waiter parks untimed; one watchdog thread, ten times a second, fails the waits whose deadline has passed.
 * All waits share one timeout, so they queue in deadline order and the watchdog only looks at the head.
 *
 * <p>The deadline ends the wait, not the commit: a record that commits after its request was answered 503
 * is in the journal, and the client's retry with the same event ids is taken as a duplicate.
 */
public final class DurableWait implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DurableWait.class);
    private static final long TICK_MILLIS = 100;

    private record Waiter(long deadline, CompletableFuture<Void> answer) {}

    private final ConcurrentLinkedQueue<Waiter> waiters = new ConcurrentLinkedQueue<>();
    private final long timeoutNanos;
    private final Thread watchdog;
    private volatile boolean closed;

    public DurableWait(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
        this.watchdog = Thread.ofPlatform().name("durable-wait").daemon(true).start(this::watch);
    }

    /**
     * Returns when {@code durable} has completed normally.
     *
     * @throws TimeoutException   when it did not complete within the timeout (it may still complete later)
     * @throws ExecutionException when it completed exceptionally (the commit failed)
     */
    public void await(CompletableFuture<Void> durable) throws ExecutionException, TimeoutException, InterruptedException {
        if (!durable.isDone()) {
            // a copy, so that the deadline fails this wait and never the record's own future
            CompletableFuture<Void> answer = durable.copy();
            waiters.add(new Waiter(System.nanoTime() + timeoutNanos, answer));
            if (closed) answer.completeExceptionally(new TimeoutException("the server is stopping")); // no watchdog left
            durable = answer;
        }
        try {
            durable.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TimeoutException t) throw t;
            throw e;
        }
    }

    /** Waits that have not been answered or timed out yet, and done ones not yet dropped (for tests). */
    int queued() {
        return waiters.size();
    }

    private void watch() {
        while (!closed) {
            try {
                expire(System.nanoTime());
            } catch (Throwable t) { // e.g. out of memory while the journal stalls: keep watching, or waits never end
                log.error("the durability watchdog failed; it goes on", t);
            }
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                break;
            }
        }
    }

    /** Drops answered waits from the head and fails those past their deadline (the watchdog is the only consumer). */
    private void expire(long now) {
        Waiter head;
        while ((head = waiters.peek()) != null && (head.answer.isDone() || head.deadline - now <= 0)) {
            Waiter taken = waiters.poll();
            if (taken != null && !taken.answer.isDone()) {
                taken.answer.completeExceptionally(new TimeoutException("not durable within "
                        + Duration.ofNanos(timeoutNanos).toMillis() + " ms"));
            }
        }
    }

    /** Stops the watchdog; waits still queued are failed, so nobody waits forever on a server that stopped. */
    @Override
    public void close() {
        closed = true;
        watchdog.interrupt();
        try {
            watchdog.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Waiter w;
        while ((w = waiters.poll()) != null) w.answer.completeExceptionally(new TimeoutException("the server is stopping"));
    }
}
