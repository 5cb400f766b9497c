package dev.sesame.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private static final RuntimeException FAILED = new IllegalStateException("boom");
  private final Backoff backoff = new Backoff(Duration.ofSeconds(5), 8, Duration.ofMinutes(2));

  @Test
  void next_whenRunsKeepFailing_thenTheDelayDoublesFromTheFirst() {
    assertThat(backoff.next(1, FAILED)).contains(Duration.ofSeconds(5));
    assertThat(backoff.next(2, FAILED)).contains(Duration.ofSeconds(10));
    assertThat(backoff.next(3, FAILED)).contains(Duration.ofSeconds(20));
    assertThat(backoff.next(4, FAILED)).contains(Duration.ofSeconds(40));
  }

  @Test
  void next_whenTheDoubledDelayPassesTheCap_thenTheCapIsUsed() {
    assertThat(backoff.next(5, FAILED)).contains(Duration.ofSeconds(80));
    assertThat(backoff.next(6, FAILED)).contains(Duration.ofMinutes(2));
    assertThat(new Backoff(Duration.ofSeconds(5), 100, Duration.ofHours(1)).next(99, FAILED))
        .contains(Duration.ofHours(1));
  }

  @Test
  void next_whenTheTargetAsksForLongerThanTheBackoff_thenItsDelayWins() {
    assertThat(backoff.next(1, new DurableTask.RetryLater(Duration.ofSeconds(30), "busy")))
        .contains(Duration.ofSeconds(30));
  }

  @Test
  void next_whenTheTargetAsksForLessThanTheBackoff_thenTheBackoffWins() {
    assertThat(backoff.next(4, new DurableTask.RetryLater(Duration.ofSeconds(1), "busy")))
        .contains(Duration.ofSeconds(40));
  }

  @Test
  void next_whenTheTargetAsksForLongerThanTheCap_thenTheCapWins() {
    assertThat(backoff.next(1, new DurableTask.RetryLater(Duration.ofHours(3), "rate limited")))
        .contains(Duration.ofMinutes(2));
  }

  @Test
  void next_afterMaxAttempts_thenGivesUp() {
    assertThat(backoff.next(7, FAILED)).isPresent();
    assertThat(backoff.next(8, FAILED)).isEqualTo(Optional.empty());
    assertThat(backoff.next(9, FAILED)).isEmpty();
    assertThat(new Backoff(Duration.ofSeconds(1), 1, Duration.ofSeconds(1)).next(1, FAILED)).isEmpty();
  }

  @Test
  void next_whenRetryingCannotHelp_thenGivesUpAtOnce() {
    assertThat(backoff.next(1, new DurableTask.GiveUp("no such group"))).isEmpty();
  }

  @Test
  void backoff_whenSettingsMakeNoSense_thenRefused() {
    assertThatThrownBy(() -> new Backoff(Duration.ZERO, 3, Duration.ofMinutes(1)))
        .hasMessageContaining("must be positive");
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), 0, Duration.ofMinutes(1)))
        .hasMessageContaining("at least 1");
    assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(2), 3, Duration.ofMinutes(1)))
        .hasMessageContaining("shorter than the first");
  }

  @Test
  void errorText_whenTheMessageCarriesSomethingLikeASecret_thenItIsMasked() {
    assertThat(DeadJobs.errorText(new IllegalStateException("bind failed for password=hunter2, retry")))
        .isEqualTo("bind failed for password=****, retry");
    assertThat(DeadJobs.errorText(new IllegalStateException())).isEqualTo("IllegalStateException");
    assertThat(DeadJobs.errorText(new IllegalStateException("x".repeat(3000)))).hasSize(2001);
  }
}
