package dev.omotenashi.engine;

import dev.omotenashi.engine.profile.Profile;
import dev.omotenashi.engine.profile.ProfileCodec;

import java.util.Iterator;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Every profile of a site as it was at one moment, encoded a slice at a time while requests go on
 * (copy-on-write): a profile is encoded by {@link #advance} when its turn comes, or, if a request is about
 * to change it first, by the engine just before that change. Either way the bytes are the profile as it
 * was when the snapshot began, so a checkpoint made of them matches the journal position taken at that
 * moment, and the host holds off requests for one slice at a time instead of the whole encoding (seconds
 * for a site of a few hundred thousand visitors).
 *
 * <p>Profiles created after the snapshot began are not in it (the journal after its position recreates
 * them); profiles removed after it began (a person forgotten, an anonymous visitor absorbed on identify)
 * are, as they were. Begun by {@link SiteEngine#snapshot}; the same threading rules as
 * {@link SiteEngine#track}: calls of {@link #advance} and {@link #close} must not run concurrently with it.
 */
public final class ProfileSnapshot implements AutoCloseable {
    private final SiteEngine engine;
    private final ProfileCodec codec;
    private final BiConsumer<Profile, byte[]> sink;
    /**
     * The site's profiles, walked by {@link #advance}: the engine's maps' iterators, created when the snapshot
     * began. They are weakly consistent: every profile the maps held then, and still hold, is met (a profile
     * removed meanwhile was encoded before its removal); profiles added later may be met too, and are skipped
     * as {@link #born}. Beginning therefore costs nothing, however large the site.
     */
    private final Iterator<Profile> walk;
    /** Profiles encoded: each once. */
    private final Set<Profile> done = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Profiles created after the snapshot began: not in it (the journal after its position recreates them). */
    private final Set<Profile> born = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean closed;
    /** The encoding's buffer, reused profile after profile (the threading rules above keep it to one thread). */
    private final java.io.ByteArrayOutputStream scratch = new java.io.ByteArrayOutputStream(4096);

    ProfileSnapshot(SiteEngine engine, ProfileCodec codec, Iterator<Profile> walk, BiConsumer<Profile, byte[]> sink) {
        this.engine = engine;
        this.codec = codec;
        this.sink = sink;
        this.walk = walk;
    }

    /**
     * Encodes up to {@code max} more profiles that no request has changed yet, handing each to the sink.
     *
     * @return true when every profile is encoded (then {@link #close} it)
     */
    public boolean advance(int max) {
        if (closed) throw new IllegalStateException("the snapshot is closed");
        int encoded = 0;
        while (encoded < max && walk.hasNext()) {
            if (copy(walk.next())) encoded++;
        }
        return !walk.hasNext();
    }

    /** How many profiles were encoded so far: once {@link #advance} returned true, every one the site had when it began. */
    public int size() {
        return done.size();
    }

    /**
     * Ends the snapshot: requests stop copying profiles before changing them. A snapshot closed before it
     * was complete ({@link #advance} returned false) is not a consistent one; the host discards what it got.
     */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        engine.snapshotClosed(this);
    }

    /** Notes a profile the engine created after the snapshot began. */
    void born(Profile p) {
        born.add(p);
    }

    /** Encodes a profile as it is now if it was in the site when the snapshot began and is not encoded yet. */
    boolean copy(Profile p) {
        if (p == null || born.contains(p) || done.contains(p)) return false;
        byte[] bytes = codec.encode(p, scratch); // first: a profile that cannot be encoded stays pending, and the snapshot incomplete
        done.add(p);
        sink.accept(p, bytes);
        return true;
    }
}
