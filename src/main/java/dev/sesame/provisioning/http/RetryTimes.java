package dev.sesame.provisioning.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * When to try again after a throttled or failed answer, from the vendor's headers, measured
 * against the answer's own {@code Date} (so a skewed local clock does not matter), most
 * conservative when a header is repeated, and a default backoff when the headers are missing.
 */
public final class RetryTimes {

  /** The shortest delay ever returned: never hammer a server that asked to wait. */
  static final Duration MINIMUM = Duration.ofSeconds(1);

  private RetryTimes() {}

  /**
   * Until the epoch-seconds reset in {@code header} (Okta's {@code X-Rate-Limit-Reset}): the latest
   * value when repeated, measured from the latest {@code Date}, or from {@code clock} without one.
   */
  public static Duration untilReset(Response response, String header, Clock clock, Duration fallback) {
    OptionalLong reset = response.values(header).stream()
        .flatMapToLong(value -> parseLong(value).stream())
        .max();
    if (reset.isEmpty()) {
      return fallback;
    }
    Instant now = response.date().orElse(clock.instant());
    return atLeastMinimum(Duration.between(now, Instant.ofEpochSecond(reset.getAsLong())));
  }

  /**
   * The {@code Retry-After} delay (RFC 9110: seconds or an HTTP date), the longest when repeated;
   * {@code fallback} without one.
   */
  public static Duration retryAfter(Response response, Clock clock, Duration fallback) {
    Duration longest = null;
    for (String value : response.headers().allValues("Retry-After")) {
      Duration delay = parseLong(value.trim()).stream().mapToObj(Duration::ofSeconds).findFirst()
          .orElseGet(() -> httpDate(value, response, clock));
      if (delay != null && (longest == null || delay.compareTo(longest) > 0)) {
        longest = delay;
      }
    }
    return longest == null ? fallback : atLeastMinimum(longest);
  }

  private static Duration httpDate(String value, Response response, Clock clock) {
    try {
      Instant at = java.time.ZonedDateTime.parse(value.trim(),
          java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Duration.between(response.date().orElse(clock.instant()), at);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  private static OptionalLong parseLong(String value) {
    try {
      return OptionalLong.of(Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  private static Duration atLeastMinimum(Duration delay) {
    return delay.compareTo(MINIMUM) < 0 ? MINIMUM : delay;
  }
}
