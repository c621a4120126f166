package dev.omotenashi.server.site;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omotenashi.engine.ClientContext;
import dev.omotenashi.engine.Page;
import dev.omotenashi.engine.SiteEngine;
import dev.omotenashi.engine.TrackRequest;
import dev.omotenashi.engine.config.SiteSettings;
import dev.omotenashi.engine.event.Event;
import dev.omotenashi.server.journal.GroupCommitter;
import dev.omotenashi.server.journal.JournalCodec;
import dev.omotenashi.server.store.EventJournal;
import dev.omotenashi.server.store.JournalRecord;
import dev.omotenashi.server.store.SiteRecord;
import dev.omotenashi.server.store.StoreException;
import dev.omotenashi.server.store.sqlite.SqliteStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A commit that fails: the client gets 503 and retries, so the failed records' event ids are forgotten and
 * the browser's chain head goes back past them, so the next record links to the last one that is stored.
 * The journal is real SQLite; only its append can be told to fail once.
 */
class LiveSiteJournalFailureTest {
    private final JournalCodec codec = new JournalCodec(new ObjectMapper());
    @TempDir
    Path data;
    private SqliteStorage storage;
    private Gate journal;
    private GroupCommitter committer;
    private LiveSite site;

    @BeforeEach
    void open() {
        storage = SqliteStorage.open(data);
        journal = new Gate(storage.journal());
        committer = new GroupCommitter(journal);
        site = new LiveSite(new SiteRecord("shop", "Shop", "pk_shop", "wk_shop", List.of("shop.example"),
                "Asia/Tokyo", 1800, "{}", 1, 1), new SiteEngine(SiteSettings.of(ZoneId.of("Asia/Tokyo")), Clock.systemUTC()));
    }

    @AfterEach
    void close() {
        committer.close();
        storage.close();
    }

    @Test
    void aFailedBatchUnwindsTheBrowsersChainAndForgetsItsIdsSoTheRetryIsTaken() throws Exception {
        CompletableFuture<Void> first = holdFirstBatch(); // the writer holds batch [1]
        CompletableFuture<Void> second = site.track(view("e_2"), 2, committer, codec).durable();
        CompletableFuture<Void> third = site.track(view("e_3"), 3, committer, codec).durable();
        journal.failNext = true;
        journal.release.countDown(); // [1] commits; [2, 3] are one batch, and it fails
        first.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> second.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(StoreException.class);
        assertThatThrownBy(() -> third.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(StoreException.class);
        assertThat(journal.failedBatch).extracting(JournalRecord::seq).containsExactly(2L, 3L);

        assertThat(site.journalHead("v_browser1")).as("back to the stored record").isEqualTo(1);
        LiveSite.Tracked retry = site.track(view("e_3"), 4, committer, codec);
        assertThat(retry.duplicates()).as("the failed ids were forgotten").isZero();
        retry.durable().get(10, TimeUnit.SECONDS);
        List<JournalRecord> stored = stored();
        assertThat(stored).extracting(JournalRecord::seq).containsExactly(1L, 4L);
        assertThat(stored.get(1).prevSeq()).as("linked past the failed records").isEqualTo(1);
    }

    @Test
    void aRetryOfEventsStillOnTheirWayIsAnsweredWithTheirRecordAndFailsWhenItFails() throws Exception {
        CompletableFuture<Void> first = holdFirstBatch(); // the writer holds batch [1]
        CompletableFuture<Void> second = site.track(view("e_2"), 2, committer, codec).durable();
        // the client gave up on e_2 and retries while its record waits; and retries e_1 as well
        LiveSite.Tracked retryOfSecond = site.track(view("e_2"), 3, committer, codec);
        LiveSite.Tracked retryOfBoth = site.track(views("e_1", "e_2"), 3, committer, codec);
        LiveSite.Tracked retryWithNew = site.track(views("e_2", "e_9"), 3, committer, codec);
        assertThat(retryOfSecond.duplicates()).isEqualTo(1);
        assertThat(retryOfSecond.durable()).as("not acknowledged before its record is durable").isNotDone();
        assertThat(retryOfBoth.durable()).isNotDone();
        journal.failNext = true;
        journal.release.countDown(); // [1] commits; [2, 9] are one batch, and it fails
        first.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> second.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(StoreException.class);
        assertThatThrownBy(() -> retryOfSecond.durable().get(10, TimeUnit.SECONDS))
                .as("e_2's only record was lost: the retry must not be acknowledged").isInstanceOf(ExecutionException.class);
        assertThatThrownBy(() -> retryOfBoth.durable().get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        assertThatThrownBy(() -> retryWithNew.durable().get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);

        // the client retries again: e_2 is taken this time, e_1 is a duplicate of a stored record
        LiveSite.Tracked again = site.track(views("e_1", "e_2"), 4, committer, codec);
        assertThat(again.duplicates()).isEqualTo(1);
        again.durable().get(10, TimeUnit.SECONDS);
        List<JournalRecord> stored = stored();
        assertThat(stored).flatExtracting(JournalRecord::eventIds).containsExactly("e_1", "e_2");
    }

    @Test
    void aRetryOfEventsStillOnTheirWayIsAcknowledgedOnceTheirRecordCommits() throws Exception {
        CompletableFuture<Void> first = holdFirstBatch();
        LiveSite.Tracked retry = site.track(view("e_1"), 2, committer, codec);
        assertThat(retry.durable()).isNotDone();
        journal.release.countDown();
        first.get(10, TimeUnit.SECONDS);
        retry.durable().get(10, TimeUnit.SECONDS);
        // once nothing is on its way, a retry is acknowledged at once
        assertThat(site.track(view("e_1"), 3, committer, codec).durable()).isCompleted();
    }

    private static TrackRequest views(String... ids) {
        List<Event> events = new ArrayList<>();
        for (String id : ids) events.add(new Event(id, "view", 1_700_000_000_000L, null));
        return new TrackRequest("v_browser1", null, null, new Page("https://shop.example/", null, null),
                ClientContext.EMPTY, events, false);
    }

    /** Tracks e_1 and waits until the journal's writer holds its batch (the gate keeps it there). */
    private CompletableFuture<Void> holdFirstBatch() throws InterruptedException {
        CompletableFuture<Void> first = site.track(view("e_1"), 1, committer, codec).durable();
        assertThat(journal.entered.await(10, TimeUnit.SECONDS)).isTrue();
        return first;
    }

    private List<JournalRecord> stored() {
        List<JournalRecord> stored = new ArrayList<>();
        storage.journal().replay("shop", 0, stored::add);
        return stored;
    }

    private static TrackRequest view(String id) {
        return new TrackRequest("v_browser1", null, null, new Page("https://shop.example/", null, null),
                ClientContext.EMPTY, List.of(new Event(id, "view", 1_700_000_000_000L, null)), false);
    }

    /** The real journal, whose first append waits for the test, and whose append fails once when told to. */
    private static final class Gate implements EventJournal {
        private final EventJournal real;
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean failNext;
        volatile List<JournalRecord> failedBatch = List.of();
        private boolean first = true;

        Gate(EventJournal real) {
            this.real = real;
        }

        @Override
        public void append(List<JournalRecord> batch) {
            if (first) {
                first = false;
                entered.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else if (failNext) {
                failNext = false;
                failedBatch = List.copyOf(batch);
                throw new StoreException("disk full (injected)");
            }
            real.append(batch);
        }

        @Override
        public void replay(String site, long afterSeq, Consumer<JournalRecord> sink) {
            real.replay(site, afterSeq, sink);
        }

        @Override
        public List<JournalRecord> byVisitor(String site, String visitor, long head, long beforeSeq, int limit) {
            return real.byVisitor(site, visitor, head, beforeSeq, limit);
        }

        @Override
        public long lastSeq(String site) {
            return real.lastSeq(site);
        }

        @Override
        public Set<String> knownEventIds(String site, Collection<String> eventIds) {
            return real.knownEventIds(site, eventIds);
        }

        @Override
        public int deleteVisitor(String site, String visitor, long head) {
            return real.deleteVisitor(site, visitor, head);
        }
    }
}
