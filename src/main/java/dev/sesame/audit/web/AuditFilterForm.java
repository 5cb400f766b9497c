package dev.sesame.audit.web;

import dev.sesame.audit.AuditQuery;
import org.jspecify.annotations.Nullable;

/** The audit page's filters as typed; blank fields filter nothing. */
record AuditFilterForm(@Nullable String subject, @Nullable String actor, @Nullable String event,
    @Nullable String q, @Nullable String limit) {

  /** How many events the page shows at first, and how many more "show more" adds. */
  static final int DEFAULT_LIMIT = 100;

  AuditQuery query() {
    return new AuditQuery(text(subject), text(actor), text(event), text(q), size());
  }

  /** The limit asked for, within the query's bounds; the default when absent or not a number. */
  int size() {
    try {
      return limit == null || limit.isBlank() ? DEFAULT_LIMIT
          : Math.max(1, Math.min(Integer.parseInt(limit.strip()), AuditQuery.MAX_LIMIT));
    } catch (NumberFormatException e) {
      return DEFAULT_LIMIT;
    }
  }

  private static String text(@Nullable String value) {
    return value == null ? "" : value;
  }
}
