package dev.omotenashi.engine.profile;

/**
 * A decision's results of the campaigns' audiences for one person, kept on the profile between requests:
 * most audiences read things that change rarely (how the session began, membership, cart events), so the
 * next decision can reuse their results instead of reading the profile again.
 *
 * <p>A memo holds for one configuration ({@code owner}: the compiled line-up it was made for), one browser
 * (the session scopes are that browser's) and one day (the day scopes move at midnight). The profile ORs
 * into {@link #changes} the {@linkplain Changes channels} of everything it records (the owner gives the
 * names theirs); the decision clears the
 * results whose inputs intersect them before it reads any. A merge of people or a moved browser drops the
 * memo. Not kept in checkpoints: a restored profile starts without one.
 *
 * <p>Not thread-safe: it belongs to the profile, whose events the engine applies one at a time.
 */
public final class AudienceMemo {
    /** Result codes in {@link #results}. */
    public static final byte UNKNOWN = 0, MATCH = 1, NO_MATCH = 2;

    /** the configuration it is for, which also gives the names their bits */
    final Changes.Names owner;
    final VisitorState browser;
    final int day;
    /** the result of each campaign's audience, at the campaign's position in the line-up */
    final byte[] results;
    /** the channels changed since the results were last brought up to date */
    long changes;

    AudienceMemo(Changes.Names owner, VisitorState browser, int day, int size) {
        this.owner = owner;
        this.browser = browser;
        this.day = day;
        this.results = new byte[size];
    }

    /**
     * The results, brought up to date: each result whose audience reads a changed channel
     * ({@code inputs[i] & changes}) is cleared to {@link #UNKNOWN}.
     */
    public byte[] results(long[] inputs) {
        long c = changes;
        if (c != 0) {
            changes = 0;
            byte[] r = results;
            if (c == Changes.ALL) {
                java.util.Arrays.fill(r, UNKNOWN);
            } else {
                for (int i = 0; i < r.length; i++) if ((inputs[i] & c) != 0) r[i] = UNKNOWN;
            }
        }
        return results;
    }

    boolean fits(Changes.Names owner, VisitorState browser, int day, int size) {
        return this.owner == owner && this.browser == browser && this.day == day && results.length == size;
    }
}
