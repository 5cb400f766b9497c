package dev.sesame.platform;

import dev.sesame.directory.PersonId;
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

  /** The longest delay between two runs, also when the target asked for a longer wait. */
  default Duration maxDelay() {
    return Duration.ofHours(1);
  }

  /**
   * Called once when the work failed too often (or said that retrying cannot help) and will not be
   * retried: the job is on the dead-letter list ({@link DeadJobs}) from the same transaction on.
   */
  void gaveUp(String instanceId, Throwable lastFailure);

  /**
   * Called after each failed run that will be retried, in the transaction that schedules the retry;
   * {@code failures} counts the failed runs in a row (1 for the first).
   */
  default void failed(String instanceId, int failures, Throwable lastFailure) {}

  /** What one instance is about, for the admins who look at a dead job; empty when unknown. */
  default Optional<JobSubject> describe(String instanceId) {
    return Optional.empty();
  }

  /**
   * An admin asked for the dead job to run again: called in the transaction that schedules it, so
   * the task can put what it works on back in the state that expects the work. Throwing (e.g. a
   * {@link dev.sesame.common.ConflictException}) refuses the retry and changes nothing.
   */
  default void retried(String instanceId, PersonId admin) {}

  /** An admin gave the dead job up for good, with a note: the task closes what it worked on. */
  default void abandoned(String instanceId, PersonId admin, String note) {}

  /**
   * Thrown by {@link #run} when retrying cannot help (the target refused for good): the job gives up
   * at once and goes to the dead-letter list, where an admin can retry it once the cause is fixed.
   */
  final class GiveUp extends RuntimeException {
    public GiveUp(String reason) {
      super(reason);
    }
  }

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
