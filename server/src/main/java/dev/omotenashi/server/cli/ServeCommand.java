package dev.omotenashi.server.cli;

import dev.omotenashi.server.App;
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
        runUntilStopped(app);
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
