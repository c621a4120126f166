package dev.omotenashi.server.cli;

import dev.omotenashi.server.App;

/** What a start prints for the person who ran it: where to go, and the keys they need. */
final class Banner {
    private Banner() {}

    static void print(App app, App.Options o, boolean generatedToken, String demoSite) {
        String base = "http://localhost:" + app.port();
        StringBuilder sb = new StringBuilder();
        sb.append("\n  Omotenashi is running at ").append(base).append('\n');
        sb.append("  storage: ").append(o.databaseUrl() != null ? "PostgreSQL" : "SQLite in " + o.data().toAbsolutePath()).append('\n');
        sb.append("  API:     ").append(base).append("/api/v1/openapi.json\n");
        if (generatedToken) {
            sb.append("  administrator token (for this start; set OMOTENASHI_ADMIN_TOKEN to keep one):\n    ")
                    .append(o.adminToken()).append('\n');
        }
        if (demoSite != null) sb.append(demoSite);
        if (o.testClock()) sb.append("  test clock ON: POST /api/v1/test-clock {\"advance\": \"PT1H\"} moves time forward\n");
        sb.append("  stop with Ctrl-C\n");
        System.out.println(sb);
    }
}
