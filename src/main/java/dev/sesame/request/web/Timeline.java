package dev.sesame.request.web;

import dev.sesame.audit.AuditEvent;
import dev.sesame.audit.AuditTrail;
import dev.sesame.platform.web.Times;
import dev.sesame.request.HistoryEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A request's story in readable lines: the audit log's events, oldest first, merged with the
 * request's own history. A history entry that an audit event already tells (the same actor within
 * a few seconds) is left out, so each step reads once.
 */
final class Timeline {

  /** How far apart an audit event and the history entry of the same change can be. */
  static final Duration SAME_CHANGE = Duration.ofSeconds(5);

  private static final String SESAME = "sesame";

  private Timeline() {}

  /**
   * One line: {@code day} is set on the first line of each day, else empty.
   *
   * @param source {@code audit} or {@code history}
   */
  record Line(Instant at, String day, String time, String exact, String text, String source) {}

  /** The merged lines, oldest first. */
  static List<Line> of(List<AuditEvent> events, List<HistoryEntry> history) {
    List<Line> lines = new ArrayList<>();
    events.forEach(e -> lines.add(line(e.at(), sentence(e), "audit")));
    history.stream().filter(h -> !told(h, events))
        .forEach(h -> lines.add(line(h.at(), h.actor().equals(SESAME) ? h.text() : h.actor() + " " + h.text(), "history")));
    lines.sort(Comparator.comparing(Line::at).thenComparing(Line::source));
    List<Line> out = new ArrayList<>();
    String day = "";
    for (Line l : lines) {
      String today = Times.day(l.at());
      out.add(new Line(l.at(), today.equals(day) ? "" : today, l.time(), l.exact(), l.text(), l.source()));
      day = today;
    }
    return out;
  }

  /** What one audit event says, e.g. "alex.kim submitted the request (approvers: priya.nair)". */
  static String sentence(AuditEvent e) {
    Map<String, Object> d = e.details();
    return switch (e.event()) {
      case AuditTrail.REQUEST_SUBMITTED -> e.actor() + " submitted the request" + approvers(d.get("approvers"));
      case AuditTrail.DECISION_RECORDED -> ("automatic".equals(d.get("kind")) ? "approved automatically"
          : e.actor() + " " + text(d, "verdict")
              + ("override".equals(d.get("kind")) ? " as an admin override" : "")
              + (text(d, "onBehalfOf").isEmpty() ? "" : " on behalf of " + text(d, "onBehalfOf"))
              + (d.get("stage") == null ? "" : " (stage " + d.get("stage") + ")"))
          + suffix(text(d, "comment"));
      case AuditTrail.REQUEST_CANCELLED -> e.actor() + " cancelled the request";
      case AuditTrail.DECISION_REFUSED -> e.actor() + " was refused: " + text(d, "reason");
      case AuditTrail.REQUEST_REASSIGNED -> "approvers changed" + suffix(text(d, "reason"));
      case AuditTrail.APPROVERS_REMINDED -> "approvers reminded" + approvers(d.get("approvers"));
      case AuditTrail.REQUEST_EXPIRED -> "expired" + suffix(text(d, "reason"));
      case AuditTrail.REQUEST_CLOSED -> "closed by Sesame" + suffix(text(d, "reason"));
      case AuditTrail.PROVISIONING -> step(text(d, "step"), text(d, "system"), text(d, "group"), text(d, "message"));
      case AuditTrail.GRANT_PROVISIONED -> "grant provisioned";
      case AuditTrail.NEEDS_ATTENTION -> "needs attention" + suffix(text(d, "reason"));
      case AuditTrail.GRANT_END_REQUESTED -> e.actor() + " asked to end the access" + suffix(text(d, "reason"));
      case AuditTrail.GRANT_ENDED -> "access ended, confirmed by " + text(d, "system");
      case AuditTrail.GRANT_END_FAILED -> "removing the access failed; IT was told" + suffix(text(d, "error"));
      case AuditTrail.GRANT_UNMANAGED -> e.actor() + " kept the access, no longer managed by Sesame"
          + suffix(text(d, "reason"));
      case AuditTrail.GRANT_RENEWED -> "access renewed until " + text(d, "to");
      case AuditTrail.JOB_GAVE_UP -> "provisioning gave up after " + d.get("attempts") + " attempts and went to"
          + " Failed Jobs" + suffix(text(d, "error"));
      case AuditTrail.JOB_RETRIED -> e.actor() + " retried the failed provisioning";
      case AuditTrail.JOB_ABANDONED -> e.actor() + " gave up the provisioning" + suffix(text(d, "note"));
      default -> e.actor() + " " + e.event();
    };
  }

  private static String step(String step, String system, String group, String message) {
    return switch (step) {
      case "started" -> "provisioning started in " + system;
      case "applied" -> "added to " + group + " in " + system;
      case "already-member" -> "already a member of " + group + " in " + system;
      case "retry" -> "provisioning in " + system + " failed, will retry" + suffix(message);
      case "rejected" -> system + " refused the change" + suffix(message);
      case "removed" -> "removed from " + group + " in " + system;
      case "already-removed" -> "already removed from " + group + " in " + system;
      case "remove-failed" -> "removing from " + group + " in " + system + " failed, will retry" + suffix(message);
      case "remove-retry" -> system + " asked to retry the removal later" + suffix(message);
      case "remove-not-confirmed" -> system + " still shows the membership, will check again";
      default -> "provisioning " + step + " in " + system + suffix(message);
    };
  }

  private static String approvers(Object approvers) {
    if (approvers instanceof Collection<?> list && !list.isEmpty()) {
      return " (approvers: " + String.join(", ", list.stream().map(String::valueOf).toList()) + ")";
    }
    return " (no approval needed)";
  }

  private static boolean told(HistoryEntry h, List<AuditEvent> events) {
    return events.stream().anyMatch(e -> e.actor().equals(h.actor())
        && Duration.between(e.at(), h.at()).abs().compareTo(SAME_CHANGE) <= 0);
  }

  private static Line line(Instant at, String text, String source) {
    return new Line(at, "", Times.time(at), Times.exact(at), text, source);
  }

  private static String text(Map<String, Object> details, String key) {
    Object value = details.get(key);
    return value == null ? "" : String.valueOf(value).strip();
  }

  private static String suffix(String text) {
    return text.isEmpty() ? "" : ": " + text;
  }
}
