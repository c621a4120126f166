package dev.omotenashi.engine.event;

import dev.omotenashi.engine.TrackRequest;

import java.util.Objects;

/**
 * A valid body of {@code POST /v1/t}: the site key the server must resolve (unknown: 401) and the request
 * for that site's engine.
 *
 * @param site          the site's public key, as sent; never null
 * @param request       the validated request; its visitor is never null
 * @param mintedVisitor whether the body carried no visitor and {@code request.visitor()} was made by the
 *                      server: the answer must hand it back so that the tag stores it
 */
public record ParsedTrack(String site, TrackRequest request, boolean mintedVisitor) {
    public ParsedTrack {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(request, "request");
    }
}
