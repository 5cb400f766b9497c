package dev.sesame.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimesTest {

  private static final Instant SAMPLE = Instant.parse("2026-12-03T17:39:05.123Z");

  @Test
  void minute_whenInstant_thenDayAndMinuteInUtc() {
    assertThat(Times.minute(SAMPLE)).isEqualTo("3 Dec 2026, 17:39");
  }

  @Test
  void day_whenJustBeforeMidnightUtc_thenThatDay() {
    assertThat(Times.day(Instant.parse("2026-12-03T23:59:59Z"))).isEqualTo("3 Dec 2026");
  }

  @Test
  void time_whenInstant_thenHoursAndMinutes() {
    assertThat(Times.time(SAMPLE)).isEqualTo("17:39");
  }

  @Test
  void second_whenInstant_thenSecondsWithoutZone() {
    assertThat(Times.second(SAMPLE)).isEqualTo("3 Dec 2026, 17:39:05");
  }

  @Test
  void exact_whenInstant_thenSecondsAndZone() {
    assertThat(Times.exact(SAMPLE)).isEqualTo("3 Dec 2026, 17:39:05 UTC");
  }
}
