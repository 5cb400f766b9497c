package dev.sesame.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sesame.directory.PersonId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private static final PersonId SAMPLE_LOGIN = new PersonId("alex.kim");
  private static final Instant START = Instant.parse("2026-12-03T10:00:00Z");

  private final MutableClock clock = new MutableClock(START);
  private final LoginThrottle throttle = new LoginThrottle(clock);

  @Test
  void wait_whenFewerFailuresThanTheLimit_thenNone() {
    fail(LoginThrottle.MAX_FAILURES - 1);
    assertThat(throttle.wait(SAMPLE_LOGIN)).isZero();
  }

  @Test
  void wait_whenTooManyFailures_thenPausedThenFreeAgain() {
    fail(LoginThrottle.MAX_FAILURES);
    assertThat(throttle.wait(SAMPLE_LOGIN)).isEqualTo(LoginThrottle.PAUSE.minusSeconds(1));
    assertThat(throttle.wait(new PersonId("priya.nair"))).isZero();
    clock.now = clock.now.plus(LoginThrottle.PAUSE);
    assertThat(throttle.wait(SAMPLE_LOGIN)).isZero();
  }

  @Test
  void wait_whenFailuresAreOlderThanTheWindow_thenForgotten() {
    fail(LoginThrottle.MAX_FAILURES - 1);
    clock.now = clock.now.plus(LoginThrottle.WINDOW).plusSeconds(1);
    fail(1);
    assertThat(throttle.wait(SAMPLE_LOGIN)).isZero();
  }

  @Test
  void succeeded_whenSignedIn_thenFailuresForgotten() {
    fail(LoginThrottle.MAX_FAILURES - 1);
    throttle.succeeded(SAMPLE_LOGIN);
    fail(1);
    assertThat(throttle.wait(SAMPLE_LOGIN)).isZero();
  }

  private void fail(int times) {
    for (int i = 0; i < times; i++) {
      throttle.failed(SAMPLE_LOGIN);
      clock.now = clock.now.plus(Duration.ofSeconds(1));
    }
  }

  private static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
