package dev.omotenashi.server.console;

import dev.omotenashi.server.store.OperatorStore;
import dev.omotenashi.server.store.OperatorStore.Operator;

import java.time.Clock;
import java.util.Optional;

/**
 * The first start without {@code OMOTENASHI_ADMIN_TOKEN} (docs/console.md): when no operator can sign in yet,
 * an administrator {@code admin} is created (or kept) and a one-time invitation returned, for the start-up
 * banner to print as a link. Each such start replaces the previous link, until someone accepts one.
 */
public final class FirstAdministrator {
    public static final String LOGIN = "admin";

    private FirstAdministrator() {}

    /** The invitation secret to print, or empty when an operator can already sign in. */
    public static Optional<String> invite(OperatorStore store, Clock clock) {
        if (store.operators().stream().anyMatch(o -> o.passwordHash() != null)) return Optional.empty();
        ConsoleAuth auth = new ConsoleAuth(store, null, clock);
        Operator admin = store.byLogin(LOGIN).orElse(null);
        if (admin == null) {
            admin = new Operator("u_" + auth.randomToken(9), LOGIN, "Administrator", Role.ADMIN.json(), null, 0, 0, clock.millis());
            store.create(admin);
        }
        return Optional.of(auth.invite(admin.id()));
    }
}
