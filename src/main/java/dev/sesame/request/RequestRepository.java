package dev.sesame.request;

import dev.sesame.approval.ApproverSource;
import dev.sesame.approval.BuiltInPolicies;
import dev.sesame.approval.PolicyName;
import dev.sesame.approval.Quorum;
import dev.sesame.approval.Stage;
import dev.sesame.catalog.AppName;
import dev.sesame.catalog.RoleName;
import dev.sesame.directory.PersonId;
import dev.sesame.provisioning.GroupExternalId;
import dev.sesame.provisioning.ProvisioningSystemId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Stores requests (columns for queries and constraints, a document for stages and history) and grants. */
@Repository
class RequestRepository {

  private static final String COLUMNS =
      "id, requester, app_name, role, state, created_at, updated_at, document::text as document";

  private final JdbcClient jdbc;
  private final JsonMapper json;

  RequestRepository(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /**
   * Inserts the request; false when the person already has an open request for the same app and
   * role (the unique index {@code access_request_one_open}). NB. {@code on conflict do nothing}
   * rather than catching the violation: in PostgreSQL a failed statement aborts the whole
   * transaction, so nothing could be read after it. A conflicting insert that is not committed yet
   * is waited for, so afterwards {@link #findOpen} sees the request that won.
   */
  boolean insert(AccessRequest r) {
    return jdbc.sql("""
        insert into access_request (id, requester, app_key, app_name, role, state, created_at, updated_at, document)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) on conflict do nothing
        """)
        .params(r.id().value(), r.requester().value(), r.app().key(), r.app().value(),
            r.role().map(RoleName::value).orElse(null), r.state().name(), Timestamp.from(r.createdAt()),
            Timestamp.from(r.updatedAt()), json.writeValueAsString(Document.of(r)))
        .update() == 1;
  }

  void update(AccessRequest r) {
    jdbc.sql("update access_request set state = ?, updated_at = ?, document = ?::jsonb where id = ?")
        .params(r.state().name(), Timestamp.from(r.updatedAt()), json.writeValueAsString(Document.of(r)), r.id().value())
        .update();
  }

  Optional<AccessRequest> find(RequestId id) {
    return jdbc.sql("select " + COLUMNS + " from access_request where id = ?")
        .param(id.value()).query(this::map).optional();
  }

  /** Reads the request and locks its row until the transaction ends. */
  Optional<AccessRequest> lock(RequestId id) {
    return jdbc.sql("select " + COLUMNS + " from access_request where id = ? for update")
        .param(id.value()).query(this::map).optional();
  }

  Optional<AccessRequest> findOpen(PersonId requester, AppName app, @Nullable RoleName role) {
    return jdbc.sql("select " + COLUMNS + " from access_request where requester = ? and app_key = ?"
            + " and coalesce(role, '') = ? and state in ('PENDING_APPROVAL', 'APPROVED', 'PROVISIONING')")
        .params(requester.value(), app.key(), role == null ? "" : role.value())
        .query(this::map).optional();
  }

  /** The open requests for this app, oldest first, each row locked until the transaction ends. */
  List<AccessRequest> lockOpen(AppName app) {
    return jdbc.sql("select " + COLUMNS + " from access_request where app_key = ?"
            + " and state in ('PENDING_APPROVAL', 'APPROVED', 'PROVISIONING') order by created_at for update")
        .param(app.key()).query(this::map).list();
  }

  List<AccessRequest> byRequester(PersonId requester, int limit) {
    return jdbc.sql("select " + COLUMNS + " from access_request where requester = ? order by created_at desc limit ?")
        .params(requester.value(), limit).query(this::map).list();
  }

  /** The requests waiting for this person's decision now, oldest first. */
  List<AccessRequest> waitingFor(PersonId approver) {
    return jdbc.sql("select " + COLUMNS + " from access_request where state = 'PENDING_APPROVAL'"
            + " and jsonb_exists(document -> 'stages' -> ((document ->> 'currentStage')::int) -> 'approvers', ?)"
            + " order by created_at")
        .params(approver.value()).query(this::map).list();
  }

  /** The requests waiting for approval, the longest untouched first. */
  List<RequestId> waitingIds(int limit) {
    return jdbc.sql("select id from access_request where state = 'PENDING_APPROVAL' order by updated_at limit ?")
        .param(limit).query((rs, n) -> new RequestId(rs.getObject("id", UUID.class))).list();
  }

  /** The requests that match every filter, newest first. */
  List<AccessRequest> search(RequestSearch search) {
    Instant from = search.createdFrom();
    Instant before = search.createdBefore();
    return jdbc.sql("select " + COLUMNS + " from access_request where (?::text is null or state = ?)"
            + " and (?::text is null or app_key = ?) and (?::text is null or requester = ?)"
            + " and (?::timestamptz is null or created_at >= ?) and (?::timestamptz is null or created_at < ?)"
            + " order by created_at desc, id limit ?")
        .params(
            name(search.state()), name(search.state()),
            search.app() == null ? null : search.app().key(), search.app() == null ? null : search.app().key(),
            search.requester() == null ? null : search.requester().value(),
            search.requester() == null ? null : search.requester().value(),
            timestamp(from), timestamp(from), timestamp(before), timestamp(before),
            search.limit())
        .query(this::map).list();
  }

  private static @Nullable String name(@Nullable RequestState state) {
    return state == null ? null : state.name();
  }

  private static @Nullable Timestamp timestamp(@Nullable Instant at) {
    return at == null ? null : Timestamp.from(at);
  }

  /**
   * Records the grant of a fulfilled request, with its planned end; a second call for the same
   * request does nothing. A renewal of a grant that is still active records nothing: the renewed
   * grant's end moves instead (see {@link GrantTerms}); when that grant already ended, the renewal
   * stands as a new grant.
   */
  void insertGrant(AccessRequest r, ProvisioningTarget target, Instant at) {
    jdbc.sql("""
        insert into access_grant (request_id, person, app_key, role, system, external_id, granted_at, ends_at)
        select ?, ?, ?, ?, ?, ?, ?, ?
        where not exists (select 1 from access_grant g where g.id = ? and g.ended_at is null
            and g.end_requested_at is null and g.unmanaged_at is null)
        on conflict (request_id) do nothing
        """)
        .params(r.id().value(), r.requester().value(), r.app().key(), r.role().map(RoleName::value).orElse(null),
            target.system().value(), target.group().value(), Timestamp.from(at),
            r.until().map(Timestamp::from).orElse(null), r.renews().map(GrantId::value).orElse(0L))
        .update();
  }

  private AccessRequest map(ResultSet rs, int row) throws SQLException {
    Document d = json.readValue(rs.getString("document"), Document.class);
    String role = rs.getString("role");
    ProvisioningTarget target = d.system() == null || d.group() == null ? null
        : new ProvisioningTarget(new ProvisioningSystemId(d.system()), new GroupExternalId(d.group()));
    Instant createdAt = rs.getTimestamp("created_at").toInstant();
    return new AccessRequest(
        new RequestId(rs.getObject("id", UUID.class)),
        new PersonId(rs.getString("requester")),
        new AppName(rs.getString("app_name")),
        role == null ? null : new RoleName(role),
        target,
        d.terms() == null ? new PolicyTerms(BuiltInPolicies.DEFAULT, null, null, null, null) : d.terms().terms(),
        d.stages().stream().map(StageDoc::stage).toList(),
        d.decisions().stream().map(x -> new Decision(x.stage(), new PersonId(x.approver()),
            Verdict.valueOf(x.verdict()), x.comment(), x.at(),
            x.onBehalfOf() == null ? null : new PersonId(x.onBehalfOf()), Boolean.TRUE.equals(x.override()))).toList(),
        d.history(),
        createdAt,
        RequestState.valueOf(rs.getString("state")),
        d.currentStage(),
        rs.getTimestamp("updated_at").toInstant(),
        d.stageStartedAt() == null ? createdAt : d.stageStartedAt(),
        d.remindedAt(),
        Boolean.TRUE.equals(d.escalated()))
        .withTerm(d.until(), d.renews() == null ? null : new GrantId(d.renews()));
  }

  /**
   * The JSON form of what a request keeps beyond its columns. NB. Requests stored before policies
   * existed have no terms and stages with only a kind and approvers; they read as the built-in
   * flows they came from.
   */
  record Document(@Nullable String system, @Nullable String group, @Nullable TermsDoc terms, int currentStage,
      List<StageDoc> stages, List<DecisionDoc> decisions, List<HistoryEntry> history, @Nullable Instant stageStartedAt,
      @Nullable Instant remindedAt, @Nullable Boolean escalated, @Nullable Instant until, @Nullable Long renews) {

    static Document of(AccessRequest r) {
      return new Document(
          r.target().map(t -> t.system().value()).orElse(null),
          r.target().map(t -> t.group().value()).orElse(null),
          TermsDoc.of(r.terms()),
          r.currentStage(),
          r.stages().stream().map(StageDoc::of).toList(),
          r.decisions().stream().map(d -> new DecisionDoc(d.stage(), d.approver().value(), d.verdict().name(),
              d.comment(), d.at(), d.delegatedBy().map(PersonId::value).orElse(null), d.override())).toList(),
          r.history(),
          r.stageStartedAt(),
          r.remindedAt().orElse(null),
          r.escalated(),
          r.until().orElse(null),
          r.renews().map(GrantId::value).orElse(null));
    }
  }

  record TermsDoc(String policy, @Nullable List<String> fallback, @Nullable String remindEvery,
      @Nullable String escalateAfter, @Nullable String expireAfter) {

    static TermsDoc of(PolicyTerms t) {
      return new TermsDoc(t.policy().value(),
          t.fallback() == null ? null : t.fallback().stream().map(ApproverSource::token).toList(),
          t.reminders().map(Duration::toString).orElse(null), t.escalation().map(Duration::toString).orElse(null),
          t.expiry().map(Duration::toString).orElse(null));
    }

    PolicyTerms terms() {
      return new PolicyTerms(new PolicyName(policy),
          fallback == null ? null : fallback.stream().map(ApproverSource::parse).toList(),
          remindEvery == null ? null : Duration.parse(remindEvery),
          escalateAfter == null ? null : Duration.parse(escalateAfter),
          expireAfter == null ? null : Duration.parse(expireAfter));
    }
  }

  record StageDoc(@Nullable String kind, List<String> approvers, @Nullable String name, @Nullable List<String> sources,
      @Nullable String quorum, @Nullable Integer required, @Nullable String fallback) {

    static StageDoc of(Stage s) {
      return new StageDoc(null, s.approvers().stream().map(PersonId::value).sorted().toList(), s.name(),
          s.sources().stream().map(ApproverSource::token).toList(), s.quorum().token(), s.required(), s.fallback());
    }

    Stage stage() {
      Set<PersonId> people = approvers.stream().map(PersonId::new).collect(Collectors.toSet());
      if (name == null) {
        // A stage stored before policies: MANAGER, APP_ADMIN or FALLBACK.
        String k = kind == null ? "FALLBACK" : kind;
        return switch (k) {
          case "MANAGER" -> new Stage("Manager", List.of(new ApproverSource.Manager()), Quorum.ANY, people, 1, "");
          case "APP_ADMIN" -> new Stage("App admin", List.of(new ApproverSource.AppAdmins()), Quorum.ANY, people, 1, "");
          default -> new Stage("Catalog admins", List.of(), Quorum.ANY, people, 1,
              "the usual approvers were missing");
        };
      }
      return new Stage(name, sources == null ? List.of() : sources.stream().map(ApproverSource::parse).toList(),
          quorum == null ? Quorum.ANY : Quorum.parse(quorum), people, required == null ? 1 : required,
          fallback == null ? "" : fallback);
    }
  }

  record DecisionDoc(int stage, String approver, String verdict, String comment, Instant at,
      @Nullable String onBehalfOf, @Nullable Boolean override) {}
}
