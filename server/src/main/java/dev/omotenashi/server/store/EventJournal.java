package dev.omotenashi.server.store;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The event journal: the source of truth. Profiles are rebuilt from it; an acknowledged request is in it.
 * Implementations: SQLite (WAL, synchronous commit) and PostgreSQL, proven by the same contract test.
 * Thread-safe.
 */
public interface EventJournal {

    /**
     * Appends records in one transaction and returns only when it is durable (committed and synced). The
     * server calls this from one writer thread with batches gathered from many requests (group commit).
     *
     * <p>Event ids are not checked here: the server drops retried events before they reach a record (its
     * in-memory window of each site's recent ids, rebuilt from the journal at start-up). A record is stored
     * whole, with the ids it carries.
     *
     * @throws StoreException when the batch could not be committed; then none of it is stored
     */
    void append(List<JournalRecord> batch);

    /** Streams a site's records with {@code seq > afterSeq} in sequence order. */
    void replay(String site, long afterSeq, Consumer<JournalRecord> sink);

    /**
     * The latest records of one visitor of a site with {@code seq < beforeSeq}, newest first (the timeline),
     * found by following the chain of {@link JournalRecord#prevSeq()} links from {@code head}: the seq of
     * the visitor's latest record, which the server keeps with the visitor's profile. {@code head} 0 (no
     * record known) gives none.
     */
    List<JournalRecord> byVisitor(String site, String visitor, long head, long beforeSeq, int limit);

    /**
     * The highest sequence number stored for the site, 0 when none. Records deleted by
     * {@link #deleteVisitor} still count: the answer never decreases, so seqs are never handed out twice.
     */
    long lastSeq(String site);

    /** Which of these event ids the site's stored records carry (tests call it; it reads the whole journal). */
    Set<String> knownEventIds(String site, Collection<String> eventIds);

    /**
     * Forgets every record of a visitor's chain from {@code head} (as {@link #byVisitor} finds them) and the
     * event ids they carried (a person's deletion). Returns how many records went.
     */
    int deleteVisitor(String site, String visitor, long head);
}
