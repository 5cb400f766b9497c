package dev.sesame.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads the audit trail, newest first. */
@Component
public class AuditLog {

  private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonMapper json;

  AuditLog(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /**
   * The events that match every given filter, newest first.
   *
   * @param subject e.g. {@code request:…} or {@code app:figma}; empty for any
   * @param actor a login; empty for any
   * @param event an event id; empty for any
   * @param limit at most this many (capped at 1000)
   */
  public List<AuditEvent> search(String subject, String actor, String event, int limit) {
    StringBuilder sql = new StringBuilder("select id, at, actor, event, subject, details::text as details from audit_event where true");
    List<Object> params = new ArrayList<>();
    if (!subject.isBlank()) {
      sql.append(" and subject = ?");
      params.add(subject.strip());
    }
    if (!actor.isBlank()) {
      sql.append(" and actor = ?");
      params.add(actor.strip().toLowerCase(java.util.Locale.ROOT));
    }
    if (!event.isBlank()) {
      sql.append(" and event = ?");
      params.add(event.strip());
    }
    sql.append(" order by id desc limit ?");
    params.add(Math.max(1, Math.min(limit, 1000)));
    return jdbc.sql(sql.toString()).params(params).query((rs, n) -> new AuditEvent(
        rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
        rs.getString("event"), rs.getString("subject"),
        json.readValue(rs.getString("details"), DETAILS))).list();
  }
}
