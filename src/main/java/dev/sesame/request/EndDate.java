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
