package dev.sesame.approval;

import dev.sesame.directory.PersonId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores delegations; a revoked one is kept, marked, for the audit's sake. */
@Repository
class DelegationRepository {

  private static final String COLUMNS = "id, approver, delegate, starts_at, ends_at, created_at, created_by";

  private final JdbcClient jdbc;

  DelegationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(PersonId approver, PersonId delegate, Instant from, Instant until, Instant at, PersonId by) {
    return jdbc.sql("insert into approval_delegation (approver, delegate, starts_at, ends_at, created_at, created_by)"
            + " values (?, ?, ?, ?, ?, ?) returning id")
        .params(approver.value(), delegate.value(), Timestamp.from(from), Timestamp.from(until), Timestamp.from(at),
            by.value())
        .query(Long.class).single();
  }

  /** Ends a delegation now; false when it was not the approver's or already ended. */
  boolean revoke(long id, PersonId approver, Instant at) {
    return jdbc.sql("update approval_delegation set revoked_at = ?, ends_at = least(ends_at, ?)"
            + " where id = ? and approver = ? and revoked_at is null and ends_at > ?")
        .params(Timestamp.from(at), Timestamp.from(at), id, approver.value(), Timestamp.from(at))
        .update() == 1;
  }

  /** The delegations of this approver that have not ended. */
  List<Delegation> byApprover(PersonId approver, Instant now) {
    return jdbc.sql("select " + COLUMNS + " from approval_delegation where approver = ? and revoked_at is null"
            + " and ends_at > ? order by starts_at")
        .params(approver.value(), Timestamp.from(now)).query(this::map).list();
  }

  /** The delegations that let this person decide now. */
  List<Delegation> activeFor(PersonId delegate, Instant now) {
    return jdbc.sql("select " + COLUMNS + " from approval_delegation where delegate = ? and revoked_at is null"
            + " and starts_at <= ? and ends_at > ? order by approver")
        .params(delegate.value(), Timestamp.from(now), Timestamp.from(now)).query(this::map).list();
  }

  private Delegation map(ResultSet rs, int row) throws SQLException {
    return new Delegation(rs.getLong("id"), new PersonId(rs.getString("approver")),
        new PersonId(rs.getString("delegate")), rs.getTimestamp("starts_at").toInstant(),
        rs.getTimestamp("ends_at").toInstant(), rs.getTimestamp("created_at").toInstant(),
        new PersonId(rs.getString("created_by")));
  }
}
