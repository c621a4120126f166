package dev.omotenashi.engine.campaign;

import dev.omotenashi.engine.config.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** A schedule is open between start and end, on its days, during its hours, in the site's timezone. */
class ScheduleTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private static Schedule parse(String schedule) {
        return CampaignParser.parse(Json.parse("{'id': 'c', 'name': 'C', 'schedule': " + schedule
                + ", 'creative': {'template': 'popup', 'content': {'title': 'x'}}}")).schedule();
    }

    private static Instant tokyo(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(TOKYO).toInstant();
    }

    @Test
    void startIsInclusiveAndEndExclusive() {
        Schedule s = parse("{'start': '2026-12-01T00:00:00+09:00', 'end': '2027-01-01T00:00:00+09:00'}");
        assertThat(s.isOpen(tokyo("2026-11-30T23:59:59"), TOKYO)).isFalse();
        assertThat(s.isOpen(tokyo("2026-12-01T00:00:00"), TOKYO)).isTrue();
        assertThat(s.isOpen(tokyo("2026-12-31T23:59:59"), TOKYO)).isTrue();
        assertThat(s.isOpen(tokyo("2027-01-01T00:00:00"), TOKYO)).isFalse();
    }

    @Test
    void daysAndHoursAreThoseOfTheSiteTimezone() {
        Schedule weekdayMornings = parse("{'days': ['mon', 'tue', 'wed', 'thu', 'fri'], 'hours': {'from': '09:00', 'to': '12:00'}}");
        // 2026-12-07 is a Monday in Tokyo; 09:30 there is Sunday 00:30 UTC.
        assertThat(weekdayMornings.isOpen(tokyo("2026-12-07T09:30"), TOKYO)).isTrue();
        assertThat(weekdayMornings.isOpen(tokyo("2026-12-07T09:30"), ZoneId.of("UTC"))).isFalse();
        assertThat(weekdayMornings.isOpen(tokyo("2026-12-07T08:59"), TOKYO)).isFalse();
        assertThat(weekdayMornings.isOpen(tokyo("2026-12-07T12:00"), TOKYO)).isFalse();
        assertThat(weekdayMornings.isOpen(tokyo("2026-12-06T10:00"), TOKYO)).isFalse();
    }

    @Test
    void hoursMayEndAtMidnightOrSpanIt() {
        Schedule evenings = parse("{'hours': {'from': '18:00', 'to': '24:00'}}");
        assertThat(evenings.isOpen(tokyo("2026-12-07T23:59"), TOKYO)).isTrue();
        assertThat(evenings.isOpen(tokyo("2026-12-08T00:00"), TOKYO)).isFalse();
        assertThat(parse("{'hours': {'from': '18:00', 'to': '00:00'}}").hours()).isEqualTo(evenings.hours());

        Schedule nights = parse("{'days': ['fri'], 'hours': {'from': '22:00', 'to': '02:00'}}");
        assertThat(nights.isOpen(tokyo("2026-12-11T23:00"), TOKYO)).isTrue();   // Friday night
        assertThat(nights.isOpen(tokyo("2026-12-11T01:00"), TOKYO)).isTrue();   // Friday early morning
        assertThat(nights.isOpen(tokyo("2026-12-12T01:00"), TOKYO)).isFalse();  // Saturday early morning
        assertThat(nights.isOpen(tokyo("2026-12-11T12:00"), TOKYO)).isFalse();
    }

    @Test
    void omittedPartsMeanAlways() {
        assertThat(parse("{}")).isEqualTo(Schedule.ALWAYS);
        assertThat(parse("{'end': null}")).isEqualTo(Schedule.ALWAYS);
        assertThat(Schedule.ALWAYS.isOpen(Instant.EPOCH, TOKYO)).isTrue();
        assertThat(parse("{'hours': {'from': '10:00'}}").hours()).isEqualTo(new Schedule.Hours(600, 1440));
    }
}
