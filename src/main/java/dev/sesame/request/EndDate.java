package dev.sesame.request;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How a planned end is written. A date means "through that day": access ends at 23:59:59 UTC of
 * it; an instant (ISO-8601 with a zone, e.g. {@code 2026-12-18T17:00:00Z}) is taken as it is.
 */
public final class EndDate {

  private EndDate() {}

  /** The last second of {@code day} in UTC. */
  public static Instant endOf(LocalDate day) {
    return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1);
  }

  /**
   * Why a renewal to {@code until} cannot move a grant that now ends at {@code currentEnd}: a
   * renewal only extends access, so the new end must be later than the current one.
   */
  public static Optional<String> renewalProblem(Instant until, Instant currentEnd) {
    return until.isAfter(currentEnd) ? Optional.empty()
        : Optional.of("must be after the current end, " + describe(currentEnd));
  }

  /** The day ({@code 2026-12-10}) when the instant is the end of a UTC day, else the instant. */
  public static String describe(Instant end) {
    LocalDate day = LocalDate.ofInstant(end, ZoneOffset.UTC);
    return endOf(day).equals(end) ? day.toString() : end.toString();
  }

  /** Parses a date ({@code 2026-12-18}) or an instant; empty when the text is neither. */
  public static Optional<Instant> parse(String text) {
    String t = text.strip();
    try {
      return Optional.of(endOf(LocalDate.parse(t)));
    } catch (DateTimeParseException e) {
      // not a date: perhaps an instant
    }
    try {
      return Optional.of(java.time.OffsetDateTime.parse(t).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
