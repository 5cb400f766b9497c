package dev.sesame.approval;

import dev.sesame.directory.PersonId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Stores the policies admins write, and every version of them. */
@Repository
class PolicyRepository {

  private static final String COLUMNS = "document::text as document, version, changed_at, changed_by, change_description";

  private final JdbcClient jdbc;
  private final JsonMapper json;

  PolicyRepository(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  Optional<StoredPolicy> find(PolicyName name) {
    return jdbc.sql("select " + COLUMNS + " from approval_policy where policy_key = ?")
        .param(name.key()).query(this::map).optional();
  }

  Optional<StoredPolicy> lock(PolicyName name) {
    return jdbc.sql("select " + COLUMNS + " from approval_policy where policy_key = ? for update")
        .param(name.key()).query(this::map).optional();
  }

  List<StoredPolicy> all() {
    return jdbc.sql("select " + COLUMNS + " from approval_policy order by lower(name)").query(this::map).list();
  }

  List<StoredPolicy> history(PolicyName name) {
    return jdbc.sql("select " + COLUMNS + " from approval_policy_version where policy_key = ? order by version desc")
        .param(name.key()).query(this::map).list();
  }

  /** Writes a new version; a new policy whose name is taken fails with a DuplicateKeyException. */
  void save(StoredPolicy p) {
    String document = json.writeValueAsString(Document.of(p.policy()));
    Timestamp at = Timestamp.from(p.changedAt());
    if (p.version() == 1) {
      jdbc.sql("insert into approval_policy (policy_key, name, version, document, changed_at, changed_by,"
              + " change_description) values (?, ?, 1, ?::jsonb, ?, ?, ?)")
          .params(p.policy().name().key(), p.policy().name().value(), document, at, p.changedBy().value(),
              p.description())
          .update();
    } else {
      jdbc.sql("update approval_policy set name = ?, version = ?, document = ?::jsonb, changed_at = ?, changed_by = ?,"
              + " change_description = ? where policy_key = ?")
          .params(p.policy().name().value(), p.version(), document, at, p.changedBy().value(), p.description(),
              p.policy().name().key())
          .update();
    }
    jdbc.sql("insert into approval_policy_version (policy_key, version, document, changed_at, changed_by,"
            + " change_description) values (?, ?, ?::jsonb, ?, ?, ?)")
        .params(p.policy().name().key(), p.version(), document, at, p.changedBy().value(), p.description())
        .update();
  }

  private StoredPolicy map(ResultSet rs, int row) throws SQLException {
    return new StoredPolicy(json.readValue(rs.getString("document"), Document.class).policy(),
        rs.getInt("version"), rs.getString("change_description"), rs.getTimestamp("changed_at").toInstant(),
        new PersonId(rs.getString("changed_by")));
  }

  /** The stored JSON form of a policy: sources and quorums as their tokens, durations in ISO-8601. */
  record Document(String name, String description, List<StageDoc> stages, @Nullable List<String> fallback,
      @Nullable String remindEvery, @Nullable String escalateAfter, @Nullable String expireAfter) {

    static Document of(ApprovalPolicy p) {
      return new Document(p.name().value(), p.description(),
          p.stages().stream().map(s -> new StageDoc(s.name(), s.when(),
              s.approvers().stream().map(ApproverSource::token).toList(), s.quorum().token())).toList(),
          p.fallback() == null ? null : p.fallback().stream().map(ApproverSource::token).toList(),
          text(p.remindEvery()), text(p.escalateAfter()), text(p.expireAfter()));
    }

    ApprovalPolicy policy() {
      return new ApprovalPolicy(new PolicyName(name), description,
          stages.stream().map(s -> new StageRule(s.name(), s.when(),
              s.approvers().stream().map(ApproverSource::parse).toList(), Quorum.parse(s.quorum()))).toList(),
          fallback == null ? null : fallback.stream().map(ApproverSource::parse).toList(),
          duration(remindEvery), duration(escalateAfter), duration(expireAfter));
    }

    private static @Nullable String text(@Nullable Duration d) {
      return d == null ? null : d.toString();
    }

    private static @Nullable Duration duration(@Nullable String text) {
      return text == null ? null : Duration.parse(text);
    }
  }

  record StageDoc(String name, String when, List<String> approvers, String quorum) {}
}
