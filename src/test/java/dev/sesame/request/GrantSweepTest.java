package dev.sesame.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GrantSweepTest {

  private static final Instant SINCE = Instant.parse("2026-12-01T10:00:00Z");
  private static final Duration THREE_DAYS = Duration.ofDays(3);

  @Test
  void remindAt_whenLongGrant_thenThreeDaysBefore() {
    Instant end = SINCE.plus(Duration.ofDays(30));
    assertThat(GrantSweep.remindAt(SINCE, end, THREE_DAYS)).isEqualTo(end.minus(THREE_DAYS));
  }

  @Test
  void remindAt_whenShorterThanTwiceTheNotice_thenHalfway() {
    Instant end = SINCE.plus(Duration.ofDays(2));
    assertThat(GrantSweep.remindAt(SINCE, end, THREE_DAYS)).isEqualTo(SINCE.plus(Duration.ofDays(1)));
    Instant minute = SINCE.plus(Duration.ofMinutes(1));
    assertThat(GrantSweep.remindAt(SINCE, minute, THREE_DAYS)).isEqualTo(SINCE.plusSeconds(30));
  }

  @Test
  void remindAt_whenExactlyTwiceTheNotice_thenThreeDaysBefore() {
    Instant end = SINCE.plus(Duration.ofDays(6));
    assertThat(GrantSweep.remindAt(SINCE, end, THREE_DAYS)).isEqualTo(end.minus(THREE_DAYS));
  }
}
