package dev.sesame.audit;

import dev.sesame.common.Like;
import dev.sesame.directory.CatalogAdmins;
import dev.sesame.directory.PersonId;
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
  private final CatalogAdmins admins;

  AuditLog(JdbcClient jdbc, JsonMapper json, CatalogAdmins admins) {
    this.jdbc = jdbc;
    this.json = json;
    this.admins = admins;
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
    return search(new AuditQuery(subject, actor, event, "", limit));
  }

  /** For catalog admins: the events that match every filter of the query, newest first. */
  public List<AuditEvent> search(PersonId viewer, AuditQuery query) {
    admins.require(viewer);
    return search(query);
  }

  /** The events that match every filter of the query, newest first. */
  public List<AuditEvent> search(AuditQuery query) {
    StringBuilder sql = new StringBuilder("select id, at, actor, event, subject, details::text as details from audit_event where true");
    List<Object> params = new ArrayList<>();
    if (!query.subject().isEmpty()) {
      sql.append(" and subject = ?");
      params.add(query.subject());
    }
    if (!query.actor().isEmpty()) {
      sql.append(" and actor = ?");
      params.add(query.actor());
    }
    if (!query.event().isEmpty()) {
      sql.append(" and event = ?");
      params.add(query.event());
    }
    if (!query.text().isEmpty()) {
      sql.append(" and details::text ilike ? escape '\\'");
      params.add(Like.containing(query.text()));
    }
    sql.append(" order by id desc limit ?");
    params.add(query.limit());
    return jdbc.sql(sql.toString()).params(params).query((rs, n) -> new AuditEvent(
        rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
        rs.getString("event"), rs.getString("subject"),
        json.readValue(rs.getString("details"), DETAILS))).list();
  }
}
