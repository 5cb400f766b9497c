package dev.sesame.platform;

import java.time.Duration;
import java.util.Optional;

/**
 * When a failed job runs again: the first retry after {@code first}, each later one after twice the
 * delay before; a target that asked for a longer wait ({@link DurableTask.RetryLater}) gets it; no
 * delay exceeds {@code cap}. After {@code maxAttempts} failed runs, or when the job says retrying
 * cannot help ({@link DurableTask.GiveUp}), it gives up.
 *
 * @param first the delay before the first retry
 * @param maxAttempts how many runs fail before the job gives up
 * @param cap the longest delay, also when the target asked for a longer one
 */
record Backoff(Duration first, int maxAttempts, Duration cap) {

  Backoff {
    if (first.isNegative() || first.isZero()) {
      throw new IllegalArgumentException("the first retry delay must be positive, not " + first);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("max attempts must be at least 1, not " + maxAttempts);
    }
    if (cap.compareTo(first) < 0) {
      throw new IllegalArgumentException("the longest delay " + cap + " is shorter than the first " + first);
    }
  }

  /** The backoff of a task, as the task declares it. */
  static Backoff of(DurableTask task) {
    return new Backoff(task.firstRetry(), task.maxAttempts(), task.maxDelay());
  }

  /**
   * The delay before the next run after the {@code failures}th failed run in a row (1 for the
   * first), or empty when the job gives up.
   */
  Optional<Duration> next(int failures, Throwable cause) {
    if (failures >= maxAttempts || cause instanceof DurableTask.GiveUp) {
      return Optional.empty();
    }
    Duration delay = first.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 30));
    if (cause instanceof DurableTask.RetryLater later && later.after().isPresent()
        && later.after().get().compareTo(delay) > 0) {
      delay = later.after().get();
    }
    return Optional.of(delay.compareTo(cap) > 0 ? cap : delay);
  }
}
