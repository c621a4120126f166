package dev.omotenashi.engine.session;

import java.time.Duration;
import java.util.Objects;

/**
 * When an event starts a new session (config-language.md §2, tracking-protocol.md §3): the first event of a
 * browser, an event after the site's session timeout of silence (30 minutes by default), or a page that
 * arrives with a different campaign source than the session started with.
 *
 * <p>Sessions are per browser (visitor id), not per person: two browsers of one member keep their own.
 * A session does not end at midnight (unlike Universal Analytics, like GA4): a visit spanning midnight is one
 * visit to a shopper, and day-based scopes already count days by the event time.
 *
 * <p>Stateless and thread-safe; time is passed in, never read from a clock.
 */
public final class SessionBoundary {
    private SessionBoundary() {}

    /** What {@code lastEventAt} holds for a browser that has no session yet. */
    public static final long NO_SESSION = Long.MIN_VALUE;

    /**
     * Whether the event at {@code eventAt} starts a new session.
     *
     * @param lastEventAt  the time of the browser's previous event (epoch ms), or {@link #NO_SESSION}
     * @param eventAt      the time of this event (epoch ms). An event older than the previous one (a late
     *                     beacon) never times the session out
     * @param timeout      silence that ends a session: a gap of exactly the timeout ends it
     * @param sessionStart the campaign parameters the current session started with (null: none)
     * @param arriving     the campaign parameters of the page this event arrives on, for page views
     *                     ({@code view} events); pass null or {@link CampaignSource#EMPTY} for other events, so
     *                     that a report from an old tab never splits a session
     * @throws NullPointerException when {@code timeout} is null
     */
    public static boolean startsNewSession(long lastEventAt, long eventAt, Duration timeout,
                                           CampaignSource sessionStart, CampaignSource arriving) {
        Objects.requireNonNull(timeout, "timeout");
        if (lastEventAt == NO_SESSION) return true;
        if (timedOut(lastEventAt, eventAt, timeout)) return true;
        return arriving != null && arriving.startsNewSessionFrom(sessionStart);
    }

    /** Whether {@code eventAt - lastEventAt >= timeout}, without overflow; false for a negative gap. */
    public static boolean timedOut(long lastEventAt, long eventAt, Duration timeout) {
        if (lastEventAt == NO_SESSION) return true;
        if (eventAt <= lastEventAt) return false;
        long gap = eventAt - lastEventAt;
        if (gap < 0) return true;   // overflowed: the gap is larger than any timeout
        return gap >= timeout.toMillis();
    }
}
