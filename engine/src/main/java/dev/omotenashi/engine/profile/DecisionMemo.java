package dev.omotenashi.engine.profile;

/**
 * What one decision for a person leaves for the next, kept on the profile between requests: the results
 * of the campaigns' audiences — most read things that change rarely (how the session began, membership,
 * cart events), so the next decision can reuse them instead of reading the profile again — and the
 * person's campaign histories aligned to the line-up (histories are only ever appended, so each is placed
 * once).
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
public final class DecisionMemo {
    /** Result codes in {@link #audiences()} and {@link #rules()}. */
    public static final byte UNKNOWN = 0, MATCH = 1, NO_MATCH = 2;

    /** the configuration it is for, which also gives the names their bits */
    final Changes.Names owner;
    final VisitorState browser;
    final int day;
    /** the result of each campaign's audience, at the campaign's position in the line-up */
    final byte[] results;
    /**
     * {@link #NO_MATCH} where a campaign's frequency cap or stop rule was found to hold the campaign back:
     * what they count (exposures, closes, clicks, goals in the session, the day or all time) only grows,
     * so that holds until a session starts or the day ends — or until the campaign's history gives the
     * session's slot to another browser's newer session ({@link #forgetRules})
     */
    private final byte[] rules;
    /** the channels changed since the results were last brought up to date */
    long changes;
    /** the person's campaign histories at their campaigns' positions; null until the person has one */
    private CampaignHistory[] aligned;
    /** how many of the person's histories (in the order they were added) are placed in {@link #aligned} */
    private int placed;

    DecisionMemo(Changes.Names owner, VisitorState browser, int day, int size) {
        this.owner = owner;
        this.browser = browser;
        this.day = day;
        this.results = new byte[size];
        this.rules = new byte[size];
    }

    /**
     * Brings the results up to date with what changed since the last decision: each audience result whose
     * audience reads a changed channel ({@code inputs[i] & changes}) is cleared to {@link #UNKNOWN}, and the
     * rules' results when a session started. {@code inputs} null: no audience result is kept.
     */
    public void update(long[] inputs) {
        long c = changes;
        if (c == 0) return;
        changes = 0;
        if ((c & Changes.SESSION) != 0) java.util.Arrays.fill(rules, UNKNOWN);
        if (inputs == null) return;
        byte[] r = results;
        if (c == Changes.ALL) {
            java.util.Arrays.fill(r, UNKNOWN);
        } else {
            for (int i = 0; i < r.length; i++) if ((inputs[i] & c) != 0) r[i] = UNKNOWN;
        }
    }

    /** The result of each campaign's audience (the part kept), at the campaign's position. */
    public byte[] audiences() {
        return results;
    }

    /** Forgets what was known of a campaign's frequency cap and stop rules. */
    void forgetRules(String campaign) {
        int at = owner.position(campaign);
        if (at >= 0 && at < rules.length) rules[at] = UNKNOWN;
    }

    /** Whether each campaign's frequency cap or stop rules are known to hold it back, at its position. */
    public byte[] rules() {
        return rules;
    }

    /**
     * The person's campaign histories at their campaigns' positions in the owner's line-up (campaigns it
     * does not have left out), placing those added since the last call; null while the person has met no
     * campaign. {@code profile} is the profile this memo belongs to.
     */
    public CampaignHistory[] histories(Profile profile) {
        CampaignHistory[] all = profile.campaigns;
        int n = all.length;
        if (n == 0) return null;
        if (aligned == null) aligned = new CampaignHistory[results.length];
        for (int i = placed; i < n; i++) {
            int at = owner.position(all[i].campaign);
            if (at >= 0) aligned[at] = all[i];
        }
        placed = n;
        return aligned;
    }

    boolean fits(Changes.Names owner, VisitorState browser, int day, int size) {
        return this.owner == owner && this.browser == browser && this.day == day && results.length == size;
    }
}
