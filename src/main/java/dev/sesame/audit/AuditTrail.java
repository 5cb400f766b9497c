package dev.sesame.audit;

import dev.sesame.common.Texts;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records auditable events, one method per kind, in the caller's transaction: an event exists
 * exactly when the change it describes was committed. Event ids are stable; never rename one.
 */
@Component
public class AuditTrail {

  /** An app was created, changed, archived or imported. */
  public static final String CATALOG_CHANGED = "catalog.changed";
  /** An approval policy was created or changed. */
  public static final String POLICY_CHANGED = "approval-policy.changed";
  /** An approver named someone to decide in their place for a while, or took it back. */
  public static final String DELEGATION_CHANGED = "approval-delegation.changed";
  /** A waiting request's approvers changed (the directory changed, or the request was escalated). */
  public static final String REQUEST_REASSIGNED = "request.reassigned";
  /** Approvers were reminded of a waiting request. */
  public static final String APPROVERS_REMINDED = "request.reminded";
  /** Someone tried to decide a request they may not decide. */
  public static final String DECISION_REFUSED = "request.decision-refused";
  /** Nobody decided in time. */
  public static final String REQUEST_EXPIRED = "request.expired";
  /** A provisioning system was created or changed. */
  public static final String SYSTEM_CHANGED = "provisioning-system.changed";
  /** Someone asked for an app. */
  public static final String REQUEST_SUBMITTED = "request.submitted";
  /** An approver (or an automatic rule) decided. */
  public static final String DECISION_RECORDED = "request.decided";
  /** The requester withdrew the request. */
  public static final String REQUEST_CANCELLED = "request.cancelled";
  /** A provisioning attempt started, succeeded or failed. */
  public static final String PROVISIONING = "provisioning.step";
  /** Access was confirmed by the identity system and recorded as a grant. */
  public static final String GRANT_PROVISIONED = "grant.provisioned";
  /** A request could not be carried out and needs a person. */
  public static final String NEEDS_ATTENTION = "request.needs-attention";
  /** Sesame closed an open request because what it depended on went away. */
  public static final String REQUEST_CLOSED = "request.closed";
  /** An admin deleted a role that people hold and chose what happens to their access. */
  public static final String HELD_ACCESS_DECIDED = "catalog.held-access";
  /** Someone was refused by an access rule. */
  public static final String ACCESS_RULE_REFUSED = "access-rule.refused";
  /** Someone asked for a grant to end (a person, an admin, or Sesame at its planned end). */
  public static final String GRANT_END_REQUESTED = "grant.end-requested";
  /** The identity system confirmed that an ended grant's membership is gone. */
  public static final String GRANT_ENDED = "grant.ended";
  /** Removing a grant's membership failed too often; it stays ending and admins were alerted. */
  public static final String GRANT_END_FAILED = "grant.end-failed";
  /** A grant was kept in place but is no longer managed by Sesame. */
  public static final String GRANT_UNMANAGED = "grant.unmanaged";
  /** A grant's planned end moved (a renewal was fulfilled). */
  public static final String GRANT_RENEWED = "grant.renewed";
  /** A durable job failed too often and went to the dead-letter list. */
  public static final String JOB_GAVE_UP = "job.gave-up";
  /** An admin ran a dead job again. */
  public static final String JOB_RETRIED = "job.retried";
  /** An admin gave a dead job up for good, with a note. */
  public static final String JOB_ABANDONED = "job.given-up";

  /** Every event id, in the order of a request's life (catalog events first). */
  public static final List<String> EVENTS = List.of(CATALOG_CHANGED, HELD_ACCESS_DECIDED, POLICY_CHANGED, SYSTEM_CHANGED, ACCESS_RULE_REFUSED,
      DELEGATION_CHANGED, REQUEST_SUBMITTED, REQUEST_REASSIGNED, APPROVERS_REMINDED, DECISION_RECORDED, DECISION_REFUSED, REQUEST_EXPIRED, REQUEST_CANCELLED, REQUEST_CLOSED, PROVISIONING, GRANT_PROVISIONED, NEEDS_ATTENTION,
      GRANT_RENEWED, GRANT_END_REQUESTED, GRANT_ENDED, GRANT_END_FAILED, GRANT_UNMANAGED,
      JOB_GAVE_UP, JOB_RETRIED, JOB_ABANDONED);

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final Clock clock;

  AuditTrail(JdbcClient jdbc, JsonMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  /** An app changed: {@code change} is created, updated, archived or imported. */
  public void catalogChanged(String actor, String app, String change, int version, String description) {
    record(actor, CATALOG_CHANGED, "app:" + app, fields(
        "change", change, "version", version, "description", description));
  }

  /**
   * A provisioning system changed: {@code change} is created or updated. Only the names of the
   * secrets that were entered are recorded, never their values.
   */
  public void systemChanged(String actor, String system, String change, int version, String kind,
      Map<String, String> settings, Set<String> secretsChanged, boolean followsDirectory) {
    record(actor, SYSTEM_CHANGED, "system:" + system, fields(
        "change", change, "version", version, "kind", kind, "settings", settings,
        "secretsChanged", List.copyOf(secretsChanged), "followsDirectory", followsDirectory));
  }

  /** A policy changed: {@code change} is created or updated. */
  public void policyChanged(String actor, String policy, String change, int version, String description) {
    record(actor, POLICY_CHANGED, "policy:" + policy, fields(
        "change", change, "version", version, "description", description));
  }

  /** {@code approver} lets {@code delegate} decide in their place from {@code from} to {@code until}, or no longer. */
  public void delegationChanged(String actor, String approver, String delegate, String change, String from,
      String until) {
    record(actor, DELEGATION_CHANGED, "person:" + approver, fields(
        "delegate", delegate, "change", change, "from", from, "until", until));
  }

  /** The approvers of a waiting request's stage changed, and why. */
  public void requestReassigned(String actor, String request, int stage, List<String> removed, List<String> added,
      String reason) {
    record(actor, REQUEST_REASSIGNED, "request:" + request, fields(
        "stage", stage, "removed", removed, "added", added, "reason", reason));
  }

  /** The approvers who have not decided were reminded. */
  public void approversReminded(String request, List<String> approvers) {
    record("sesame", APPROVERS_REMINDED, "request:" + request, fields("approvers", approvers));
  }

  /** {@code actor} tried to decide {@code verdict} and was refused for {@code reason}. */
  public void decisionRefused(String actor, String request, String verdict, String reason) {
    record(actor, DECISION_REFUSED, "request:" + request, fields("verdict", verdict, "reason", reason));
  }

  /** Nobody decided in time and the request expired. */
  public void requestExpired(String request, String reason) {
    record("sesame", REQUEST_EXPIRED, "request:" + request, fields("reason", reason));
  }

  /** A request was submitted, with its app, role and the approvers of its first stage. */
  public void requestSubmitted(String actor, String request, String app, String role, List<String> approvers) {
    record(actor, REQUEST_SUBMITTED, "request:" + request, fields(
        "app", app, "role", role, "approvers", approvers));
  }

  /** A decision on a request: {@code kind} is person or automatic, {@code verdict} approved or denied. */
  public void decisionRecorded(String actor, String request, String verdict, String kind, String comment) {
    record(actor, DECISION_RECORDED, "request:" + request, fields(
        "verdict", verdict, "kind", kind, "comment", comment));
  }

  /**
   * A decision on one stage: {@code kind} is person, delegate (deciding {@code onBehalfOf} an
   * approver), override (a catalog admin, with the reason as comment) or automatic (the rule that
   * decided as comment).
   */
  public void decisionRecorded(String actor, String request, String verdict, String kind, String comment,
      String onBehalfOf, int stage) {
    record(actor, DECISION_RECORDED, "request:" + request, fields(
        "verdict", verdict, "kind", kind, "comment", comment, "onBehalfOf", onBehalfOf, "stage", stage));
  }

  /** The requester cancelled the request. */
  public void requestCancelled(String actor, String request) {
    record(actor, REQUEST_CANCELLED, "request:" + request, fields());
  }

  /** A provisioning step: {@code step} is started, applied, already-member, retry or rejected. */
  public void provisioningStep(String request, String system, String group, String step, String message) {
    record("sesame", PROVISIONING, "request:" + request, fields(
        "system", system, "group", group, "step", step, "message", message));
  }

  /** The identity system confirmed the membership. */
  public void grantProvisioned(String request, String person, String system, String group) {
    record("sesame", GRANT_PROVISIONED, "request:" + request, fields(
        "person", person, "system", system, "group", group));
  }

  /** A request needs a person to look at it. */
  public void needsAttention(String request, String reason) {
    record("sesame", NEEDS_ATTENTION, "request:" + request, fields("reason", reason));
  }

  /** Sesame closed a request; {@code actor} is who made the change that caused it. */
  public void requestClosed(String actor, String request, String reason) {
    record(actor, REQUEST_CLOSED, "request:" + request, fields("reason", reason));
  }

  /**
   * An admin deleted a role of an app that {@code holders} people hold, and chose {@code choice}
   * ({@code remove} or {@code keep}) for their access.
   */
  public void heldAccessDecided(String actor, String app, String role, int holders, String choice) {
    record(actor, HELD_ACCESS_DECIDED, "app:" + app, fields("role", role, "holders", holders, "choice", choice));
  }

  /** An access rule refused someone. */
  public void accessRuleRefused(String actor, String app, String rule) {
    record(actor, ACCESS_RULE_REFUSED, "app:" + app, fields("rule", rule));
  }

  /** {@code actor} asked for grant {@code grant} (of request {@code request}) to end. */
  public void grantEndRequested(String actor, String request, long grant, String person, String reason) {
    record(actor, GRANT_END_REQUESTED, "request:" + request, fields("grant", grant, "person", person, "reason", reason));
  }

  /** The identity system confirmed the removal; {@code how} is removed or already-removed. */
  public void grantEnded(String request, long grant, String person, String system, String group, String how) {
    record("sesame", GRANT_ENDED, "request:" + request, fields(
        "grant", grant, "person", person, "system", system, "group", group, "how", how));
  }

  /** Removing the membership failed for good; the grant stays ending. */
  public void grantEndFailed(String request, long grant, String person, String error) {
    record("sesame", GRANT_END_FAILED, "request:" + request, fields("grant", grant, "person", person, "error", error));
  }

  /** {@code actor} kept the grant's membership but Sesame no longer manages it. */
  public void grantUnmanaged(String actor, String request, long grant, String person, String reason) {
    record(actor, GRANT_UNMANAGED, "request:" + request, fields("grant", grant, "person", person, "reason", reason));
  }

  /** A renewal ({@code renewal} request) moved the grant's planned end from {@code from} to {@code to}. */
  public void grantRenewed(String request, long grant, String renewal, String from, String to) {
    record("sesame", GRANT_RENEWED, "request:" + request, fields(
        "grant", grant, "renewal", renewal, "from", from, "to", to));
  }

  /** A durable job gave up after {@code attempts} runs and is on the dead-letter list. */
  public void jobGaveUp(String subject, String task, String instance, int attempts, String error) {
    record("sesame", JOB_GAVE_UP, subject, fields("task", task, "instance", instance, "attempts", attempts,
        "error", error));
  }

  /** An admin ran a dead job again. */
  public void jobRetried(String actor, String subject, String task, String instance) {
    record(actor, JOB_RETRIED, subject, fields("task", task, "instance", instance));
  }

  /** An admin gave a dead job up for good. */
  public void jobAbandoned(String actor, String subject, String task, String instance, String note) {
    record(actor, JOB_ABANDONED, subject, fields("task", task, "instance", instance, "note", note));
  }

  private void record(String actor, String event, String subject, Map<String, Object> details) {
    jdbc.sql("insert into audit_event (at, actor, event, subject, details) values (?, ?, ?, ?, ?::jsonb)")
        .params(java.sql.Timestamp.from(clock.instant()), actor, event, subject, json.writeValueAsString(details))
        .update();
  }

  private static Map<String, Object> fields(Object... keysAndValues) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      Object value = keysAndValues[i + 1];
      // NB. Details carry texts from identity systems (errors): a credential in them is masked.
      out.put((String) keysAndValues[i], value instanceof String text ? Texts.maskSecrets(text) : value);
    }
    return out;
  }
}
