package dev.sesame.request;

import dev.sesame.catalog.AppName;
import dev.sesame.directory.PersonId;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Filters for the catalog admins' list of requests; a null filter matches everything.
 *
 * @param from the first day (UTC) the request may have been created on
 * @param to the last day (UTC) the request may have been created on, inclusive
 * @param limit at most this many requests, between 1 and {@link #MAX_LIMIT}
 */
public record RequestSearch(@Nullable RequestState state, @Nullable AppName app, @Nullable PersonId requester,
    @Nullable LocalDate from, @Nullable LocalDate to, int limit) {

  /** The most requests one search returns. */
  public static final int MAX_LIMIT = 500;

  public RequestSearch {
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException("the range ends (" + to + ") before it starts (" + from + ")");
    }
    limit = Math.max(1, Math.min(limit, MAX_LIMIT));
  }

  /** Every request, newest first, up to the limit. */
  public static RequestSearch all(int limit) {
    return new RequestSearch(null, null, null, null, null, limit);
  }

  /** The first instant of the range, when it has a start. */
  @Nullable Instant createdFrom() {
    return from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** The first instant after the range, when it has an end. */
  @Nullable Instant createdBefore() {
    return to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
