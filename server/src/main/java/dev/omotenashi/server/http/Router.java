package dev.omotenashi.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;

import java.util.ArrayList;
import java.util.List;

/**
 * Where every route is declared, with who may call it. Each handler is wrapped in its access check, so a
 * route cannot be added without one; and the list of routes is what the security test walks, so a new
 * route cannot slip through untested.
 */
public final class Router {
    /** Who may call a route. */
    public enum Access {
        /** anyone (the tag's door, health, metrics) */
        PUBLIC,
        /** HTTP Basic with a site's write key (the Segment-compatible door) */
        WRITE_KEY,
        /** the server's administrators */
        ADMIN,
        /** an administrator, or a token of the site named in the path ({@code {site}}) */
        SITE
    }

    /** HTTP methods routes use. */
    public enum Method { GET, POST, PUT, PATCH, DELETE, OPTIONS }

    /**
     * A declared route; {@code query} names the query parameters it reads, with a one-line description
     * each, for the OpenAPI document.
     */
    public record Route(Method method, String path, Access access, java.util.Map<String, String> query) {
        public Route {
            query = query == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(query));
        }

        public Route(Method method, String path, Access access) {
            this(method, path, access, null);
        }
    }

    private final RoutesConfig routes;
    private final Auth auth;
    private final List<Route> declared = new ArrayList<>();

    public Router(RoutesConfig routes, Auth auth) {
        this.routes = routes;
        this.auth = auth;
    }

    public void get(String path, Access access, Handler h) {
        add(Method.GET, path, access, h);
    }

    /** A GET route that reads query parameters (name → description, in order), documented in OpenAPI. */
    public void get(String path, Access access, java.util.Map<String, String> query, Handler h) {
        add(Method.GET, path, access, query, h);
    }

    public void post(String path, Access access, Handler h) {
        add(Method.POST, path, access, h);
    }

    public void put(String path, Access access, Handler h) {
        add(Method.PUT, path, access, h);
    }

    public void patch(String path, Access access, Handler h) {
        add(Method.PATCH, path, access, h);
    }

    public void delete(String path, Access access, Handler h) {
        add(Method.DELETE, path, access, h);
    }

    public void options(String path, Access access, Handler h) {
        add(Method.OPTIONS, path, access, h);
    }

    private void add(Method method, String path, Access access, Handler h) {
        add(method, path, access, null, h);
    }

    private void add(Method method, String path, Access access, java.util.Map<String, String> query, Handler h) {
        declared.add(new Route(method, path, access, query));
        Handler checked = ctx -> {
            auth.check(access, ctx);
            h.handle(ctx);
        };
        switch (method) {
            case GET -> routes.get(path, checked);
            case POST -> routes.post(path, checked);
            case PUT -> routes.put(path, checked);
            case PATCH -> routes.patch(path, checked);
            case DELETE -> routes.delete(path, checked);
            case OPTIONS -> routes.options(path, checked);
            default -> throw new IllegalArgumentException("unsupported method " + method);
        }
    }

    /** Every declared route, in declaration order. */
    public List<Route> routes() {
        return List.copyOf(declared);
    }
}
