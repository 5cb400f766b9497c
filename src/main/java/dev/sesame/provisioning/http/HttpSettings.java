package dev.sesame.provisioning.http;

import dev.sesame.common.FieldError;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Reading URLs and durations the way every REST connector's settings do. */
public final class HttpSettings {

  private HttpSettings() {}

  /** An http(s) URL without a trailing slash; {@code example} shows the form in the error. */
  public static URI url(String text, String key, String example, List<FieldError> errors) {
    String value = text.trim();
    while (value.endsWith("/")) {
      value = value.substring(0, value.length() - 1);
    }
    if (value.isEmpty()) {
      errors.add(new FieldError(key, "is required, e.g. " + example));
      return URI.create("http://invalid");
    }
    try {
      URI uri = URI.create(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
        errors.add(new FieldError(key, "'" + text + "' is not an http(s) URL, e.g. " + example));
        return URI.create("http://invalid");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(key, "'" + text + "' is not a URL, e.g. " + example));
      return URI.create("http://invalid");
    }
  }

  /** A duration written {@code 10s}, {@code 500ms} or a number of seconds; 100 ms to 5 min. */
  public static Duration duration(String text, String key, List<FieldError> errors) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    try {
      Duration duration;
      if (value.endsWith("ms")) {
        duration = Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2).trim()));
      } else if (value.endsWith("s")) {
        duration = Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1).trim()));
      } else {
        duration = Duration.ofSeconds(Long.parseLong(value));
      }
      if (duration.compareTo(Duration.ofMillis(100)) < 0 || duration.compareTo(Duration.ofMinutes(5)) > 0) {
        errors.add(new FieldError(key, "must be between 100ms and 300s"));
      }
      return duration;
    } catch (NumberFormatException e) {
      errors.add(new FieldError(key, "'" + text + "' is not a duration, e.g. 10s or 500ms"));
      return Duration.ofSeconds(10);
    }
  }
}
