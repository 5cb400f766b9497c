package dev.sesame.audit;

import java.util.Locale;

/**
 * What to look for in the audit log; blank filters match everything.
 *
 * @param subject exactly this subject, e.g. {@code request:…} or {@code app:figma}
 * @param actor exactly this login
 * @param event exactly this event id, see {@link AuditTrail#EVENTS}
 * @param text words that the details contain, ignoring case; {@code %} and {@code _} match literally
 * @param limit at most this many events, between 1 and {@link #MAX_LIMIT}
 */
public record AuditQuery(String subject, String actor, String event, String text, int limit) {

  /** The most events one search returns. */
  public static final int MAX_LIMIT = 1000;

  public AuditQuery {
    subject = subject.strip();
    actor = actor.strip().toLowerCase(Locale.ROOT);
    event = event.strip();
    text = text.strip();
    limit = Math.max(1, Math.min(limit, MAX_LIMIT));
  }

  /** Every event about one subject (the newest {@link #MAX_LIMIT}). */
  public static AuditQuery about(String subject) {
    return new AuditQuery(subject, "", "", "", MAX_LIMIT);
  }
}
