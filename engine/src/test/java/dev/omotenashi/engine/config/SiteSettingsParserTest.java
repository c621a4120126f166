package dev.omotenashi.engine.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Site settings parse with their defaults, and their mistakes are reported at their paths. */
class SiteSettingsParserTest {

    private static List<ConfigError> errors(String json) {
        return Problems.of(() -> SiteSettingsParser.parse(Json.parse(json)));
    }

    @Test
    void fullSettingsParse() {
        SiteSettings s = SiteSettingsParser.parse(Json.parse("""
                {"timezone": "Asia/Tokyo", "session_timeout": "PT45M", "spacing": {"min_pageviews": 2, "min_seconds": 60},
                 "domains": ["Shop.Example", "www.shop.example"]}"""));
        assertThat(s.timezone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(s.sessionTimeout()).isEqualTo(Duration.ofMinutes(45));
        assertThat(s.spacing()).isEqualTo(new SiteSettings.Spacing(2, 60));
        assertThat(s.domains()).containsExactly("shop.example", "www.shop.example");
    }

    @Test
    void onlyTheTimezoneIsRequired() {
        SiteSettings s = SiteSettingsParser.parse(Json.parse("{'timezone': 'UTC'}"));
        assertThat(s).isEqualTo(SiteSettings.of(ZoneId.of("UTC")));
        assertThat(SiteSettingsParser.parse(Json.parse("{'timezone': 'UTC', 'session_timeout': 600}")).sessionTimeout())
                .isEqualTo(Duration.ofMinutes(10));
        assertThat(errors("{}")).extracting(ConfigError::path, ConfigError::code).containsExactly(tuple("timezone", Codes.REQUIRED));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "{'timezone': 'Tokyo'}                                   | timezone                | invalid_value",
            "{'timezone': 9}                                         | timezone                | invalid_type",
            "{'timezone': 'UTC', 'session_timeout': 'PT30S'}         | session_timeout         | invalid_value",
            "{'timezone': 'UTC', 'session_timeout': 'P2D'}           | session_timeout         | invalid_value",
            "{'timezone': 'UTC', 'session_timeout': '30 minutes'}    | session_timeout         | invalid_value",
            "{'timezone': 'UTC', 'spacing': {'min_pageviews': -1}}   | spacing.min_pageviews   | invalid_value",
            "{'timezone': 'UTC', 'spacing': {'min_seconds': 'a'}}    | spacing.min_seconds     | invalid_type",
            "{'timezone': 'UTC', 'spacing': {'min_minutes': 1}}      | spacing.min_minutes     | unknown_field",
            "{'timezone': 'UTC', 'domains': 'shop.example'}          | domains                 | invalid_type",
            "{'timezone': 'UTC', 'domains': ['https://shop.example']} | domains[0]             | invalid_value",
            "{'timezone': 'UTC', 'domains': ['shop.example:8080']}   | domains[0]              | invalid_value",
            "{'timezone': 'UTC', 'domains': ['a.example', 'A.example']} | domains[1]           | duplicate",
            "{'timezone': 'UTC', 'timeout': 'PT1M'}                  | timeout                 | unknown_field",
    })
    void aMistakeIsReportedAtItsPath(String json, String path, String code) {
        assertThat(errors(json)).extracting(ConfigError::path, ConfigError::code).contains(tuple(path, code));
    }
}
