package dev.sesame.request;

import dev.sesame.catalog.AppName;
import dev.sesame.catalog.RoleName;
import dev.sesame.directory.PersonId;
import dev.sesame.provisioning.GroupExternalId;
import dev.sesame.provisioning.ProvisioningSystemId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads grants and records how they end (the grant itself is inserted by {@link RequestRepository}). */
@Repository
class GrantRepository {

  private static final String COLUMNS = "id, request_id, person, app_key, role, system, external_id, granted_at,"
      + " ends_at, end_requested_at, end_requested_by, end_reason, end_error, ended_at, ended_by,"
      + " unmanaged_at, unmanaged_by";

  /** Neither ended nor unmanaged: the person holds the access (it may be ending). */
  private static final String HELD = "ended_at is null and unmanaged_at is null";

  private final JdbcClient jdbc;

  GrantRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Grant> find(GrantId id) {
    return jdbc.sql("select " + COLUMNS + " from access_grant where id = ?").param(id.value())
        .query(GrantRepository::map).optional();
  }

  /** Reads the grant and locks its row until the transaction ends. */
  Optional<Grant> lock(GrantId id) {
    return jdbc.sql("select " + COLUMNS + " from access_grant where id = ? for update").param(id.value())
        .query(GrantRepository::map).optional();
  }

  Optional<Grant> byRequest(RequestId request) {
    return jdbc.sql("select " + COLUMNS + " from access_grant where request_id = ?").param(request.value())
        .query(GrantRepository::map).optional();
  }

  /** The person's grants, current and ended, newest first. */
  List<Grant> of(PersonId person) {
    return jdbc.sql("select " + COLUMNS + " from access_grant where person = ? order by granted_at desc, id desc")
        .param(person.value()).query(GrantRepository::map).list();
  }

  /** The grants the person holds (active or ending) for the app and role (null = no role). */
  List<Grant> held(PersonId person, AppName app, @Nullable RoleName role) {
    return jdbc.sql("select " + COLUMNS + " from access_grant where person = ? and app_key = ?"
            + " and coalesce(role, '') = ? and " + HELD + " order by granted_at, id")
        .params(person.value(), app.key(), role == null ? "" : role.value())
        .query(GrantRepository::map).list();
  }

  /** The grants people hold (active or ending) for the app, and for the role when it is given. */
  List<Grant> held(AppName app, @Nullable RoleName role) {
    return jdbc.sql("select " + COLUMNS + " from access_grant where app_key = ?"
            + " and (?::text is null or role = ?) and " + HELD + " order by granted_at, id")
        .params(app.key(), role == null ? null : role.value(), role == null ? null : role.value())
        .query(GrantRepository::map).list();
  }

  /** Every grant of the app, newest first (for the console). */
  List<Grant> ofApp(AppName app, int limit) {
    return jdbc.sql("select " + COLUMNS + " from access_grant where app_key = ? order by granted_at desc, id desc"
            + " limit ?")
        .params(app.key(), limit).query(GrantRepository::map).list();
  }

  /** Active grants whose planned end has come. */
  List<GrantId> due(Instant now, int limit) {
    return jdbc.sql("select id from access_grant where ends_at <= ? and end_requested_at is null and " + HELD
            + " order by ends_at limit ?")
        .params(Timestamp.from(now), limit).query((rs, n) -> new GrantId(rs.getLong("id"))).list();
  }

  /** Active grants ending before {@code before} whose holder was not reminded yet. */
  List<Grant> toRemind(Instant before, int limit) {
    return jdbc.sql("select " + COLUMNS + " from access_grant where ends_at <= ? and end_reminded_at is null"
            + " and end_requested_at is null and " + HELD + " order by ends_at limit ?")
        .params(Timestamp.from(before), limit).query(GrantRepository::map).list();
  }

  void markEnding(GrantId id, Instant at, String actor, String reason) {
    jdbc.sql("update access_grant set end_requested_at = ?, end_requested_by = ?, end_reason = ?, end_error = null"
            + " where id = ?")
        .params(Timestamp.from(at), actor, reason, id.value()).update();
  }

  void markEnded(GrantId id, Instant at, String actor) {
    jdbc.sql("update access_grant set ended_at = ?, ended_by = ?, end_error = null where id = ?")
        .params(Timestamp.from(at), actor, id.value()).update();
  }

  void recordEndError(GrantId id, String error) {
    jdbc.sql("update access_grant set end_error = ? where id = ?").params(error, id.value()).update();
  }

  void markUnmanaged(GrantId id, Instant at, String actor, String reason) {
    jdbc.sql("update access_grant set unmanaged_at = ?, unmanaged_by = ?, unmanaged_reason = ? where id = ?")
        .params(Timestamp.from(at), actor, reason, id.value()).update();
  }

  /** Moves the planned end (a renewal) and forgets the reminder, so the next end is reminded again. */
  void moveEnd(GrantId id, @Nullable Instant endsAt) {
    jdbc.sql("update access_grant set ends_at = ?, end_reminded_at = null where id = ?")
        .params(endsAt == null ? null : Timestamp.from(endsAt), id.value()).update();
  }

  void setEnd(RequestId request, Instant endsAt) {
    jdbc.sql("update access_grant set ends_at = ? where request_id = ?")
        .params(Timestamp.from(endsAt), request.value()).update();
  }

  void markReminded(GrantId id, Instant at) {
    jdbc.sql("update access_grant set end_reminded_at = ? where id = ?").params(Timestamp.from(at), id.value())
        .update();
  }

  private static Grant map(ResultSet rs, int row) throws SQLException {
    return new Grant(
        new GrantId(rs.getLong("id")),
        new RequestId(rs.getObject("request_id", UUID.class)),
        new PersonId(rs.getString("person")),
        rs.getString("app_key"),
        rs.getString("role"),
        new ProvisioningTarget(new ProvisioningSystemId(rs.getString("system")),
            new GroupExternalId(rs.getString("external_id"))),
        rs.getTimestamp("granted_at").toInstant(),
        instant(rs, "ends_at"),
        instant(rs, "end_requested_at"),
        rs.getString("end_requested_by"),
        rs.getString("end_reason"),
        rs.getString("end_error"),
        instant(rs, "ended_at"),
        rs.getString("ended_by"),
        instant(rs, "unmanaged_at"),
        rs.getString("unmanaged_by"));
  }

  private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
