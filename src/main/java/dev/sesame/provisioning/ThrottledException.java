package dev.sesame.provisioning;

import dev.sesame.common.UnavailableException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A system answered a read with "too many requests" (or "busy"): try again after {@link
 * #retryAfter()}. It is an {@link UnavailableException}, so callers that only know "unreachable"
 * treat it the same way.
 */
public class ThrottledException extends UnavailableException {

  private final Duration retryAfter;

  public ThrottledException(String message, Duration retryAfter, @Nullable Throwable cause) {
    super(message, cause);
    this.retryAfter = retryAfter;
  }

  /** When the system said to try again, measured from its answer. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
