package dev.omotenashi.engine.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs only where the Log4j 2 API is missing: the failure must name the jar to add. */
@DisabledIf(value = "dev.omotenashi.engine.session.DeviceClassificationTest#yauaaCanRun",
        disabledReason = "the Log4j 2 API is on the class path")
class DeviceClassifierWithoutLog4jTest {

    @Test
    void missingLoggingApiIsReportedWithTheJarToAdd() {
        assertThatThrownBy(DeviceClassifier::new)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("org.apache.logging.log4j:log4j-api");
        // Not remembered: a second attempt explains itself again instead of a bare NoClassDefFoundError.
        assertThatThrownBy(DeviceClassifier::shared)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("log4j-api");
    }
}
