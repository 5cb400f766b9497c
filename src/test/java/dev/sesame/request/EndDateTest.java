package dev.sesame.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EndDateTest {

  @Test
  void parse_whenDate_thenThroughThatDayInUtc() {
    assertThat(EndDate.parse("2026-12-18")).contains(Instant.parse("2026-12-18T23:59:59Z"));
  }

  @Test
  void parse_whenInstantWithZone_thenAsIs() {
    assertThat(EndDate.parse("2026-12-18T17:00:00Z")).contains(Instant.parse("2026-12-18T17:00:00Z"));
    assertThat(EndDate.parse("2026-12-18T17:00:00+01:00")).contains(Instant.parse("2026-12-18T16:00:00Z"));
  }

  @Test
  void parse_whenNeither_thenEmpty() {
    assertThat(EndDate.parse("Friday")).isEmpty();
    assertThat(EndDate.parse("2026-12-18T17:00:00")).isEmpty();
    assertThat(EndDate.parse("2026-02-30")).isEmpty();
  }

  @Test
  void renewalProblem_whenNewEndIsEarlierOrTheSame_thenMustBeAfterTheCurrentEnd() {
    Instant current = EndDate.endOf(java.time.LocalDate.parse("2026-12-10"));

    assertThat(EndDate.renewalProblem(EndDate.endOf(java.time.LocalDate.parse("2026-12-05")), current))
        .contains("must be after the current end, 2026-12-10");
    assertThat(EndDate.renewalProblem(current, current)).contains("must be after the current end, 2026-12-10");
    assertThat(EndDate.renewalProblem(EndDate.endOf(java.time.LocalDate.parse("2026-12-11")), current)).isEmpty();
  }

  @Test
  void describe_whenNotTheEndOfADay_thenTheInstant() {
    assertThat(EndDate.describe(Instant.parse("2026-12-10T17:00:00Z"))).isEqualTo("2026-12-10T17:00:00Z");
  }
}
