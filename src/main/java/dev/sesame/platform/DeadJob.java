package dev.sesame.platform;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A durable job that failed and gave up: what it was, how often it ran, its last error, and what
 * an admin decided about it.
 *
 * @param id the row's number, used in the console and the API
 * @param task the task name, e.g. {@code fulfil-request}
 * @param instance the task instance, e.g. the request id
 * @param attempts how many runs failed in a row
 * @param lastError the last error's message (never a secret: connectors name objects, not credentials)
 * @param firstFailedAt when the first of these runs failed
 * @param gaveUpAt when the job gave up
 * @param resolution {@code retried} or {@code given-up}; null while open
 * @param resolvedBy the admin who resolved it
 * @param resolvedAt when it was resolved
 * @param note the admin's note
 * @param subject what the job works on, as its task describes it
 */
public record DeadJob(long id, String task, String instance, int attempts, String lastError, Instant firstFailedAt,
    Instant gaveUpAt, @Nullable String resolution, @Nullable String resolvedBy, @Nullable Instant resolvedAt,
    String note, Optional<JobSubject> subject) {

  /** True until an admin retried it or gave it up. */
  public boolean open() {
    return resolvedAt == null;
  }
}
