package dev.omotenashi.server.store;

import dev.omotenashi.server.store.AuditStore.Actor;
import dev.omotenashi.server.store.AuditStore.Entry;
import dev.omotenashi.server.store.AuditStore.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What {@link AuditStore} promises, and the transactions it relies on ({@link Storage#inTransaction}): a change
 * and its entry commit together or not at all. Run against every backend by a subclass that says where a
 * fresh, empty storage lives.
 */
public abstract class AuditStoreContract {
    protected Storage storage;

    /** A fresh, empty storage of this backend. */
    protected abstract Storage openStorage();

    /** Removes what {@link #openStorage} made; the storage is closed by then. */
    protected abstract void discard() throws Exception;

    @BeforeEach
    final void setUp() {
        storage = openStorage();
    }

    @AfterEach
    final void tearDown() throws Exception {
        try {
            storage.close();
        } finally {
            discard();
        }
    }

    private static final Actor ADMIN = Actor.adminToken();

    private static Entry entry(long at, String site, String kind, String id) {
        return Entry.of(at, ADMIN, "update", kind, id, site, "{\"a\":1}", "{\"a\":2}", null);
    }

    private List<Entry> list(String site, String kind, String id, long before, int limit) {
        return storage.audit().list(new Query(site, kind, id, before, limit));
    }

    private static SiteRecord site(String id) {
        return new SiteRecord(id, "Shop " + id, "pk_" + id, "wk_" + id, List.of(id + ".example"), "Asia/Tokyo", 1800, "{}", 1, 1);
    }

    // ---- the log ----

    @Test
    void entriesGetIncreasingIdsAndAreListedNewestFirstWithEverythingTheySaid() {
        long first = storage.audit().append(Entry.of(1000, Actor.operator("u_1", "hanako", "Hanako Sato"), "create", "campaigns", "hello",
                "shop", null, "{\"status\":\"paused\"}", null));
        long second = storage.audit().append(Entry.of(2000, Actor.personalToken("u_2", "taro", null, "tok_x", "ci"), "status",
                "campaigns", "hello", "shop", "{\"status\":\"paused\"}", "{\"status\":\"live\"}",
                "{\"status\":{\"from\":\"paused\",\"to\":\"live\"}}"));
        long third = storage.audit().append(Entry.of(3000, Actor.siteToken("ot_abcdefgh1234"), "delete", "campaigns", "hello",
                "shop", "{\"status\":\"live\"}", null, null));
        long fourth = storage.audit().append(Entry.of(4000, ADMIN, "advance", "test-clock", null, null, null, null,
                "{\"advance\":\"PT1H\"}"));
        assertThat(first).isPositive();
        assertThat(List.of(first, second, third, fourth)).isSorted().doesNotHaveDuplicates();

        List<Entry> all = list(null, null, null, Long.MAX_VALUE, 100);
        assertThat(all).extracting(Entry::id).containsExactly(fourth, third, second, first);
        assertThat(all.get(3)).isEqualTo(new Entry(first, 1000, Actor.operator("u_1", "hanako", "Hanako Sato"), "create", "campaigns",
                "hello", "shop", null, "{\"status\":\"paused\"}", null));
        assertThat(all.get(2).actor()).isEqualTo(Actor.personalToken("u_2", "taro", null, "tok_x", "ci"));
        assertThat(all.get(2).detail()).isEqualTo("{\"status\":{\"from\":\"paused\",\"to\":\"live\"}}");
        assertThat(all.get(1).actor().token()).isEqualTo("…1234");
        assertThat(all.get(0).site()).isNull();
        assertThat(all.get(0).objectId()).isNull();
    }

    @Test
    void aSitesListHoldsOnlyThatSiteAndFiltersByKindAndObject() {
        storage.audit().append(entry(1, "a", "campaigns", "hello"));
        storage.audit().append(entry(2, "b", "campaigns", "hello"));
        storage.audit().append(entry(3, "a", "segments", "vip"));
        storage.audit().append(entry(4, "a", "campaigns", "other"));
        storage.audit().append(entry(5, null, "operators", "u_1"));

        assertThat(list("a", null, null, Long.MAX_VALUE, 100)).extracting(Entry::at).containsExactly(4L, 3L, 1L);
        assertThat(list("b", null, null, Long.MAX_VALUE, 100)).extracting(Entry::at).containsExactly(2L);
        assertThat(list("a", "campaigns", null, Long.MAX_VALUE, 100)).extracting(Entry::at).containsExactly(4L, 1L);
        assertThat(list("a", "campaigns", "hello", Long.MAX_VALUE, 100)).extracting(Entry::at).containsExactly(1L);
        assertThat(list("ab", null, null, Long.MAX_VALUE, 100)).isEmpty();
        // without a site: everything, operators too
        assertThat(list(null, null, null, Long.MAX_VALUE, 100)).extracting(Entry::at).containsExactly(5L, 4L, 3L, 2L, 1L);
        assertThat(list(null, "campaigns", "hello", Long.MAX_VALUE, 100)).extracting(Entry::at).containsExactly(2L, 1L);
    }

    @Test
    void pagesByCursorNeverRepeatOrSkipAnEntryWhileNewOnesArrive() {
        for (int i = 0; i < 25; i++) storage.audit().append(entry(i, "a", "campaigns", "c" + i));
        List<Long> seen = new ArrayList<>();
        long before = Long.MAX_VALUE;
        while (true) {
            List<Entry> page = list("a", null, null, before, 10);
            if (page.isEmpty()) break;
            page.forEach(e -> seen.add(e.at()));
            before = page.getLast().id();
            storage.audit().append(entry(100 + seen.size(), "a", "campaigns", "new")); // newer than every page
        }
        List<Long> expected = new ArrayList<>();
        for (long i = 24; i >= 0; i--) expected.add(i);
        assertThat(seen).isEqualTo(expected);
    }

    @Test
    void entriesAreKeptWhenTheirSiteIsDeleted() {
        storage.sites().putSite(site("shop"));
        storage.audit().append(entry(1, "shop", "sites", "shop"));
        storage.sites().deleteSite("shop");
        assertThat(list("shop", null, null, Long.MAX_VALUE, 10)).hasSize(1);
    }

    @Test
    void aQueryNeedsAKindForAnObjectAndASaneLimit() {
        assertThatThrownBy(() -> new Query("a", null, "hello", Long.MAX_VALUE, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Query("a", null, null, Long.MAX_VALUE, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSiteTokenIsNeverRecordedWhole() {
        assertThat(Actor.siteToken("ot_secretsecretsecret9xyz").token()).isEqualTo("…9xyz");
        assertThatThrownBy(() -> new Actor(Actor.SITE_TOKEN, null, null, null, "ot_secretsecretsecret9xyz", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- one transaction for a change and its entry ----

    @Test
    void aChangeAndItsEntryCommitTogether() {
        storage.inTransaction(() -> {
            storage.sites().putSite(site("shop"));
            storage.audit().append(entry(1, "shop", "sites", "shop"));
            // inside, the transaction sees its own writes
            assertThat(storage.sites().site("shop")).isPresent();
            assertThat(list("shop", null, null, Long.MAX_VALUE, 10)).hasSize(1);
            return null;
        });
        assertThat(storage.sites().site("shop")).isPresent();
        assertThat(list("shop", null, null, Long.MAX_VALUE, 10)).hasSize(1);
    }

    @Test
    void whenTheWorkFailsNeitherTheChangeNorItsEntryIsKept() {
        assertThatThrownBy(() -> storage.inTransaction(() -> {
            storage.sites().putSite(site("shop"));
            storage.sites().putObject(new ConfigObject("shop", "campaign", "hello", "{}", 1));
            storage.audit().append(entry(1, "shop", "campaigns", "hello"));
            throw new IllegalStateException("the request failed after its writes");
        })).isInstanceOf(IllegalStateException.class).hasMessage("the request failed after its writes");
        assertThat(storage.sites().site("shop")).isEmpty();
        assertThat(storage.sites().object("shop", "campaign", "hello")).isEmpty();
        assertThat(list(null, null, null, Long.MAX_VALUE, 10)).isEmpty();
    }

    @Test
    void aWriteThatFailsInsideAndIsNotCaughtRollsEverythingBack() {
        assertThatThrownBy(() -> storage.inTransaction(() -> {
            storage.sites().putSite(site("shop"));
            // a write that fails inside: here an object of a site that does not exist (foreign key)
            storage.sites().putObject(new ConfigObject("ghost", "campaign", "hello", "{}", 1));
            return null;
        })).isInstanceOf(StoreException.class);
        assertThat(storage.sites().site("shop")).isEmpty();
    }

    @Test
    void aFailedWriteInsideUndoesOnlyItselfAndTheTransactionGoesOn() {
        storage.inTransaction(() -> {
            storage.sites().putSite(site("shop"));
            assertThatThrownBy(() -> storage.sites().putSite(new SiteRecord("blog", "Blog", "pk_shop", "wk_blog",
                    List.of(), "UTC", 1800, "{}", 1, 1)))
                    .isInstanceOfSatisfying(DuplicateKeyException.class, e -> assertThat(e.field()).isEqualTo("key"));
            storage.audit().append(entry(1, "shop", "sites", "shop"));
            return null;
        });
        assertThat(storage.sites().site("shop")).isPresent();
        assertThat(storage.sites().site("blog")).isEmpty();
        assertThat(list("shop", null, null, Long.MAX_VALUE, 10)).hasSize(1);
    }

    @Test
    void transactionsOnManyThreadsAtOnceEachCommitWhole() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String id = "site_" + i;
                done.add(pool.submit(() -> storage.inTransaction(() -> {
                    storage.sites().putSite(site(id));
                    storage.audit().append(entry(1, id, "sites", id));
                    return null;
                })));
            }
            for (Future<?> f : done) f.get();
        } finally {
            pool.shutdown();
        }
        assertThat(storage.sites().sites()).hasSize(40);
        assertThat(list(null, "sites", null, Long.MAX_VALUE, 1000)).hasSize(40);
        for (SiteRecord s : storage.sites().sites()) assertThat(list(s.id(), null, null, Long.MAX_VALUE, 10)).hasSize(1);
    }
}
