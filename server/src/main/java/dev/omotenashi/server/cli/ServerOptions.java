package dev.omotenashi.server.cli;

import dev.omotenashi.server.App;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * Options shared by {@code serve} and {@code demo}. Precedence: command-line option, then the
 * {@code --config} file, then environment variables, then defaults.
 */
final class ServerOptions {
    @Option(names = "--port", description = "HTTP port (default: 8080)")
    Integer port;

    @Option(names = "--data", description = "data folder of the embedded SQLite backend (default: ./data)")
    Path data;

    @Option(names = "--config", description = "a properties file: port, data, database_url, admin_token")
    Path config;

    @Option(names = "--rate-limit-site", description = "tracking requests a second per site (default 50000; 0: no limit)")
    Double rateSite;

    @Option(names = "--rate-limit-client", description = "tracking requests a second per client address (default 200; 0: no limit)")
    Double rateClient;

    @Option(names = "--bench-endpoints", hidden = true,
            description = "serve POST /bench/noop (the HTTP stack's ceiling) and POST /bench/checkpoint (checkpoint now), unauthenticated, for the load benchmark only")
    boolean benchEndpoints;

    @Option(names = "--test-clock", description = "let POST /api/v1/test-clock move the clock forward (never in production)")
    boolean testClock;

    /** Whether the administrators' token was generated for this start (and must be shown). */
    boolean generatedToken;

    App.Options resolve() {
        Properties file = new Properties();
        if (config != null) {
            try (Reader r = Files.newBufferedReader(config)) {
                file.load(r);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read --config " + config + ": " + e.getMessage(), e);
            }
        }
        int p = port != null ? port : Integer.parseInt(file.getProperty("port", env("OMOTENASHI_PORT", "8080")));
        Path d = data != null ? data : Path.of(file.getProperty("data", env("OMOTENASHI_DATA", "data")));
        String db = file.getProperty("database_url", env("OMOTENASHI_DATABASE_URL", null));
        String token = file.getProperty("admin_token", env("OMOTENASHI_ADMIN_TOKEN", null));
        if (token == null || token.isBlank()) {
            byte[] b = new byte[24];
            new SecureRandom().nextBytes(b);
            token = "oa_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
            generatedToken = true;
        }
        App.RateLimits limits = new App.RateLimits(
                rateSite != null ? rateSite : Double.parseDouble(file.getProperty("rate_limit_site", env("OMOTENASHI_RATE_LIMIT_SITE", "50000"))),
                rateClient != null ? rateClient : Double.parseDouble(file.getProperty("rate_limit_client", env("OMOTENASHI_RATE_LIMIT_CLIENT", "200"))));
        return new App.Options(p, d, db, token, testClock, limits, benchEndpoints);
    }

    private static String env(String name, String dflt) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? dflt : v;
    }
}
