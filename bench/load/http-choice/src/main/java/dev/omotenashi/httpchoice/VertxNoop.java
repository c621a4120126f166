package dev.omotenashi.httpchoice;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/**
 * Vert.x 5 core. {@code VertxNoop PORT [eventloop|virtual] [instances]}: the handler on the event loop
 * (Vert.x's own model, one verticle instance per event loop), or in a virtual-thread verticle that
 * awaits the body as blocking code would (the model the product's blocking request path would need).
 */
public final class VertxNoop {
    static final Buffer ANSWER = Buffer.buffer(Noop.ANSWER_BYTES);

    static final class Server extends VerticleBase {
        private final int port;
        private final boolean virtual;

        Server(int port, boolean virtual) {
            this.port = port;
            this.virtual = virtual;
        }

        @Override
        public Future<?> start() {
            return vertx.createHttpServer().requestHandler(req -> {
                if (!"/bench/noop".equals(req.path())) {
                    req.response().setStatusCode(404).end();
                    return;
                }
                if (virtual) {
                    Buffer body = req.body().await();
                    answer(req, body);
                } else {
                    req.body().onSuccess(body -> answer(req, body));
                }
            }).listen(port);
        }

        private static void answer(HttpServerRequest req, Buffer body) {
            if (!Noop.handle(body.getBytes(), req.getHeader("User-Agent"))) {
                req.response().setStatusCode(400).end("{\"error\":{}}");
                return;
            }
            req.response().putHeader("Content-Type", "application/json").end(ANSWER);
        }
    }

    public static void main(String[] args) {
        int port = Noop.port(args);
        boolean virtual = args.length > 1 && args[1].equals("virtual");
        int cores = Runtime.getRuntime().availableProcessors();
        int instances = args.length > 2 ? Integer.parseInt(args[2]) : cores;
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(Math.max(instances, cores)));
        DeploymentOptions options = new DeploymentOptions().setInstances(instances);
        if (virtual) options.setThreadingModel(ThreadingModel.VIRTUAL_THREAD);
        vertx.deployVerticle(() -> new Server(port, virtual), options).await();
        System.out.println("vertx (" + (virtual ? "virtual threads" : "event loop") + ", " + instances
                + " instances) listening on " + port);
    }
}
