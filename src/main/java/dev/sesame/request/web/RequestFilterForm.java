package dev.sesame.request.web;

import dev.sesame.catalog.AppName;
import dev.sesame.directory.PersonId;
import dev.sesame.request.RequestSearch;
import dev.sesame.request.RequestState;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The request list's filters as typed: every field is text, so that a bad value becomes a field
 * error on the page instead of a failed request. Blank fields filter nothing.
 */
record RequestFilterForm(@Nullable String app, @Nullable String person, @Nullable String state,
    @Nullable String from, @Nullable String to, @Nullable String limit) {

  /** How many requests a page shows at first, and how many more "show more" adds. */
  static final int DEFAULT_LIMIT = 50;

  /**
   * The search, present only when every field is valid.
   *
   * @param errors the reason of each invalid field, by field name, in form order
   */
  record Parsed(Optional<RequestSearch> search, Map<String, String> errors, int limit) {}

  Parsed parse() {
    Map<String, String> errors = new LinkedHashMap<>();
    AppName appName = field("app", app, AppName::parse, "is not an app name", errors);
    PersonId login = field("person", person, PersonId::parse, "is not a login, e.g. alex.kim", errors);
    RequestState wanted = field("state", state, RequestFilterForm::state, "is not a request state", errors);
    LocalDate start = field("from", from, RequestFilterForm::date, "is not a date; use YYYY-MM-DD", errors);
    LocalDate end = field("to", to, RequestFilterForm::date, "is not a date; use YYYY-MM-DD", errors);
    if (start != null && end != null && end.isBefore(start)) {
      errors.put("to", "is before the start date");
    }
    int size = size();
    return new Parsed(errors.isEmpty() ? Optional.of(new RequestSearch(wanted, appName, login, start, end, size))
        : Optional.empty(), Collections.unmodifiableMap(errors), size);
  }

  /** The limit asked for, between 1 and {@link RequestSearch#MAX_LIMIT}; the default when absent or not a number. */
  int size() {
    try {
      return limit == null || limit.isBlank() ? DEFAULT_LIMIT
          : Math.max(1, Math.min(Integer.parseInt(limit.strip()), RequestSearch.MAX_LIMIT));
    } catch (NumberFormatException e) {
      return DEFAULT_LIMIT;
    }
  }

  private static <T> @Nullable T field(String name, @Nullable String text, Function<String, Optional<T>> parser,
      String reason, Map<String, String> errors) {
    if (text == null || text.isBlank()) {
      return null;
    }
    Optional<T> value = parser.apply(text.strip());
    if (value.isEmpty()) {
      errors.put(name, reason);
    }
    return value.orElse(null);
  }

  private static Optional<RequestState> state(String text) {
    try {
      return Optional.of(RequestState.valueOf(text.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_')));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<LocalDate> date(String text) {
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
