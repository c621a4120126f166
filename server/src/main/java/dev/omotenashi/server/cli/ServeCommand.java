package dev.omotenashi.server.cli;

import dev.omotenashi.server.App;
import dev.omotenashi.server.console.FirstAdministrator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.CountDownLatch;

/** {@code omotenashi serve}: runs the server until stopped (SIGTERM / Ctrl-C shut it down gracefully). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the server (embedded SQLite in --data, or PostgreSQL with OMOTENASHI_DATABASE_URL).")
final class ServeCommand implements Runnable {
    @Mixin
    ServerOptionsMixin options;

    @Override
    public void run() {
        App.Options o = options.values.resolve();
        App app = App.start(o);
        Banner.print(app, o, options.values.generatedToken, null);
        printFirstAdministrator(app, options.values.generatedToken);
        runUntilStopped(app);
    }

    /**
     * Without OMOTENASHI_ADMIN_TOKEN, the console's first administrator signs in by a one-time link,
     * printed at each start until it is used.
     */
    static void printFirstAdministrator(App app, boolean generatedToken) {
        if (!generatedToken) return;
        FirstAdministrator.invite(app.storage().operators(), app.clock()).ifPresent(invite -> System.out.println(
                "  console: the first administrator (login \"" + FirstAdministrator.LOGIN + "\") sets a password at\n    http://localhost:"
                        + app.port() + "/console/#invite=" + invite + "\n  (one-time link, valid 7 days; a new one is printed at each start until used)\n"));
    }

    static void runUntilStopped(App app) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
