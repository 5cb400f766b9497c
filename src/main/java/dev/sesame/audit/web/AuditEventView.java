package dev.sesame.audit.web;

import dev.sesame.audit.AuditEvent;
import dev.sesame.audit.AuditQuery;
import dev.sesame.platform.web.Times;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One audit event as a row: the time, who, what, about what (with a link to the request page for
 * requests) and the details as "key: value" lines.
 */
record AuditEventView(String time, String exact, String actor, String event, String subject, @Nullable String link,
    List<String> details) {

  private static final String REQUEST = "request:";

  static AuditEventView from(AuditEvent e) {
    return new AuditEventView(Times.second(e.at()), Times.exact(e.at()), e.actor(), e.event(), e.subject(),
        link(e.subject()), details(e.details()));
  }

  /** The console page of the subject: only requests have one, and only a well-formed id links. */
  static @Nullable String link(String subject) {
    if (!subject.startsWith(REQUEST)) {
      return null;
    }
    try {
      return "/admin/requests/" + UUID.fromString(subject.substring(REQUEST.length()));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** "key: value" for each detail that has a value, by key; lists are joined with commas. */
  static List<String> details(Map<String, Object> details) {
    return details.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .filter(d -> !value(d.getValue()).isEmpty())
        .map(d -> d.getKey() + ": " + value(d.getValue()))
        .toList();
  }

  private static String value(@Nullable Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Collection<?> list) {
      return String.join(", ", list.stream().map(String::valueOf).toList());
    }
    return String.valueOf(value).strip();
  }

  /** The rows of a search, and whether "show more" may find more and how many it asks for. */
  record Page(List<AuditEventView> rows, boolean more, int nextLimit) {

    static Page from(List<AuditEvent> events, int limit) {
      return new Page(events.stream().map(AuditEventView::from).toList(),
          events.size() >= limit && limit < AuditQuery.MAX_LIMIT, Math.min(limit + AuditFilterForm.DEFAULT_LIMIT, AuditQuery.MAX_LIMIT));
    }
  }
}
