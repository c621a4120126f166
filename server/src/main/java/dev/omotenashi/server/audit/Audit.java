package dev.omotenashi.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omotenashi.server.console.ConsoleAuth;
import dev.omotenashi.server.store.AuditStore.Actor;
import dev.omotenashi.server.store.AuditStore.Entry;
import dev.omotenashi.server.store.Storage;
import io.javalin.http.Context;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Records the changes made through the admin API (docs/console.md, "History of changes"). A handler runs
 * its change inside {@link #atomically} and records it on the caller's {@link #trail} there: the stores'
 * writes and the entry commit in one transaction, or nothing does. A request that fails (any 4xx) throws
 * before it commits, so it leaves no entry.
 *
 * <p>Who: {@link #actor} — the operator (by session or personal token) that {@code ConsoleAuth} found, or
 * the administrators' token or a site token as {@code Auth} noted it. Thread-safe.
 */
public final class Audit {
    /** Request attribute where {@code Auth} notes a token caller (administrators' token, site token). */
    public static final String ACTOR = "omotenashi.actor";
    /**
     * Fields whose values never enter the log, wherever they are in before, after or detail: a safety net
     * (callers put no secret there), so a field added later cannot leak one.
     */
    private static final Set<String> SECRET_FIELDS = Set.of("password", "new_password", "current_password",
            "password_hash", "token", "token_hash", "secret", "invite", "write_key", "api_key", "authorization");
    static final String REDACTED = "[redacted]";

    private final Storage storage;
    private final Clock clock;

    public Audit(Storage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    /**
     * Who made the request: the operator {@code ConsoleAuth} authenticated, else the token {@code Auth}
     * checked. Only for guarded routes.
     *
     * @throws IllegalStateException on a route where nobody was authenticated (a bug)
     */
    public static Actor actor(Context ctx) {
        ConsoleAuth.Principal p = ctx.attribute(ConsoleAuth.PRINCIPAL);
        if (p != null) {
            return p.token() != null
                    ? Actor.personalToken(p.operator().id(), p.operator().login(), p.operator().name(), p.token().id(), p.token().name())
                    : Actor.operator(p.operator().id(), p.operator().login(), p.operator().name());
        }
        Actor a = ctx.attribute(ACTOR);
        if (a == null) throw new IllegalStateException("no authenticated caller on " + ctx.method() + " " + ctx.path());
        return a;
    }

    /** The trail of the request's caller. */
    public Trail trail(Context ctx) {
        return trail(actor(ctx));
    }

    /** The trail of a known actor (an operator accepting their invitation, before any session exists). */
    public Trail trail(Actor actor) {
        return change -> storage.audit().append(Entry.of(clock.millis(), actor, change.action(), change.kind(),
                change.objectId(), change.site(), text(change.before()), text(change.after()), text(change.detail())));
    }

    /** Runs a change and what it records in one write transaction (see {@link Storage#inTransaction}). */
    public <T> T atomically(Supplier<T> work) {
        return storage.inTransaction(work);
    }

    public void atomically(Runnable work) {
        storage.inTransaction(() -> {
            work.run();
            return null;
        });
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : redact(n).toString();
    }

    /** A copy of the tree with the value of every secret-named field replaced by {@value #REDACTED}. */
    public static JsonNode redact(JsonNode n) {
        JsonNode copy = n.deepCopy();
        scrub(copy);
        return copy;
    }

    private static void scrub(JsonNode n) {
        if (n instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (SECRET_FIELDS.contains(name.toLowerCase(Locale.ROOT))) o.put(name, REDACTED);
                else scrub(o.get(name));
            }
        } else if (n instanceof ArrayNode a) {
            a.forEach(Audit::scrub);
        }
    }
}
