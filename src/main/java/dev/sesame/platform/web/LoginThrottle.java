package dev.sesame.platform.web;

import dev.sesame.directory.PersonId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@value #MAX_FAILURES} failed sign-ins of one login within
 * {@link #WINDOW}, that login is refused for {@link #PAUSE} without asking the directory.
 *
 * <p>NB. The pause is short on purpose: a long lock-out would let anyone lock a colleague out by
 * typing their login. Kept per node, in memory; the directory's own lock-out policy still applies.
 */
@Component
class LoginThrottle {

  static final int MAX_FAILURES = 10;
  static final Duration WINDOW = Duration.ofMinutes(10);
  static final Duration PAUSE = Duration.ofMinutes(1);
  private static final int MAX_TRACKED = 100_000;

  private final Clock clock;
  private final Map<PersonId, Deque<Instant>> failures = new ConcurrentHashMap<>();

  LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** How long this login must wait before the next try; zero when it may try now. */
  Duration wait(PersonId login) {
    Deque<Instant> recent = failures.get(login);
    if (recent == null) {
      return Duration.ZERO;
    }
    synchronized (recent) {
      Instant now = clock.instant();
      recent.removeIf(at -> at.isBefore(now.minus(WINDOW)));
      if (recent.size() < MAX_FAILURES) {
        return Duration.ZERO;
      }
      Duration left = Duration.between(now, recent.peekLast().plus(PAUSE));
      return left.isNegative() ? Duration.ZERO : left;
    }
  }

  /** Records a failed sign-in. */
  void failed(PersonId login) {
    if (failures.size() > MAX_TRACKED) {
      failures.clear();
    }
    Deque<Instant> recent = failures.computeIfAbsent(login, key -> new ArrayDeque<>());
    synchronized (recent) {
      recent.addLast(clock.instant());
      while (recent.size() > MAX_FAILURES) {
        recent.removeFirst();
      }
    }
  }

  /** Forgets the failures of a login that signed in. */
  void succeeded(PersonId login) {
    failures.remove(login);
  }
}
