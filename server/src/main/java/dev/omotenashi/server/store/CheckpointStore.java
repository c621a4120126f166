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
    void save(String site, Checkpoint checkpoint);

    /**
     * Streams the site's latest complete checkpoint to the sink, one profile at a time in key order, and
     * returns the journal position it covers; empty (and the sink never called) when the site has none. Use
     * this rather than {@link #load(String)} for large sites: only one profile is in memory at a time.
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
