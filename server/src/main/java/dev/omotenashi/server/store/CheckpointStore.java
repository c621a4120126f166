package dev.omotenashi.server.store;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiConsumer;

/**
 * Checkpoints of a site's profiles: the encoded profiles (engine's ProfileCodec) as of a journal position,
 * so a restart replays only what came after. A checkpoint is replaced whole, atomically: a reader sees the
 * previous checkpoint or the new one, never a mix, and a save interrupted by a crash leaves the previous one.
 * Thread-safe.
 */
public interface CheckpointStore {

    /**
     * A checkpoint: the journal position it covers and the encoded profiles by a key of each person; a key
     * starting with {@code #} holds another part of the site's state at the same position (the server's
     * measurement counters, {@code #measures}).
     */
    record Checkpoint(long seq, Map<String, byte[]> profiles) {}

    /**
     * Replaces the site's checkpoint with this one, atomically. Returns when it is durable.
     *
     * @throws StoreException when it could not be stored; then the previous checkpoint is still the latest
     */
    default void save(String site, Checkpoint checkpoint) {
        try (Writer w = begin(site, checkpoint.seq())) {
            w.write(checkpoint.profiles());
            w.complete();
        }
    }

    /**
     * Begins a checkpoint of the site at a journal position, written a part at a time ({@link Writer#write}) so
     * that a large site's encoded profiles never have to be in memory all at once, and made the site's checkpoint
     * by {@link Writer#complete}. Until then loads find the previous one; a writer closed without completing
     * leaves nothing behind.
     *
     * @throws StoreException when it could not be begun
     */
    Writer begin(String site, long seq);

    /** A checkpoint being written: see {@link #begin}. Used by one thread. */
    interface Writer extends AutoCloseable {
        /** Adds encoded profiles by key (keys not written before). @throws StoreException when they could not be stored */
        void write(Map<String, byte[]> profiles);

        /**
         * Makes what was written the site's checkpoint, atomically, and returns when that is durable.
         *
         * @throws StoreException when it could not be stored, or was superseded meanwhile (the site deleted, or
         *         a later checkpoint completed first); the previous checkpoint is then still the latest
         */
        void complete();

        /** Discards what was written unless {@link #complete} succeeded. */
        @Override
        void close();
    }

    /**
     * Streams the site's latest complete checkpoint to the sink, one profile at a time in the order they were
     * written, and returns the journal position it covers; empty (and the sink never called) when the site has
     * none. Use this rather than {@link #load(String)} for large sites: only one profile is in memory at a time.
     */
    OptionalLong load(String site, BiConsumer<String, byte[]> sink);

    /**
     * The site's latest checkpoint, if any, whole in memory: every encoded profile at once. Fine for small and
     * mid-size sites; large ones use {@link #load(String, BiConsumer)}.
     */
    default Optional<Checkpoint> load(String site) {
        Map<String, byte[]> profiles = new HashMap<>();
        OptionalLong seq = load(site, profiles::put);
        return seq.isPresent() ? Optional.of(new Checkpoint(seq.getAsLong(), profiles)) : Optional.empty();
    }

    /** Forgets the site's checkpoint (atomically, like a save); a later {@link #load} finds none. */
    void delete(String site);
}
