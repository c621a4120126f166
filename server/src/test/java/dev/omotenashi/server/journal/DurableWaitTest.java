package dev.omotenashi.server.journal;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A request's wait for durability: answered by the commit, or failed by the deadline, never stuck. */
class DurableWaitTest {

    @Test
    void aCommitThatComesInTimeEndsTheWaitAndTheDoneWaitIsDroppedFromTheQueue() throws Exception {
        try (DurableWait waits = new DurableWait(Duration.ofSeconds(30))) {
            CompletableFuture<Void> durable = new CompletableFuture<>();
            Waiting waiter = Waiting.start(waits, durable);
            until(() -> waits.queued() == 1);
            Thread.sleep(350); // three of the watchdog's ticks: a wait far from its deadline is left alone
            assertThat(waiter.thread().isAlive()).as("still waiting").isTrue();
            assertThat(waits.queued()).isEqualTo(1);
            durable.complete(null);
            waiter.thread().join(10_000);
            assertThat(waiter.thread().isAlive()).isFalse();
            assertThat(waiter.thrown().get()).as("answered normally").isNull();
            until(() -> waits.queued() == 0); // the watchdog drops answered waits
        }
    }

    @Test
    void aStalledJournalAnswersWithATimeoutAndTheRecordsOwnFutureIsLeftToTheCommit() throws Exception {
        try (DurableWait waits = new DurableWait(Duration.ofMillis(200))) {
            CompletableFuture<Void> durable = new CompletableFuture<>();
            Waiting waiter = Waiting.start(waits, durable);
            waiter.thread().join(10_000);
            assertThat(waiter.thrown().get()).isInstanceOf(TimeoutException.class);
            // the deadline failed the wait, not the record: it may still commit, and then it is durable
            assertThat(durable).isNotDone();
            durable.complete(null);
            assertThat(durable).isCompletedWithValue(null);
        }
    }

    @Test
    void aFailedCommitIsReportedAsSuch() throws Exception {
        try (DurableWait waits = new DurableWait(Duration.ofSeconds(30))) {
            CompletableFuture<Void> durable = new CompletableFuture<>();
            Future<?> waiting = CompletableFuture.runAsync(() -> {
                try {
                    waits.await(durable);
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            until(() -> waits.queued() == 1);
            durable.completeExceptionally(new IllegalStateException("disk full"));
            assertThatThrownBy(() -> waiting.get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(IllegalStateException.class)
                    .rootCause().hasMessage("disk full");
        }
    }

    @Test
    void anAlreadyDurableRecordNeedsNoWaitAndAFailedOneThrowsAtOnce() throws Exception {
        try (DurableWait waits = new DurableWait(Duration.ofSeconds(30))) {
            waits.await(CompletableFuture.completedFuture(null));
            assertThatThrownBy(() -> waits.await(CompletableFuture.failedFuture(new IllegalStateException("no"))))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IllegalStateException.class);
            assertThat(waits.queued()).isZero();
        }
    }

    @Test
    void aWaitThatStartsAfterCloseDoesNotWaitForever() throws Exception {
        DurableWait waits = new DurableWait(Duration.ofSeconds(30));
        waits.close();
        CompletableFuture<Void> never = new CompletableFuture<>();
        assertThatThrownBy(() -> waits.await(never)).isInstanceOf(TimeoutException.class).hasMessageContaining("stopping");
    }

    @Test
    void closingFailsTheWaitsStillQueued() throws Exception {
        DurableWait waits = new DurableWait(Duration.ofSeconds(30));
        CompletableFuture<Void> durable = new CompletableFuture<>();
        Waiting waiter = Waiting.start(waits, durable);
        until(() -> waits.queued() == 1);
        waits.close();
        waiter.thread().join(10_000);
        assertThat(waiter.thrown().get()).isInstanceOf(TimeoutException.class).hasMessageContaining("stopping");
    }

    /** A request's thread waiting on {@code durable}, and what its wait threw, if anything. */
    private record Waiting(Thread thread, AtomicReference<Throwable> thrown) {
        static Waiting start(DurableWait waits, CompletableFuture<Void> durable) {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread thread = Thread.ofVirtual().start(() -> {
                try {
                    waits.await(durable);
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            return new Waiting(thread, thrown);
        }
    }

    private static void until(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 1_000 && !condition.getAsBoolean(); i++) Thread.sleep(10);
        assertThat(condition.getAsBoolean()).as("condition within 10 s").isTrue();
    }
}
