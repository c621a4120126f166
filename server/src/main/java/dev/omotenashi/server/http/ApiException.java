package dev.omotenashi.server.http;

/**
 * An error answered to the client as {@code {"error": {"code", "message", "path"}}} with an HTTP status.
 * Thrown by handlers; mapped once, in {@link ErrorMapping}.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final String path;

    public ApiException(int status, String code, String message, String path) {
        super(message);
        this.status = status;
        this.code = code;
        this.path = path;
    }

    public ApiException(int status, String code, String message) {
        this(status, code, message, null);
    }

    public static ApiException badRequest(String path, String message) {
        return new ApiException(400, "invalid", message, path);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, "unauthorized", message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, "forbidden", message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String path() {
        return path;
    }
}
