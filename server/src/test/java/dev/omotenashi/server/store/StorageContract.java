package dev.omotenashi.server.store;

import dev.omotenashi.server.store.CheckpointStore.Checkpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link Storage} promises, run against each implementation by a subclass that says where a fresh,
 * empty storage lives. Each test gets its own: {@link #prepare()} makes the place, {@link #open()} opens it
 * (again, for the reopening tests), {@link #discard()} removes it.
 */
public abstract class StorageContract {
    /** 2026-11-22T00:00Z: records are received on a known UTC day. */
    protected static final long DAY0 = Instant.parse("2026-11-22T00:00:00Z").toEpochMilli();
    protected static final long DAY_MS = 86_400_000L;

    private final List<Storage> opened = new ArrayList<>();
    protected Storage storage;

    /** Makes an empty place for this test's storage. */
    protected abstract void prepare() throws Exception;

    /** Opens the storage at this test's place; called again to reopen it. */
    protected abstract Storage openStorage();

    /** Removes this test's place; every storage opened on it is closed by then. */
    protected abstract void discard() throws Exception;

    /** How many rows a table of this test's storage holds, counted from outside it. */
    protected abstract long rowsIn(String table) throws Exception;

    @BeforeEach
    final void setUp() throws Exception {
        CHAINS.clear();
        prepare();
        storage = open();
    }

    @AfterEach
    final void tearDown() throws Exception {
        try {
            opened.forEach(Storage::close);
        } finally {
            discard();
        }
    }

    /** Opens another storage on this test's place, closed after the test. */
    protected final Storage open() {
        Storage s = openStorage();
        opened.add(s);
        return s;
    }

    /** Closes the storage and opens it again. */
    protected final void reopen() {
        storage.close();
        storage = open();
    }

    // ---- sites and objects ----

    @Test
    void aSiteIsStoredReadListedReplacedAndDeleted() {
        SiteStore sites = storage.sites();
        assertThat(sites.sites()).isEmpty();
        SiteRecord shop = site("shop");
        sites.putSite(shop);
        sites.putSite(site("blog"));

        assertThat(sites.site("shop")).contains(shop);
        assertThat(sites.sites()).extracting(SiteRecord::id).containsExactly("blog", "shop");

        SiteRecord renamed = new SiteRecord("shop", "Shop, renamed", shop.key(), shop.writeKey(),
                List.of("shop.example", "www.shop.example"), "Europe/Berlin", 600, "{\"spacing\":3}", 1, 2);
        sites.putSite(renamed); // its own keys are not "taken"
        assertThat(sites.site("shop")).contains(renamed);

        assertThat(sites.deleteSite("shop")).isTrue();
        assertThat(sites.deleteSite("shop")).isFalse();
        assertThat(sites.site("shop")).isEmpty();
        assertThat(sites.sites()).extracting(SiteRecord::id).containsExactly("blog");
    }

    @Test
    void aKeyOrWriteKeyOfAnotherSiteIsRefusedAndNothingChanges() {
        SiteStore sites = storage.sites();
        sites.putSite(site("shop"));
        SiteRecord blog = site("blog");
        sites.putSite(blog);

        SiteRecord takesKey = new SiteRecord("blog", "Blog", "pk_shop", "wk_blog2", List.of(), "UTC", 1800, "{}", 0, 0);
        assertThatThrownBy(() -> sites.putSite(takesKey))
                .isInstanceOfSatisfying(DuplicateKeyException.class, e -> assertThat(e.field()).isEqualTo("key"));
        SiteRecord takesWriteKey = new SiteRecord("new", "New", "pk_new", "wk_shop", List.of(), "UTC", 1800, "{}", 0, 0);
        assertThatThrownBy(() -> sites.putSite(takesWriteKey))
                .isInstanceOfSatisfying(DuplicateKeyException.class, e -> {
                    assertThat(e.field()).isEqualTo("writeKey");
                    assertThat(e.getMessage()).doesNotContain("wk_shop");
                });

        assertThat(sites.site("blog")).contains(blog);
        assertThat(sites.site("new")).isEmpty();
    }

    @Test
    void objectsAreStoredPerKindReplacedAndDeleted() {
        SiteStore sites = storage.sites();
        sites.putSite(site("shop"));
        ConfigObject vip = new ConfigObject("shop", "segment", "vip", "{\"v\":1}", 10);
        ConfigObject newcomer = new ConfigObject("shop", "segment", "newcomer", "{\"v\":1}", 10);
        ConfigObject sale = new ConfigObject("shop", "campaign", "vip", "{\"c\":1}", 10); // same id, other kind
        sites.putObject(vip);
        sites.putObject(newcomer);
        sites.putObject(sale);

        assertThat(sites.objects("shop", "segment")).containsExactly(newcomer, vip);
        assertThat(sites.objects("shop", "campaign")).containsExactly(sale);
        assertThat(sites.objects("shop", "journey")).isEmpty();
        assertThat(sites.object("shop", "campaign", "vip")).contains(sale);

        ConfigObject vip2 = new ConfigObject("shop", "segment", "vip", "{\"v\":2}", 20);
        sites.putObject(vip2);
        assertThat(sites.object("shop", "segment", "vip")).contains(vip2);

        assertThat(sites.deleteObject("shop", "segment", "vip")).isTrue();
        assertThat(sites.deleteObject("shop", "segment", "vip")).isFalse();
        assertThat(sites.objects("shop", "segment")).containsExactly(newcomer);
        assertThat(sites.object("shop", "campaign", "vip")).contains(sale);
    }

    @Test
    void oneSiteNeverSeesAnotherSitesObjects() {
        SiteStore sites = storage.sites();
        sites.putSite(site("a"));
        sites.putSite(site("b"));
        sites.putObject(new ConfigObject("a", "segment", "vip", "{\"site\":\"a\"}", 1));

        assertThat(sites.objects("b", "segment")).isEmpty();
        assertThat(sites.object("b", "segment", "vip")).isEmpty();
        assertThat(sites.deleteObject("b", "segment", "vip")).isFalse();
        assertThat(sites.object("a", "segment", "vip")).isPresent();

        sites.putObject(new ConfigObject("b", "segment", "vip", "{\"site\":\"b\"}", 1));
        assertThat(sites.object("a", "segment", "vip").orElseThrow().json()).isEqualTo("{\"site\":\"a\"}");
    }

    @Test
    void anObjectOfAnUnknownSiteIsRefused() {
        assertThatThrownBy(() -> storage.sites().putObject(new ConfigObject("ghost", "segment", "vip", "{}", 1)))
                .isInstanceOf(StoreException.class);
        assertThat(storage.sites().objects("ghost", "segment")).isEmpty();
    }

    @Test
    void deletingASiteDeletesItsObjectsJournalEventIdsAndCheckpointButNoOtherSites() {
        for (String id : List.of("gone", "kept")) {
            storage.sites().putSite(site(id));
            storage.sites().putObject(new ConfigObject(id, "segment", "vip", "{}", 1));
            storage.journal().append(List.of(record(id, 1, "v", "e1"), record(id, 2, "v", "e2")));
            storage.checkpoints().save(id, new Checkpoint(2, Map.of("v", bytes("profile"))));
        }

        assertThat(storage.sites().deleteSite("gone")).isTrue();

        assertThat(storage.sites().objects("gone", "segment")).isEmpty();
        assertThat(replay("gone", 0)).isEmpty();
        assertThat(storage.journal().knownEventIds("gone", List.of("e1", "e2"))).isEmpty();
        assertThat(storage.checkpoints().load("gone")).isEmpty();

        assertThat(storage.sites().objects("kept", "segment")).hasSize(1);
        assertThat(replay("kept", 0)).hasSize(2);
        assertThat(storage.journal().knownEventIds("kept", List.of("e1", "e2"))).containsExactlyInAnyOrder("e1", "e2");
        assertThat(storage.checkpoints().load("kept")).isPresent();

        // A site created again under the same id starts empty.
        storage.sites().putSite(site("gone"));
        assertThat(storage.journal().lastSeq("gone")).isZero();
    }

    // ---- the journal ----

    @Test
    void replayReturnsEveryRecordInSeqOrderAcrossManyBatchesAndDays() {
        EventJournal journal = storage.journal();
        // 60 batches of 5, received over three days; each batch's records are listed out of order.
        for (int b = 0; b < 60; b++) {
            List<JournalRecord> batch = new ArrayList<>();
            for (int i = 4; i >= 0; i--) {
                long seq = b * 5L + i + 1;
                batch.add(new JournalRecord("shop", seq, "v" + seq % 7, null, List.of("e" + seq),
                        DAY0 + (b / 20) * DAY_MS + seq, "{\"seq\":" + seq + "}", link("shop", "v" + seq % 7, seq)));
            }
            journal.append(batch);
        }
        journal.append(List.of(record("other", 1, "v1", "e1")));

        assertThat(replay("shop", 0)).extracting(JournalRecord::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 300).boxed().toList());
        assertThat(replay("shop", 0)).allMatch(r -> r.site().equals("shop"));
        assertThat(replay("shop", 297)).extracting(JournalRecord::seq).containsExactly(298L, 299L, 300L);
        assertThat(replay("shop", 300)).isEmpty();
    }

    @Test
    void aRecordReadsBackAsItWasAppended() {
        String big = "{\"page\":\"" + "日本語のページ ".repeat(20_000) + "\"}";
        JournalRecord anonymous = new JournalRecord("shop", 1, "v1", null, List.of(), DAY0 + 5, "{}", 0);
        JournalRecord known = new JournalRecord("shop", 2, "v1", "user-42", List.of("a", "b\"quoted\"", "c,d"),
                DAY0 + 6, big, 1);
        storage.journal().append(List.of(anonymous, known));

        assertThat(replay("shop", 0)).containsExactly(anonymous, known);
    }

    @Test
    void anEmptyBatchChangesNothing() {
        storage.journal().append(List.of());
        assertThat(storage.journal().lastSeq("shop")).isZero();
    }

    @Test
    void byVisitorPagesThroughOneVisitorNewestFirst() {
        List<JournalRecord> batch = new ArrayList<>();
        for (long seq = 1; seq <= 30; seq++) batch.add(record("shop", seq, seq % 3 == 0 ? "alice" : "bob", "e" + seq));
        storage.journal().append(batch);
        storage.journal().append(List.of(record("other", 31, "alice", "x")));

        long alice = head("shop", "alice");
        assertThat(alice).isEqualTo(30);
        List<JournalRecord> page1 = storage.journal().byVisitor("shop", "alice", alice, Long.MAX_VALUE, 4);
        assertThat(page1).extracting(JournalRecord::seq).containsExactly(30L, 27L, 24L, 21L);
        List<JournalRecord> page2 = storage.journal().byVisitor("shop", "alice", alice, 21, 4);
        assertThat(page2).extracting(JournalRecord::seq).containsExactly(18L, 15L, 12L, 9L);
        List<JournalRecord> last = storage.journal().byVisitor("shop", "alice", alice, 9, 4);
        assertThat(last).extracting(JournalRecord::seq).containsExactly(6L, 3L);
        assertThat(storage.journal().byVisitor("shop", "alice", alice, 3, 4)).isEmpty();
        assertThat(storage.journal().byVisitor("shop", "alice", alice, 100, 0)).isEmpty();
        assertThat(storage.journal().byVisitor("shop", "carol", 0, 100, 10)).isEmpty();
        assertThat(page1).allMatch(r -> r.visitor().equals("alice") && r.site().equals("shop"));
        // a cursor that is not one of alice's records (bob's 20): the walk starts at the head and skips
        assertThat(storage.journal().byVisitor("shop", "alice", alice, 20, 2)).extracting(JournalRecord::seq)
                .containsExactly(18L, 15L);
        // a head that is another visitor's record (bob's 29) is not followed into bob's chain
        assertThat(storage.journal().byVisitor("shop", "alice", 29, Long.MAX_VALUE, 2)).extracting(JournalRecord::seq)
                .containsExactly(27L, 24L);
    }

    /**
     * A link the journal lacks (the commit of that record failed, or it is still being committed): the
     * records before it are still found, by a scan, and deleting the visitor still deletes them all.
     */
    @Test
    void aMissingLinkIsSteppedOverByScanning() {
        EventJournal journal = storage.journal();
        journal.append(List.of(record("shop", 1, "alice", "a1"), record("shop", 2, "bob", "b1"),
                record("shop", 3, "alice", "a3")));
        JournalRecord lost = record("shop", 4, "alice", "a4"); // never appended
        journal.append(List.of(record("shop", 5, "alice", "a5"), record("shop", 6, "alice", "a6")));
        assertThat(lost.seq()).isEqualTo(4);
        assertThat(replay("shop", 4).get(0).prevSeq()).as("5 links to the lost 4").isEqualTo(4);

        assertThat(journal.byVisitor("shop", "alice", 6, Long.MAX_VALUE, 10)).extracting(JournalRecord::seq)
                .containsExactly(6L, 5L, 3L, 1L);
        assertThat(journal.byVisitor("shop", "alice", 6, 5, 10)).extracting(JournalRecord::seq).containsExactly(3L, 1L);
        assertThat(journal.byVisitor("shop", "alice", 9, Long.MAX_VALUE, 10)).as("the head itself missing")
                .extracting(JournalRecord::seq).containsExactly(6L, 5L, 3L, 1L);

        assertThat(journal.deleteVisitor("shop", "alice", 6)).isEqualTo(4);
        assertThat(replay("shop", 0)).extracting(JournalRecord::visitor).containsExactly("bob");
        assertThat(journal.knownEventIds("shop", List.of("a1", "a3", "a5", "a6", "b1"))).containsExactly("b1");
    }

    @Test
    void lastSeqIsZeroForANewSiteThenTheHighestSeqPerSite() {
        EventJournal journal = storage.journal();
        assertThat(journal.lastSeq("shop")).isZero();
        journal.append(List.of(record("shop", 7, "v", "a"), record("shop", 3, "v", "b")));
        journal.append(List.of(record("other", 100, "v", "a")));
        assertThat(journal.lastSeq("shop")).isEqualTo(7);
        assertThat(journal.lastSeq("other")).isEqualTo(100);
    }

    @Test
    void lastSeqDoesNotGoBackWhenTheNewestRecordsAreDeleted() {
        EventJournal journal = storage.journal();
        journal.append(List.of(record("shop", 1, "stays", "a"), record("shop", 2, "leaves", "b"),
                record("shop", 3, "leaves", "c")));
        assertThat(journal.deleteVisitor("shop", "leaves", head("shop", "leaves"))).isEqualTo(2);
        assertThat(journal.lastSeq("shop")).isEqualTo(3);

        journal.append(List.of(record("shop", 4, "stays", "d")));
        assertThat(journal.lastSeq("shop")).isEqualTo(4);
        reopen();
        assertThat(storage.journal().lastSeq("shop")).isEqualTo(4);
    }

    @Test
    void knownEventIdsAreTheJournaledOnesOfThatSite() {
        EventJournal journal = storage.journal();
        List<JournalRecord> batch = new ArrayList<>();
        for (int i = 0; i < 700; i++) batch.add(record("shop", i + 1, "v", "id-" + (2 * i), "id-" + (2 * i + 1)));
        journal.append(batch);
        journal.append(List.of(record("other", 1, "v", "only-other")));

        List<String> asked = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) asked.add("id-" + i); // 1,400 known, spread over 700 records
        asked.add("only-other");
        asked.add("id-5"); // asked twice

        assertThat(journal.knownEventIds("shop", asked))
                .hasSize(1_400)
                .contains("id-0", "id-1399", "id-5")
                .doesNotContain("id-1400", "only-other");
        assertThat(journal.knownEventIds("other", asked)).containsExactly("only-other");
        assertThat(journal.knownEventIds("shop", List.of())).isEmpty();
    }

    @Test
    void aBatchRepeatingAKnownEventIdKeepsEveryRecord() {
        EventJournal journal = storage.journal();
        journal.append(List.of(record("shop", 1, "v", "e1")));
        // An id journaled before and repeated inside the batch too (a retry older than the server's window):
        // the requests were acknowledged, so every record is kept whole.
        journal.append(List.of(record("shop", 2, "v", "e1", "e2"), record("shop", 3, "v", "e2")));

        assertThat(replay("shop", 0)).extracting(JournalRecord::seq).containsExactly(1L, 2L, 3L);
        assertThat(replay("shop", 1).get(0).eventIds()).containsExactly("e1", "e2");
        assertThat(journal.knownEventIds("shop", List.of("e1", "e2"))).containsExactlyInAnyOrder("e1", "e2");

        // Deleting the visitor who carried a duplicate forgets the id; the first record's visitor keeps it.
        journal.append(List.of(record("shop", 4, "w", "e3"), record("shop", 5, "x", "e3")));
        journal.deleteVisitor("shop", "x", head("shop", "x"));
        assertThat(journal.knownEventIds("shop", List.of("e3"))).containsExactly("e3");
    }

    @Test
    void deleteVisitorForgetsTheRecordsAndEventIdsOfThatVisitorOnly() {
        EventJournal journal = storage.journal();
        journal.append(List.of(record("shop", 1, "alice", "a1"), record("shop", 2, "bob", "b1"),
                record("shop", 3, "alice", "a2", "a3"), record("other", 1, "alice", "a1")));

        long alice = head("shop", "alice");
        assertThat(journal.deleteVisitor("shop", "alice", alice)).isEqualTo(2);
        assertThat(journal.deleteVisitor("shop", "alice", alice)).isZero();
        assertThat(journal.deleteVisitor("shop", "bob", 0)).as("no head, nothing").isZero();

        assertThat(replay("shop", 0)).extracting(JournalRecord::visitor).containsExactly("bob");
        assertThat(journal.byVisitor("shop", "alice", alice, Long.MAX_VALUE, 10)).isEmpty();
        assertThat(journal.knownEventIds("shop", List.of("a1", "a2", "a3", "b1"))).containsExactly("b1");
        assertThat(replay("other", 0)).extracting(JournalRecord::visitor).containsExactly("alice");
        assertThat(journal.knownEventIds("other", List.of("a1"))).containsExactly("a1");
    }

    @Test
    void tenThousandRecordsAppendInOneBatch() {
        List<JournalRecord> batch = new ArrayList<>();
        for (long seq = 1; seq <= 10_000; seq++) batch.add(record("shop", seq, "v" + seq % 100, "e" + seq));
        storage.journal().append(batch);

        List<JournalRecord> back = replay("shop", 0);
        assertThat(back).hasSize(10_000);
        assertThat(back).extracting(JournalRecord::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 10_000).boxed().toList());
        assertThat(storage.journal().lastSeq("shop")).isEqualTo(10_000);
        assertThat(storage.journal().knownEventIds("shop", List.of("e1", "e5000", "e10000", "e10001")))
                .containsExactlyInAnyOrder("e1", "e5000", "e10000");
    }

    @Test
    void concurrentAppendsAreAllStoredInOrderPerThreadAndSurviveReopening() throws Exception {
        int threads = 6;
        int batches = 40;
        int perBatch = 5;
        AtomicLong nextSeq = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String visitor = "thread-" + t;
                done.add(pool.submit(() -> {
                    int n = 0;
                    long prev = 0;
                    for (int b = 0; b < batches; b++) {
                        List<JournalRecord> batch = new ArrayList<>();
                        for (int i = 0; i < perBatch; i++, n++) {
                            long seq = nextSeq.incrementAndGet();
                            batch.add(new JournalRecord("shop", seq, visitor, null, List.of(visitor + "-" + n),
                                    DAY0 + seq, "{\"n\":" + n + "}", prev));
                            prev = seq;
                        }
                        storage.journal().append(batch);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get(5, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }

        reopen();
        List<JournalRecord> all = replay("shop", 0);
        assertThat(all).hasSize(threads * batches * perBatch);
        for (int t = 0; t < threads; t++) {
            String visitor = "thread-" + t;
            List<String> appended = IntStream.range(0, batches * perBatch).mapToObj(n -> "{\"n\":" + n + "}").toList();
            assertThat(all.stream().filter(r -> r.visitor().equals(visitor)).map(JournalRecord::request).toList())
                    .as("records of %s in the order that thread appended them", visitor)
                    .containsExactlyElementsOf(appended);
        }
        assertThat(storage.journal().lastSeq("shop")).isEqualTo(nextSeq.get());
    }

    // ---- checkpoints ----

    @Test
    void aCheckpointLoadsAsSavedAndASaveReplacesItWhole() {
        CheckpointStore checkpoints = storage.checkpoints();
        assertThat(checkpoints.load("shop")).isEmpty();

        checkpoints.save("shop", new Checkpoint(10, Map.of("alice", bytes("a1"), "bob", bytes("b1"))));
        Checkpoint first = checkpoints.load("shop").orElseThrow();
        assertThat(first.seq()).isEqualTo(10);
        assertThat(first.profiles()).containsOnlyKeys("alice", "bob");
        assertThat(first.profiles().get("alice")).isEqualTo(bytes("a1"));

        checkpoints.save("shop", new Checkpoint(20, Map.of("bob", bytes("b2"), "carol", bytes("c2"))));
        Checkpoint second = checkpoints.load("shop").orElseThrow();
        assertThat(second.seq()).isEqualTo(20);
        assertThat(second.profiles()).containsOnlyKeys("bob", "carol"); // alice went with the old checkpoint
        assertThat(second.profiles().get("bob")).isEqualTo(bytes("b2"));

        checkpoints.save("shop", new Checkpoint(30, Map.of()));
        assertThat(checkpoints.load("shop")).hasValueSatisfying(c -> {
            assertThat(c.seq()).isEqualTo(30);
            assertThat(c.profiles()).isEmpty();
        });
    }

    @Test
    void aCheckpointWrittenInPartsAppearsWholeOnlyWhenCompleteAndAnAbandonedOneLeavesNothing() throws Exception {
        CheckpointStore checkpoints = storage.checkpoints();
        checkpoints.save("shop", new Checkpoint(5, Map.of("alice", bytes("old"))));

        try (CheckpointStore.Writer w = checkpoints.begin("shop", 9)) {
            w.write(Map.of("alice", bytes("a9"), "bob", bytes("b9")));
            w.write(Map.of("carol", bytes("c9")));
            assertThat(checkpoints.load("shop").orElseThrow().seq()).as("not complete yet: the previous one").isEqualTo(5);
            w.complete();
        }
        Checkpoint done = checkpoints.load("shop").orElseThrow();
        assertThat(done.seq()).isEqualTo(9);
        assertThat(done.profiles()).containsOnlyKeys("alice", "bob", "carol");
        assertThat(done.profiles().get("alice")).isEqualTo(bytes("a9"));

        try (CheckpointStore.Writer w = checkpoints.begin("shop", 12)) {
            w.write(Map.of("dave", bytes("d12")));
            // given up: closed without completing
        }
        assertThat(checkpoints.load("shop").orElseThrow().seq()).isEqualTo(9);
        assertThat(rowsIn("checkpoint_rows")).as("the abandoned part is gone").isEqualTo(3);
        assertThat(rowsIn("checkpoints")).isEqualTo(1);
    }

    @Test
    void aCheckpointWhoseSiteWasDeletedMeanwhileIsNotCompleted() {
        CheckpointStore checkpoints = storage.checkpoints();
        try (CheckpointStore.Writer w = checkpoints.begin("shop", 3)) {
            w.write(Map.of("alice", bytes("a3")));
            checkpoints.delete("shop");
            assertThatThrownBy(w::complete).isInstanceOf(StoreException.class).hasMessageContaining("superseded");
        }
        assertThat(checkpoints.load("shop")).isEmpty();
    }

    @Test
    void rowsASaveWritesAfterItsSiteWasDeletedAreRemovedToo() throws Exception {
        CheckpointStore checkpoints = storage.checkpoints();
        Map<String, byte[]> more = new HashMap<>();
        for (int i = 0; i < 600; i++) more.put("p" + i, bytes("late " + i)); // more than two of the store's chunks
        try (CheckpointStore.Writer w = checkpoints.begin("shop", 3)) {
            w.write(Map.of("alice", bytes("a3")));
            checkpoints.delete("shop");
            w.write(more); // the save does not know yet
            assertThatThrownBy(w::complete).isInstanceOf(StoreException.class);
        }
        assertThat(rowsIn("checkpoint_rows")).as("no row outlives its checkpoint").isZero();
        assertThat(rowsIn("checkpoints")).isZero();
    }

    @Test
    void checkpointsOfSitesAreSeparateAndDeletedOneByOne() {
        CheckpointStore checkpoints = storage.checkpoints();
        checkpoints.save("a", new Checkpoint(1, Map.of("p", bytes("of a"))));
        checkpoints.save("b", new Checkpoint(2, Map.of("p", bytes("of b"))));

        assertThat(checkpoints.load("a").orElseThrow().profiles().get("p")).isEqualTo(bytes("of a"));
        assertThat(checkpoints.load("b").orElseThrow().profiles().get("p")).isEqualTo(bytes("of b"));

        checkpoints.delete("a");
        assertThat(checkpoints.load("a")).isEmpty();
        assertThat(checkpoints.load("b")).isPresent();
        checkpoints.delete("a"); // nothing left to delete
    }

    @Test
    void replacedAndDeletedCheckpointsLeaveNoRowsBehind() throws Exception {
        CheckpointStore checkpoints = storage.checkpoints();
        for (int g = 1; g <= 3; g++) checkpoints.save("shop", checkpointOfGeneration(g, 2_500));
        checkpoints.save("other", checkpointOfGeneration(1, 10));
        assertThat(rowsIn("checkpoint_rows")).isEqualTo(2_510);
        assertThat(rowsIn("checkpoints")).isEqualTo(2);

        checkpoints.delete("shop");
        assertThat(rowsIn("checkpoint_rows")).isEqualTo(10);
        assertThat(rowsIn("checkpoints")).isEqualTo(1);
    }

    /**
     * The checks of each dialect's V6 migration test: a version-5 database held an obsolete generation with
     * {@code v:a} and the complete one (seq 9) with {@code u:b}, {@code v:a} (0x0a) and {@code v:c} (0x0b).
     */
    protected static void theVersion5CheckpointWasCarriedOver(Storage migrated) {
        Map<String, byte[]> loaded = new java.util.TreeMap<>();
        assertThat(migrated.checkpoints().load("shop", loaded::put)).hasValue(9);
        assertThat(loaded).containsOnlyKeys("u:b", "v:a", "v:c");
        assertThat(loaded.get("v:a")).containsExactly(0x0a);
        migrated.checkpoints().delete("shop");
        assertThat(migrated.checkpoints().load("shop")).isEmpty();
    }

    @Test
    void aLargeCheckpointStreamsInTheOrderItWasWritten() {
        Map<String, byte[]> profiles = new HashMap<>();
        for (int i = 0; i < 25_000; i++) profiles.put(String.format("visitor-%06d", i), bytes("profile " + i));
        storage.checkpoints().save("shop", new Checkpoint(99, profiles));

        Map<String, byte[]> streamed = new LinkedHashMap<>();
        OptionalLong seq = storage.checkpoints().load("shop", streamed::put);

        assertThat(seq).hasValue(99);
        assertThat(streamed).hasSize(25_000);
        assertThat(new ArrayList<>(streamed.keySet())).isEqualTo(new ArrayList<>(profiles.keySet()));
        assertThat(streamed.get("visitor-012345")).isEqualTo(bytes("profile 12345"));
        assertThat(storage.checkpoints().load("other", (k, v) -> { throw new AssertionError(k); })).isEmpty();
    }

    @Test
    void aLoadDuringSavesSeesOneWholeCheckpoint() throws Exception {
        int size = 5_000; // more than one chunk of a save
        storage.checkpoints().save("shop", checkpointOfGeneration(0, size));
        AtomicBoolean saving = new AtomicBoolean(true);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> saves = pool.submit(() -> {
                try {
                    for (int g = 1; g <= 8; g++) storage.checkpoints().save("shop", checkpointOfGeneration(g, size));
                } finally {
                    saving.set(false);
                }
                return null;
            });
            int loads = 0;
            while (saving.get() || loads < 3) {
                Checkpoint seen = storage.checkpoints().load("shop").orElseThrow();
                String expected = "generation " + seen.seq();
                assertThat(seen.profiles()).hasSize(size);
                assertThat(seen.profiles().values()).allSatisfy(p -> assertThat(p).isEqualTo(bytes(expected)));
                loads++;
            }
            saves.get(5, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }
        assertThat(storage.checkpoints().load("shop").orElseThrow().seq()).isEqualTo(8);
    }

    // ---- the storage as a whole ----

    @Test
    void reopeningKeepsEverything() {
        storage.sites().putSite(site("shop"));
        storage.sites().putObject(new ConfigObject("shop", "campaign", "c1", "{\"x\":1}", 5));
        storage.journal().append(List.of(record("shop", 1, "v", "e1"), record("shop", 2, "w", "e2")));
        storage.checkpoints().save("shop", new Checkpoint(2, Map.of("v", bytes("p"))));

        reopen();

        assertThat(storage.sites().site("shop")).contains(site("shop"));
        assertThat(storage.sites().object("shop", "campaign", "c1")).isPresent();
        assertThat(replay("shop", 0)).extracting(JournalRecord::seq).containsExactly(1L, 2L);
        assertThat(storage.journal().knownEventIds("shop", List.of("e1", "e2"))).hasSize(2);
        assertThat(storage.journal().lastSeq("shop")).isEqualTo(2);
        assertThat(storage.checkpoints().load("shop").orElseThrow().profiles()).containsOnlyKeys("v");
    }

    @Test
    void healthyWhileOpenAndNotAfterClose() {
        assertThat(storage.healthy()).isTrue();
        storage.close();
        storage.close(); // idempotent
        assertThat(storage.healthy()).isFalse();
        assertThatThrownBy(() -> storage.sites().sites()).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> storage.journal().append(List.of(record("shop", 1, "v", "e"))))
                .isInstanceOf(StoreException.class);
    }

    // ---- helpers ----

    protected static SiteRecord site(String id) {
        return new SiteRecord(id, "Site " + id, "pk_" + id, "wk_" + id, List.of(id + ".example"), "Asia/Tokyo",
                1800, "{}", 1_000, 2_000);
    }

    /** A record received on {@link #DAY0}, its request naming its seq, linked to the visitor's record before. */
    protected static JournalRecord record(String site, long seq, String visitor, String... eventIds) {
        return new JournalRecord(site, seq, visitor, null, List.of(eventIds), DAY0 + seq, "{\"seq\":" + seq + "}",
                link(site, visitor, seq));
    }

    /** The seqs of the records the test made, per site and visitor: the chains their links form. */
    private static final Map<String, TreeSet<Long>> CHAINS = new HashMap<>();

    /** The seq of the visitor's record before {@code seq} among those made so far, 0 when none; remembers this one. */
    protected static synchronized long link(String site, String visitor, long seq) {
        TreeSet<Long> seqs = CHAINS.computeIfAbsent(site + "\u0000" + visitor, k -> new TreeSet<>());
        seqs.add(seq);
        Long prev = seqs.lower(seq);
        return prev == null ? 0 : prev;
    }

    /** The newest seq made for the visitor (where the server would start its chain), 0 when none. */
    protected static synchronized long head(String site, String visitor) {
        TreeSet<Long> seqs = CHAINS.get(site + "\u0000" + visitor);
        return seqs == null || seqs.isEmpty() ? 0 : seqs.last();
    }

    protected final List<JournalRecord> replay(String site, long afterSeq) {
        List<JournalRecord> records = new ArrayList<>();
        storage.journal().replay(site, afterSeq, records::add);
        return records;
    }

    protected static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Checkpoint checkpointOfGeneration(int generation, int size) {
        Map<String, byte[]> profiles = new HashMap<>();
        for (int i = 0; i < size; i++) profiles.put("p" + i, bytes("generation " + generation));
        return new Checkpoint(generation, profiles);
    }
}
