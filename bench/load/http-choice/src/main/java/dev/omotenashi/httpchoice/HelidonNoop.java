package dev.omotenashi.httpchoice;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;

/** Helidon SE 4 (its own HTTP/1.1 server, every request on a virtual thread, blocking API). */
public final class HelidonNoop {
    public static void main(String[] args) {
        WebServer server = WebServer.builder()
                .port(Noop.port(args))
                .maxPayloadSize(2L * 1024 * 1024)
                .routing(r -> r.post("/bench/noop", (req, res) -> {
                    byte[] body = req.content().as(byte[].class);
                    String ua = req.headers().contains(HeaderNames.USER_AGENT)
                            ? req.headers().get(HeaderNames.USER_AGENT).get() : null;
                    if (!Noop.handle(body, ua)) {
                        res.status(Status.BAD_REQUEST_400).send("{\"error\":{}}".getBytes());
                        return;
                    }
                    res.header(HeaderNames.CONTENT_TYPE, "application/json").send(Noop.ANSWER_BYTES);
                }))
                .build()
                .start();
        System.out.println("helidon listening on " + server.port());
    }
}
