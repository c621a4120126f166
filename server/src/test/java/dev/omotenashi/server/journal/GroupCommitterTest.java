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
    void theWriterWaitsForMoreOnlyWhileOthersWaitAndTheBatchIsStillSmall() {
        assertThat(GroupCommitter.worthWaiting(0)).as("a lone record (light load) is committed at once").isFalse();
        assertThat(GroupCommitter.worthWaiting(1)).isTrue();
        assertThat(GroupCommitter.worthWaiting(GroupCommitter.LARGE_ENOUGH - 1)).isTrue();
        assertThat(GroupCommitter.worthWaiting(GroupCommitter.LARGE_ENOUGH)).as("large enough already").isFalse();
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
