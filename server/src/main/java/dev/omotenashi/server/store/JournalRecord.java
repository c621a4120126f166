package dev.omotenashi.server.store;

import java.util.List;
import java.util.Objects;

/**
 * One acknowledged request as journaled: what the engine needs to apply it again (the visitor, the user,
 * the page and client context, the traits and the events it recorded, including the server's
 * {@code _action_delivered}). Replaying the records of a site in sequence order rebuilds its profiles.
 *
 * @param seq        position in the journal, assigned by the server before append, increasing per site
 * @param eventIds   the ids of the client's events inside {@code request}, for de-duplication (the ids of the
 *                   events the server derived from them are not listed: no client repeats them)
 * @param request    the request as JSON (see the server's journal codec)
 * @param receivedAt server time of arrival, epoch ms
 * @param prevSeq    the seq of the same visitor's previous record in the site, 0 when this is its first: the
 *                   chain that {@link EventJournal#byVisitor} walks instead of an index by visitor
 */
public record JournalRecord(String site, long seq, String visitor, String user, List<String> eventIds, long receivedAt,
                            String request, long prevSeq) {
    public JournalRecord {
        Objects.requireNonNull(site, "site");
        if (prevSeq < 0 || (prevSeq >= seq && seq > 0)) {
            throw new IllegalArgumentException("prevSeq must lie before seq " + seq + ": " + prevSeq);
        }
        Objects.requireNonNull(visitor, "visitor");
        eventIds = List.copyOf(eventIds);
        Objects.requireNonNull(request, "request");
    }
}
