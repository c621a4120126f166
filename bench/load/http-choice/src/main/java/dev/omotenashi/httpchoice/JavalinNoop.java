package dev.omotenashi.httpchoice;

import io.javalin.Javalin;

/**
 * Javalin 7 (Jetty 12), configured as the product's App: virtual threads, the same request cap.
 * {@code JavalinNoop PORT [responseBufferSize]}: the second argument sets {@code config.http.responseBufferSize}
 * (unset, as in App, Javalin copies every answer through a fresh 32 KB buffer).
 */
public final class JavalinNoop {
    public static void main(String[] args) {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.concurrency.useVirtualThreads = true;
            config.http.maxRequestSize = 2L * 1024 * 1024;
            config.jetty.port = Noop.port(args);
            if (args.length > 1) config.http.responseBufferSize = Integer.parseInt(args[1]);
            config.routes.post("/bench/noop", ctx -> {
                if (!Noop.handle(ctx.bodyAsBytes(), ctx.header("User-Agent"))) {
                    ctx.status(400).result("{\"error\":{}}");
                    return;
                }
                ctx.contentType("application/json").result(Noop.ANSWER);
            });
        });
        app.start();
        System.out.println("javalin listening on " + app.port());
    }
}
