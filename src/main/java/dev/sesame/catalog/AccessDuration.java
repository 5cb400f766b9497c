package dev.sesame.catalog;

import dev.sesame.common.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Whether access to an app (or a role) may or must end on a date, and how far ahead that date may
 * be. Written {@code accessDuration: {mode: OPTIONAL, max: P90D}} in the catalog.
 *
 * <p>The maximum is counted from the moment of the request; a maximum in whole days is rounded up
 * to the end of that day (UTC), so that "until <the last allowed date>" is accepted whatever the
 * hour.
 *
 * @param mode NONE (no end date: access lasts until removed), OPTIONAL or REQUIRED
 * @param max the longest allowed access, at most {@link #LONGEST}; when absent, {@link #LONGEST}
 */
public record AccessDuration(Mode mode, @Nullable Duration max) {

  /** No end dates: access lasts until it is removed. */
  public static final AccessDuration NONE = new AccessDuration(Mode.NONE, null);

  /** The longest maximum an admin may set (five years). */
  public static final Duration LONGEST = Duration.ofDays(5 * 366);

  /** Whether a request may or must carry an end date. */
  public enum Mode {
    /** Requests carry no end date. */
    NONE,
    /** A request may carry an end date. */
    OPTIONAL,
    /** Every request must carry an end date. */
    REQUIRED
  }

  public AccessDuration {
    if (max != null && (max.isNegative() || max.isZero())) {
      throw new IllegalArgumentException("the maximum must be longer than zero");
    }
    if (max != null && max.compareTo(LONGEST) > 0) {
      throw new IllegalArgumentException("the maximum may be at most " + LONGEST.toDays() + " days (P"
          + LONGEST.toDays() + "D)");
    }
    if (mode == Mode.NONE && max != null) {
      throw new IllegalArgumentException("a maximum needs mode OPTIONAL or REQUIRED");
    }
  }

  /** Reads {@code NONE}, {@code OPTIONAL} or {@code REQUIRED} (any case). */
  public static Mode mode(String text) {
    try {
      return Mode.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text.strip() + "' is not a mode; use NONE, OPTIONAL or REQUIRED");
    }
  }

  /** Reads an ISO-8601 length: days and weeks ({@code P90D}, {@code P2W}) or hours ({@code PT12H}). */
  public static Duration length(String text) {
    String t = text.strip().toUpperCase(Locale.ROOT);
    try {
      if (t.contains("T")) {
        return Duration.parse(t);
      }
      Period p = Period.parse(t);
      if (p.getYears() != 0 || p.getMonths() != 0) {
        throw new IllegalArgumentException("write months and years as days, e.g. P90D");
      }
      return Duration.ofDays(p.getDays());
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text.strip() + "' is not a length; write e.g. P90D, P2W or PT12H");
    }
  }

  /** The ISO-8601 form, in days when the length is whole days. */
  public static String text(Duration length) {
    return length.toSeconds() % 86_400 == 0 ? "P" + length.toDays() + "D" : length.toString();
  }

  /** True when requests may carry an end date. */
  public boolean allowsEnd() {
    return mode != Mode.NONE;
  }

  /** True when every request must carry an end date. */
  public boolean requiresEnd() {
    return mode == Mode.REQUIRED;
  }

  /** The longest allowed access. */
  public Duration longest() {
    return max == null ? LONGEST : max;
  }

  /** The latest end a request made at {@code now} may ask for: now plus the maximum, to the end of that day. */
  public Instant latestEnd(Instant now) {
    if (longest().toSeconds() % 86_400 != 0) {
      return now.plus(longest());
    }
    LocalDate last = LocalDate.ofInstant(now.plus(longest()), ZoneOffset.UTC);
    return last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1);
  }

  /**
   * Why {@code until} may not be asked for at {@code now}; empty when it may. {@code until} null
   * means no end date.
   */
  public Optional<String> problem(@Nullable Instant until, Instant now) {
    if (until == null) {
      return requiresEnd() ? Optional.of("is required: access to this app must end on a date (at most "
          + Durations.words(longest()) + " ahead)") : Optional.empty();
    }
    if (!allowsEnd()) {
      return Optional.of("cannot be given: access to this app does not end on a date");
    }
    if (!until.isAfter(now)) {
      return Optional.of("is in the past");
    }
    if (until.isAfter(latestEnd(now))) {
      return Optional.of("is too far ahead: access to this app may last at most " + Durations.words(longest())
          + ", until " + LocalDate.ofInstant(latestEnd(now), ZoneOffset.UTC));
    }
    return Optional.empty();
  }
}
