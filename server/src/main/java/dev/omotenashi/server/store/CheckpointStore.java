package dev.omotenashi.server.store;

import java.util.Map;
import java.util.Optional;

/**
 * Checkpoints of a site's profiles: the encoded profiles (engine's ProfileCodec) as of a journal position,
 * so a restart replays only what came after. A checkpoint is replaced whole, atomically. Thread-safe.
 */
public interface CheckpointStore {

    /** A checkpoint: the journal position it covers and the encoded profiles by a key of each person. */
    record Checkpoint(long seq, Map<String, byte[]> profiles) {}

    /** Replaces the site's checkpoint with this one, atomically. */
    void save(String site, Checkpoint checkpoint);

    /** The site's latest checkpoint, if any. */
    Optional<Checkpoint> load(String site);

    void delete(String site);
}
