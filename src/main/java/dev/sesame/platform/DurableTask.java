package dev.sesame.platform;

import java.time.Duration;
import java.util.Optional;

/**
 * Work that must happen after a transaction commits and must not be lost: a module provides one
 * bean per kind of work, and schedules instances of it with {@link Jobs} inside its transaction.
 */
public interface DurableTask {

  /** The stable name of this kind of work, e.g. {@code fulfil-request}. */
  String name();

  /** The delay before the first retry; later ones double. */
  Duration firstRetry();

  /** How often the work runs before it gives up. */
  int maxAttempts();

  /** Does the work for one instance; an exception means "try again later". */
  void run(String instanceId) throws Exception;

  /** Called once when the work failed too often and will not be retried. */
  void gaveUp(String instanceId, Throwable lastFailure);

  /** Thrown by {@link #run} when the target said when to come back (rate limit, busy). */
  final class RetryLater extends RuntimeException {
    private final Duration after;

    public RetryLater(Duration after, String reason) {
      super(reason);
      this.after = after;
    }

    /** The delay the target asked for. */
    public Optional<Duration> after() {
      return Optional.of(after);
    }
  }
}
