package dev.omotenashi.engine.profile;

/**
 * One browser (visitor id) of a person and its current session. A person seen on several browsers has one
 * of these per browser: sessions are kept apart, so {@code session.*} always describes the session of the
 * browser that sent the request. Not thread-safe.
 */
public final class VisitorState {
    final String visitorId;
    /** the profile-wide serial of this browser's current session, -1 before the first event */
    int serial = -1;
    /** the serial of this browser's previous session, -1 when none */
    int previousSerial = -1;
    long sessionStart;
    long lastEventAt = Long.MIN_VALUE;
    /** the person's latest event before this session started (visitor.last_seen), MIN_VALUE when none */
    long lastSeenBefore = Long.MIN_VALUE;
    int sessionPv;
    /** json names of the traffic source and device class: constants, shared by all profiles */
    String source;
    String device;
    String landingPath;
    String referrerHost;
    /** the campaign parameters the session started with (utm_source, utm_medium, utm_campaign, utm_term,
     * utm_content, ad click id) or null when the landing page carried none */
    String[] campaignSource;
    /** the host's journal position of this browser's latest request, 0 when none (see {@link #journalSeq()}) */
    long journalSeq;

    VisitorState(String visitorId) {
        this.visitorId = visitorId;
    }

    public String visitorId() {
        return visitorId;
    }

    public int serial() {
        return serial;
    }

    public int previousSerial() {
        return previousSerial;
    }

    public long sessionStart() {
        return sessionStart;
    }

    public long lastEventAt() {
        return lastEventAt;
    }

    public long lastSeenBefore() {
        return lastSeenBefore;
    }

    public int sessionPv() {
        return sessionPv;
    }

    public String source() {
        return source;
    }

    public String device() {
        return device;
    }

    public String landingPath() {
        return landingPath;
    }

    public String referrerHost() {
        return referrerHost;
    }

    /** The session's campaign parameters as stored (see {@link #campaignParameter}), or null. Do not modify. */
    public String[] campaignParameters() {
        return campaignSource;
    }

    /** One of the session's campaign parameters by index (0 utm_source … 4 utm_content, 5 click id), or null. */
    public String campaignParameter(int i) {
        return campaignSource == null ? null : campaignSource[i];
    }

    /**
     * Where the host journaled this browser's latest request (a sequence number of its own), or 0 when it
     * journaled none. The engine never reads it: it keeps it with the browser, through merges, moves between
     * people and checkpoints, so that the host can chain each request to the browser's previous one instead of
     * indexing its journal by visitor.
     */
    public long journalSeq() {
        return journalSeq;
    }

    /** Sets {@link #journalSeq()}: the host's, after journaling a request of this browser. */
    public void journalSeq(long seq) {
        this.journalSeq = seq;
    }

    /** A stable id of the current session, derived (not stored) from the browser and the session start. */
    public String sessionId() {
        return sessionId(visitorId, sessionStart, serial);
    }

    /** The session id of a browser's session that started at {@code start} with that serial. */
    public static String sessionId(String visitorId, long start, int serial) {
        return "s_" + Long.toString(start, 36) + Integer.toString(visitorId.hashCode() & 0x7fffffff, 36) + "_" + serial;
    }
}
