package dev.omotenashi.engine;

import dev.omotenashi.engine.profile.Profile;
import dev.omotenashi.engine.profile.ProfileCodec;

import java.util.Collection;
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
    /** The profiles when the snapshot began, in the order {@link #advance} walks them. */
    private final Profile[] all;
    /** Those of {@link #all} not encoded yet. */
    private final Set<Profile> pending;
    private int next;
    private boolean closed;

    ProfileSnapshot(SiteEngine engine, ProfileCodec codec, Collection<Profile> profiles, BiConsumer<Profile, byte[]> sink) {
        this.engine = engine;
        this.codec = codec;
        this.sink = sink;
        this.all = profiles.toArray(new Profile[0]);
        this.pending = Collections.newSetFromMap(new IdentityHashMap<>(all.length));
        Collections.addAll(pending, all);
    }

    /**
     * Encodes up to {@code max} more profiles that no request has changed yet, handing each to the sink.
     *
     * @return true when every profile is encoded (then {@link #close} it)
     */
    public boolean advance(int max) {
        if (closed) throw new IllegalStateException("the snapshot is closed");
        int done = 0;
        while (done < max && next < all.length) {
            Profile p = all[next];
            all[next++] = null; // a profile removed meanwhile need not outlive its turn
            if (copy(p)) done++;
        }
        return next == all.length;
    }

    /** How many profiles the snapshot holds: every one the site had when it began. */
    public int size() {
        return all.length;
    }

    /** How many of them are still to be encoded. */
    public int remaining() {
        return pending.size();
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

    /** Encodes a profile as it is now if it was in the site when the snapshot began and is not encoded yet. */
    boolean copy(Profile p) {
        if (p == null || !pending.contains(p)) return false;
        byte[] bytes = codec.encode(p); // first: a profile that cannot be encoded stays pending, and the snapshot incomplete
        pending.remove(p);
        sink.accept(p, bytes);
        return true;
    }
}
