package dev.omotenashi.server.journal;

import dev.omotenashi.server.store.EventJournal;
import dev.omotenashi.server.store.JournalRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Group commit with its commit delay: every record committed once, in submission order, each answered. */
class GroupCommitterTest {

    @Test
    void theWriterWaitsForMoreOnlyWhileRecordsKeepComingAndTheBatchIsStillSmall() {
        long idle = 10 * GroupCommitter.STREAM_GAP_NANOS, justNow = GroupCommitter.STREAM_GAP_NANOS / 10;
        assertThat(GroupCommitter.worthWaiting(0, idle)).as("a lone record (light load) is committed at once").isFalse();
        assertThat(GroupCommitter.worthWaiting(0, GroupCommitter.STREAM_GAP_NANOS)).isFalse();
        assertThat(GroupCommitter.worthWaiting(0, justNow)).as("a steady stream: the previous commit just ended").isTrue();
        assertThat(GroupCommitter.worthWaiting(1, idle)).as("others wait already").isTrue();
        assertThat(GroupCommitter.worthWaiting(GroupCommitter.LARGE_ENOUGH - 1, idle)).isTrue();
        assertThat(GroupCommitter.worthWaiting(GroupCommitter.LARGE_ENOUGH, justNow)).as("large enough already").isFalse();
    }

    @Test
    void concurrentSubmittersHaveEveryRecordCommittedOnceInTheirOrder() throws Exception {
        Recording journal = new Recording();
        int threads = 4, each = 2_000;
        List<CompletableFuture<Void>> done = new CopyOnWriteArrayList<>();
        try (GroupCommitter committer = new GroupCommitter(journal)) {
            List<Thread> submitters = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String visitor = "v" + t;
                submitters.add(Thread.ofPlatform().start(() -> {
                    for (int i = 1; i <= each; i++) done.add(committer.submit(record(visitor, i)));
                }));
            }
            for (Thread s : submitters) s.join();
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            assertThat(committer.committedRecords()).isEqualTo((long) threads * each);
            assertThat(committer.committedBatches()).isEqualTo(journal.batches.size());
        }
        for (int t = 0; t < threads; t++) {
            String visitor = "v" + t;
            List<Long> seqs = journal.records.stream().filter(r -> r.visitor().equals(visitor)).map(JournalRecord::seq).toList();
            assertThat(seqs).as(visitor + "'s records, once each, in the order submitted").hasSize(each).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void theListenerHearsOfEachCommitWithItsRecordsAndDuration() throws Exception {
        Recording journal = new Recording();
        List<long[]> heard = new CopyOnWriteArrayList<>();
        List<CompletableFuture<Void>> done = new ArrayList<>();
        try (GroupCommitter committer = new GroupCommitter(journal, (records, nanos) -> heard.add(new long[] {records, nanos}))) {
            for (int i = 1; i <= 500; i++) done.add(committer.submit(record("v", i)));
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        }
        assertThat(heard).as("one report per commit").hasSameSizeAs(journal.batches);
        assertThat(heard.stream().mapToLong(h -> h[0]).boxed().toList())
                .as("each report's records are its commit's").isEqualTo(journal.batches.stream().map(Integer::longValue).toList());
        assertThat(heard).allSatisfy(h -> assertThat(h[1]).isNotNegative());
    }

    @Test
    void aFailingListenerNeverFailsTheRequestsOfACommitThatSucceeded() throws Exception {
        Recording journal = new Recording();
        try (GroupCommitter committer = new GroupCommitter(journal, (records, nanos) -> {
            throw new IllegalStateException("a broken metric");
        })) {
            CompletableFuture<Void> first = committer.submit(record("v", 1));
            assertThat(first).succeedsWithin(30, TimeUnit.SECONDS);
            assertThat(committer.submit(record("v", 2))).as("the writer lives on").succeedsWithin(30, TimeUnit.SECONDS);
        }
    }

    private static JournalRecord record(String visitor, long seq) {
        return new JournalRecord("site", seq, visitor, null, List.of("e" + seq), 0, "{}", 0);
    }

    /** Keeps what was appended, batch by batch. */
    private static final class Recording implements EventJournal {
        final List<JournalRecord> records = new CopyOnWriteArrayList<>();
        final List<Integer> batches = new CopyOnWriteArrayList<>();

        @Override
        public void append(List<JournalRecord> batch) {
            batches.add(batch.size());
            records.addAll(batch);
        }

        @Override
        public void replay(String site, long afterSeq, Consumer<JournalRecord> sink) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<JournalRecord> byVisitor(String site, String visitor, long head, long beforeSeq, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long lastSeq(String site) {
            return 0;
        }

        @Override
        public Set<String> knownEventIds(String site, Collection<String> eventIds) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int deleteVisitor(String site, String visitor, long head) {
            throw new UnsupportedOperationException();
        }
    }
}
