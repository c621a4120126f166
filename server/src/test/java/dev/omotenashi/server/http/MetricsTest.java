package dev.omotenashi.server.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsTest {
    @Test
    void requestsAreCountedPerMethodRouteAndStatusAndAMadeUpMethodIsOther() {
        Metrics metrics = new Metrics();
        metrics.request("POST", "/v1/t", 200, 1_000_000);
        metrics.request("POST", "/v1/t", 200, 2_000_000);
        metrics.request("GET", "/health", 200, 1_000_000);
        for (int i = 0; i < 100; i++) metrics.request("M" + i, "unmatched", 404, 1_000_000);

        String scrape = metrics.scrape();

        assertThat(scrape).contains("omotenashi_http_requests_seconds_count{method=\"POST\",route=\"/v1/t\",status=\"200\"} 2")
                .contains("omotenashi_http_requests_seconds_count{method=\"GET\",route=\"/health\",status=\"200\"} 1")
                .contains("omotenashi_http_requests_seconds_count{method=\"other\",route=\"unmatched\",status=\"404\"} 100")
                .doesNotContain("method=\"M1\"");
    }
}
