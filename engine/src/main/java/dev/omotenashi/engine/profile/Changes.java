package dev.omotenashi.engine.profile;

/**
 * The channels through which a profile changes, as bits of a {@code long}, so that a result computed from a
 * profile (a campaign's audience, see {@link DecisionMemo}) can be kept until something it reads changes.
 *
 * <p>Two bits are fixed: {@link #SESSION} (a session started: visits, first and last seen, the session's
 * attributes and the session scopes move) and {@link #IDENTITY} (the user id or a trait changed). The
 * other 62 stand for names — event names and campaign ids — as a configuration assigns them
 * ({@link Names}): only the names something reads have a bit; several may share one when there are more.
 */
public final class Changes {
    /** A session started (or a browser's session moved): visits, first/last seen, session.*, session scopes. */
    public static final long SESSION = 1L << 63;
    /** The user id or a trait changed: visitor.is_member, user.*. */
    public static final long IDENTITY = 1L << 62;
    /** Everything: what a merge of people or a moved browser gives. */
    public static final long ALL = -1L;
    /** How many bits names get. */
    public static final int NAME_BITS = 62;

    private Changes() {}

    /** A configuration as a memo sees it: the bits of names, the positions of campaigns. */
    public interface Names {
        /** The bit of a name (an event name, counted or aggregated; a campaign id), 0 when nothing reads it. */
        long of(String name);

        /** The position of a campaign in the line-up, -1 when there is none. */
        int position(String campaign);
    }
}
