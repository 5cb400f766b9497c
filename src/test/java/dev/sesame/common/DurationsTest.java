package dev.sesame.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void words_thenTheLargestWholeUnitInWords() {
    assertThat(Durations.words(Duration.ofDays(30))).isEqualTo("30 days");
    assertThat(Durations.words(Duration.ofDays(1))).isEqualTo("1 day");
    assertThat(Durations.words(Duration.ofHours(36))).isEqualTo("36 hours");
    assertThat(Durations.words(Duration.ofMinutes(90))).isEqualTo("90 minutes");
    assertThat(Durations.words(Duration.ofSeconds(5))).isEqualTo("5 seconds");
  }
}
