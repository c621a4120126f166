package dev.omotenashi.engine.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The mapping from Yauaa's device classes, which needs no analyzer. */
class DeviceClassMappingTest {

    @ParameterizedTest
    @CsvSource({
            "Phone,false,smartphone", "Mobile,false,smartphone", "Watch,false,smartphone",
            "Robot Mobile,false,smartphone", "Tablet,false,tablet", "eReader,false,tablet",
            "Tablet,true,tablet", "Desktop,false,pc", "Desktop,true,smartphone", "Unknown,false,pc",
            "Unknown,true,smartphone", "Anonymized,true,smartphone", "Hacker,true,smartphone", "Robot,true,pc",
            "TV,true,pc", "Set-top box,false,pc", "Game Console,true,pc", "Virtual Reality,false,pc"})
    void yauaaClassesMapToThree(String yauaa, boolean hint, String expected) {
        assertThat(DeviceClassifier.fromYauaa(yauaa, hint).json()).isEqualTo(expected);
    }

    @Test
    void nullYauaaClassIsUnknown() {
        assertThat(DeviceClassifier.fromYauaa(null, true)).isEqualTo(DeviceClass.SMARTPHONE);
        assertThat(DeviceClassifier.fromYauaa(null, false)).isEqualTo(DeviceClass.PC);
    }

    @Test
    void jsonNamesAreTheSpecs() {
        assertThat(List.of(DeviceClass.values())).extracting(DeviceClass::json)
                .containsExactly("pc", "smartphone", "tablet");
        assertThat(DeviceClass.fromJson("tablet")).isEqualTo(DeviceClass.TABLET);
        assertThat(DeviceClass.fromJson("mobile")).isNull();
    }

    @Test
    void negativeCacheSizeIsRejected() {
        assertThatThrownBy(() -> new DeviceClassifier(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
