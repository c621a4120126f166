package dev.omotenashi.engine.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Durations and times are read in the forms of config-language.md §1, and nothing else. */
class DurationsAndTimesTest {

    private static Duration duration(String json) {
        Errors errors = new Errors();
        Duration d = Values.duration(Json.parse(json), "window", errors);
        assertThat(d == null).isEqualTo(!errors.isEmpty());
        return d;
    }

    private static Long time(String json) {
        Errors errors = new Errors();
        Long t = Values.time(Json.parse(json), "start", errors);
        assertThat(t == null).isEqualTo(!errors.isEmpty());
        return t;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "'PT3M'     | 180",
            "'P7D'      | 604800",
            "'P1W'      | 604800",
            "'p2w'      | 1209600",
            "'P1DT12H'  | 129600",
            "'PT0.5S'   | 0.5",
            "180        | 180",
            "1.25       | 1.25",
            "0          | 0",
    })
    void durationsAreIsoOrSeconds(String json, double seconds) {
        assertThat(duration(json)).isEqualTo(Duration.ofMillis(Math.round(seconds * 1000)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"'P1M'", "'P1Y'", "'-PT1M'", "'PT-1M'", "-1", "'3 minutes'", "'180'", "true", "[1]",
            "'P36501D'", "'P999999W'", "'PT2562047788015215H'", "1e300", "1e400"})
    void otherDurationsAreRejected(String json) {
        assertThat(duration(json)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "'2026-12-01T00:00:00+09:00'     | 1796050800000",
            "'2026-11-30T15:00:00Z'          | 1796050800000",
            "'2026-11-30T15:00:00.000+00:00' | 1796050800000",
            "1796050800000                   | 1796050800000",
    })
    void timesAreIsoWithOffsetOrEpochMillis(String json, long millis) {
        assertThat(time(json)).isEqualTo(millis);
    }

    @ParameterizedTest
    @ValueSource(strings = {"'2026-12-01T00:00:00'", "'2026-12-01'", "'yesterday'", "-1", "1.5", "false",
            "'+999999999-12-31T23:59:59Z'", "1e30"})
    void otherTimesAreRejected(String json) {
        assertThat(time(json)).isNull();
    }
}
