package dev.sesame.request.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sesame.audit.AuditEvent;
import dev.sesame.audit.AuditTrail;
import dev.sesame.request.HistoryEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TimelineTest {

  private static final Instant SUBMITTED = Instant.parse("2026-12-03T17:39:05Z");
  private static final Instant DECIDED = Instant.parse("2026-12-04T09:02:00Z");
  private static final String SUBJECT = "request:2b7f0d7e-8a52-4c55-9f59-1f1a2e0c9d11";

  private static AuditEvent event(Instant at, String actor, String event, Map<String, Object> details) {
    return new AuditEvent(1, at, actor, event, SUBJECT, details);
  }

  @Nested
  class Sentence {

    @Test
    void sentence_whenSubmitted_thenRequesterAndApprovers() {
      assertThat(Timeline.sentence(event(SUBMITTED, "alex.kim", AuditTrail.REQUEST_SUBMITTED,
          Map.of("app", "Figma", "role", "", "approvers", List.of("priya.nair", "sam.patel")))))
          .isEqualTo("alex.kim submitted the request (approvers: priya.nair, sam.patel)");
    }

    @Test
    void sentence_whenSubmittedWithoutApprovers_thenNoApprovalNeeded() {
      assertThat(Timeline.sentence(event(SUBMITTED, "alex.kim", AuditTrail.REQUEST_SUBMITTED, Map.of("approvers", List.of()))))
          .isEqualTo("alex.kim submitted the request (no approval needed)");
    }

    @Test
    void sentence_whenPersonDecided_thenApproverVerdictAndComment() {
      assertThat(Timeline.sentence(event(DECIDED, "priya.nair", AuditTrail.DECISION_RECORDED,
          Map.of("verdict", "approved", "kind", "person", "comment", ""))))
          .isEqualTo("priya.nair approved");
      assertThat(Timeline.sentence(event(DECIDED, "felix.wagner", AuditTrail.DECISION_RECORDED,
          Map.of("verdict", "denied", "kind", "person", "comment", "not for interns"))))
          .isEqualTo("felix.wagner denied: not for interns");
    }

    @Test
    void sentence_whenAutomaticDecision_thenApprovedAutomaticallyWithReason() {
      assertThat(Timeline.sentence(event(SUBMITTED, "sesame", AuditTrail.DECISION_RECORDED,
          Map.of("verdict", "approved", "kind", "automatic", "comment", "flow open needs no approval"))))
          .isEqualTo("approved automatically: flow open needs no approval");
    }

    @Test
    void sentence_whenProvisioningSteps_thenSystemAndGroup() {
      Map<String, Object> started = Map.of("system", "corp-ldap", "group", "cn=figma-users", "step", "started", "message", "");
      Map<String, Object> applied = Map.of("system", "corp-ldap", "group", "cn=figma-users", "step", "applied", "message", "");
      Map<String, Object> retry = Map.of("system", "corp-ldap", "group", "cn=figma-users", "step", "retry", "message", "timeout");
      assertThat(Timeline.sentence(event(DECIDED, "sesame", AuditTrail.PROVISIONING, started)))
          .isEqualTo("provisioning started in corp-ldap");
      assertThat(Timeline.sentence(event(DECIDED, "sesame", AuditTrail.PROVISIONING, applied)))
          .isEqualTo("added to cn=figma-users in corp-ldap");
      assertThat(Timeline.sentence(event(DECIDED, "sesame", AuditTrail.PROVISIONING, retry)))
          .isEqualTo("provisioning in corp-ldap failed, will retry: timeout");
    }

    @Test
    void sentence_whenGrantCancelAttentionOrUnknown_thenShortLine() {
      assertThat(Timeline.sentence(event(DECIDED, "sesame", AuditTrail.GRANT_PROVISIONED, Map.of()))).isEqualTo("grant provisioned");
      assertThat(Timeline.sentence(event(DECIDED, "alex.kim", AuditTrail.REQUEST_CANCELLED, Map.of())))
          .isEqualTo("alex.kim cancelled the request");
      assertThat(Timeline.sentence(event(DECIDED, "sesame", AuditTrail.NEEDS_ATTENTION, Map.of("reason", "no such group"))))
          .isEqualTo("needs attention: no such group");
      assertThat(Timeline.sentence(event(DECIDED, "sesame", "something.new", Map.of()))).isEqualTo("sesame something.new");
    }
  }

  @Nested
  class Of {

    @Test
    void of_whenHistoryRepeatsAnAuditEvent_thenTheEventReadsOnce() {
      List<Timeline.Line> lines = Timeline.of(
          List.of(event(SUBMITTED, "alex.kim", AuditTrail.REQUEST_SUBMITTED, Map.of("approvers", List.of("priya.nair")))),
          List.of(new HistoryEntry(SUBMITTED.minusMillis(3), "alex.kim", "asked for Figma")));
      assertThat(lines).extracting(Timeline.Line::text)
          .containsExactly("alex.kim submitted the request (approvers: priya.nair)");
    }

    @Test
    void of_whenHistoryHasStepsTheAuditLogLacks_thenMergedInTimeOrder() {
      List<Timeline.Line> lines = Timeline.of(
          List.of(event(DECIDED, "priya.nair", AuditTrail.DECISION_RECORDED, Map.of("verdict", "approved", "kind", "person"))),
          List.of(new HistoryEntry(SUBMITTED, "alex.kim", "asked for Figma"),
              new HistoryEntry(DECIDED.plusSeconds(60), "sesame", "started adding the access")));
      assertThat(lines).extracting(Timeline.Line::text)
          .containsExactly("alex.kim asked for Figma", "priya.nair approved", "started adding the access");
      assertThat(lines).extracting(Timeline.Line::source).containsExactly("history", "audit", "history");
    }

    @Test
    void of_whenLinesSpanDays_thenDayOnFirstLineOfEachDay() {
      List<Timeline.Line> lines = Timeline.of(List.of(
          event(SUBMITTED, "alex.kim", AuditTrail.REQUEST_SUBMITTED, Map.of("approvers", List.of("priya.nair"))),
          event(SUBMITTED.plusSeconds(60), "sesame", AuditTrail.GRANT_PROVISIONED, Map.of()),
          event(DECIDED, "priya.nair", AuditTrail.DECISION_RECORDED, Map.of("verdict", "approved"))), List.of());
      assertThat(lines).extracting(Timeline.Line::day).containsExactly("3 Dec 2026", "", "4 Dec 2026");
      assertThat(lines).extracting(Timeline.Line::time).containsExactly("17:39", "17:40", "09:02");
    }
  }
}
