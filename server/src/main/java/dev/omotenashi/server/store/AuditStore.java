package dev.omotenashi.server.store;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The history of who changed what (docs/console.md, "History of changes"): one {@link Entry} per successful
 * change made through the admin API. Append-only; entries are kept forever (docs/storage.md).
 *
 * <p>{@link #append} joins the write transaction its thread is inside ({@link Storage#inTransaction}), so a
 * change and its entry commit together or not at all. Implementations: SQLite and PostgreSQL (one JDBC
 * implementation), proven by the same contract test. Thread-safe; every method atomic.
 */
public interface AuditStore {
    /** The {@link Actor#type()}s there are. */
    Set<String> ACTOR_TYPES = Set.of(Actor.OPERATOR, Actor.PERSONAL_TOKEN, Actor.ADMIN_TOKEN, Actor.SITE_TOKEN);

    /**
     * Who made a change: an operator signed in to the console, an operator's personal token, the
     * administrators' token, or a site token. Never a secret: a site token is known by its last four
     * characters, a personal token by its id and name.
     *
     * @param operatorId the operator (operator, personal_token), else null
     * @param login      the operator's login at the time of the change (operator, personal_token), else null
     * @param name       the operator's display name at the time, when they have one, else null
     * @param token      a personal token's id ({@code tok_…}) or a site token's last four characters
     *                   ({@code …abcd}), else null
     * @param tokenName  a personal token's name, else null
     */
    record Actor(String type, String operatorId, String login, String name, String token, String tokenName) {
        public static final String OPERATOR = "operator", PERSONAL_TOKEN = "personal_token",
                ADMIN_TOKEN = "admin_token", SITE_TOKEN = "site_token";
        private static final Pattern LAST_FOUR = Pattern.compile("…[A-Za-z0-9_-]{1,4}");

        public Actor {
            if (!ACTOR_TYPES.contains(type)) throw new IllegalArgumentException("unknown actor type " + type);
            boolean operator = OPERATOR.equals(type) || PERSONAL_TOKEN.equals(type);
            if (operator != (operatorId != null) || operator != (login != null) || (!operator && name != null)) {
                throw new IllegalArgumentException(type + " needs an operator id and login, others none");
            }
            if (PERSONAL_TOKEN.equals(type) != (tokenName != null)) throw new IllegalArgumentException("only a personal token has a name");
            if ((PERSONAL_TOKEN.equals(type) || SITE_TOKEN.equals(type)) != (token != null)) {
                throw new IllegalArgumentException(type + (token == null ? " needs" : " has no") + " a token");
            }
            if (SITE_TOKEN.equals(type) && !LAST_FOUR.matcher(token).matches()) {
                throw new IllegalArgumentException("a site token is recorded by its last four characters only");
            }
        }

        /** An operator signed in to the console (a session). */
        public static Actor operator(String id, String login, String name) {
            return new Actor(OPERATOR, id, login, name, null, null);
        }

        /** An operator's personal token. */
        public static Actor personalToken(String operatorId, String login, String name, String tokenId, String tokenName) {
            return new Actor(PERSONAL_TOKEN, operatorId, login, name, tokenId, tokenName);
        }

        /** The administrators' token ({@code OMOTENASHI_ADMIN_TOKEN}). */
        public static Actor adminToken() {
            return new Actor(ADMIN_TOKEN, null, null, null, null, null);
        }

        /** A site token, known by the last four characters of the secret. */
        public static Actor siteToken(String secret) {
            return new Actor(SITE_TOKEN, null, null, null, "…" + secret.substring(Math.max(0, secret.length() - 4)), null);
        }
    }

    /**
     * One change.
     *
     * @param id       assigned by {@link #append}: increasing, never reused (0 before it is appended)
     * @param at       epoch milliseconds
     * @param action   what was done: {@code create}, {@code update}, {@code delete}, {@code status}, …
     * @param kind     the API's collection name: {@code campaigns}, {@code operators}, …
     * @param objectId the object's id in that collection; null when there is none to tell
     * @param site     the site the object belongs to; null for changes outside a site
     * @param before   the object as it was (JSON), null when it did not exist or has no state to show
     * @param after    the object as it became (JSON), null when it was deleted or has no state to show
     * @param detail   a small JSON object saying more (a status change, counts), or null
     */
    record Entry(long id, long at, Actor actor, String action, String kind, String objectId, String site,
                 String before, String after, String detail) {
        public Entry {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(kind, "kind");
        }

        /** This entry as it will be appended (its id is assigned then). */
        public static Entry of(long at, Actor actor, String action, String kind, String objectId, String site,
                               String before, String after, String detail) {
            return new Entry(0, at, actor, action, kind, objectId, site, before, after, detail);
        }
    }

    /**
     * Which entries to list, newest first.
     *
     * @param site     only this site's (null: every entry, with and without a site)
     * @param kind     only this kind (null: all)
     * @param objectId only this object (null: all); needs a kind
     * @param before   only entries with an id below this (the cursor of the previous page; {@code Long.MAX_VALUE}: from the newest)
     * @param limit    at most this many, 1–1000
     */
    record Query(String site, String kind, String objectId, long before, int limit) {
        public Query {
            if (objectId != null && kind == null) throw new IllegalArgumentException("an object id needs a kind");
            if (limit < 1 || limit > 1000) throw new IllegalArgumentException("limit must be 1-1000: " + limit);
        }
    }

    /** Appends an entry and returns its id. Joins the thread's write transaction when there is one. */
    long append(Entry entry);

    /** The entries the query asks for, newest (highest id) first. */
    List<Entry> list(Query query);
}
