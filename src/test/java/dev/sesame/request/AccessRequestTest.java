package dev.sesame.request;

import static dev.sesame.request.AccessRequests.APP_ADMIN;
import static dev.sesame.request.AccessRequests.APP_ADMIN_STAGE;
import static dev.sesame.request.AccessRequests.LATER;
import static dev.sesame.request.AccessRequests.MANAGER;
import static dev.sesame.request.AccessRequests.MANAGER_STAGE;
import static dev.sesame.request.AccessRequests.OTHER_APP_ADMIN;
import static dev.sesame.request.AccessRequests.REQUESTER;
import static dev.sesame.request.AccessRequests.STRANGER;
import static dev.sesame.request.AccessRequests.SUBMITTED_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.sesame.approval.ApproverSource;
import dev.sesame.approval.Stage;
import dev.sesame.common.ConflictException;
import dev.sesame.common.ForbiddenException;
import dev.sesame.request.AccessRequest.DecisionOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessRequestTest {

  private static final Instant LATEST = LATER.plusSeconds(3600);

  // --- submit --------------------------------------------------------------------------------

  @Test
  void submit_whenNoStages_thenApprovedAtOnce() {
    AccessRequest request = AccessRequests.approved();

    assertThat(request.state()).isEqualTo(RequestState.APPROVED);
    assertThat(request.currentApprovers()).isEmpty();
    assertThat(request.waitingStage()).isEmpty();
    assertThat(request.history()).extracting(HistoryEntry::actor, HistoryEntry::text).containsExactly(
        tuple("alex.kim", "asked for GitHub (write)"),
        tuple("sesame", "approved automatically: policy MANAGER_THEN_APP_ADMIN needs no approval"));
  }

  @Test
  void submit_whenStages_thenPendingOnFirstStage() {
    AccessRequest request = AccessRequests.pending();

    assertThat(request.state()).isEqualTo(RequestState.PENDING_APPROVAL);
    assertThat(request.currentStage()).isZero();
    assertThat(request.currentApprovers()).containsExactly(MANAGER);
    assertThat(request.waitingStage()).contains(AccessRequests.MANAGER_STAGE);
    assertThat(request.createdAt()).isEqualTo(SUBMITTED_AT);
    assertThat(request.updatedAt()).isEqualTo(SUBMITTED_AT);
    assertThat(request.history()).singleElement()
        .isEqualTo(new HistoryEntry(SUBMITTED_AT, "alex.kim", "asked for GitHub (write)"));
  }

  @Test
  void submit_whenNoRole_thenHistoryNamesOnlyTheApp() {
    AccessRequest request = AccessRequest.submit(AccessRequests.SAMPLE_ID, REQUESTER, AccessRequests.APP, null,
        null, AccessRequests.TERMS, List.of(MANAGER_STAGE), SUBMITTED_AT);

    assertThat(request.role()).isEmpty();
    assertThat(request.target()).isEmpty();
    assertThat(request.history()).extracting(HistoryEntry::text).containsExactly("asked for GitHub");
  }

  // --- decide: who may decide ----------------------------------------------------------------

  @Test
  void decide_whenNotAnApprover_thenForbidden() {
    AccessRequest request = AccessRequests.pending();

    assertThatThrownBy(() -> request.decide(STRANGER, Verdict.APPROVED, "", LATER))
        .isInstanceOf(ForbiddenException.class).hasMessageContaining("sam.patel is not an approver");
    assertThat(request.state()).isEqualTo(RequestState.PENDING_APPROVAL);
    assertThat(request.decisions()).isEmpty();
  }

  @Test
  void decide_whenRequesterDecides_thenForbiddenEvenIfListedAsApprover() {
    AccessRequest request = AccessRequests.submitted(List.of(AccessRequests.stage("Manager", new ApproverSource.Manager(), REQUESTER)));

    assertThatThrownBy(() -> request.decide(REQUESTER, Verdict.APPROVED, "", LATER))
        .isInstanceOf(ForbiddenException.class).hasMessageContaining("their own request");
  }

  @Test
  void decide_whenLaterStageApproverActsDuringFirstStage_thenForbiddenNamingTheStage() {
    AccessRequest request = AccessRequests.pending();

    assertThatThrownBy(() -> request.decide(APP_ADMIN, Verdict.APPROVED, "", LATER))
        .isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("waiting for stage 1 (Manager)")
        .hasMessageContaining("dana.whitfield decides at a later stage");
    assertThat(request.currentStage()).isZero();
  }

  @Test
  void submit_whenFirstStageHasNobody_thenNeedsAttentionAndNobodyCanDecide() {
    AccessRequest request = AccessRequests.submitted(List.of(
        new Stage("Catalog admins", List.of(), dev.sesame.approval.Quorum.ANY, Set.of(), 1, "nobody is left")));

    assertThat(request.state()).isEqualTo(RequestState.NEEDS_ATTENTION);
    assertThat(request.awaitingApproval()).isTrue();
    assertThatThrownBy(() -> request.decide(MANAGER, Verdict.APPROVED, "", LATER))
        .isInstanceOf(ForbiddenException.class);
  }

  // --- decide: moving through the stages --------------------------------------------------------

  @Test
  void decide_whenFirstStageApproves_thenSecondStageWaits() {
    AccessRequest request = AccessRequests.pending();

    DecisionOutcome outcome = request.decide(MANAGER, Verdict.APPROVED, " fine by me ", LATER);

    assertThat(outcome).isEqualTo(DecisionOutcome.NEXT_STAGE);
    assertThat(request.state()).isEqualTo(RequestState.PENDING_APPROVAL);
    assertThat(request.currentStage()).isEqualTo(1);
    assertThat(request.currentApprovers()).containsExactlyInAnyOrder(APP_ADMIN, OTHER_APP_ADMIN);
    assertThat(request.waitingStage()).contains(APP_ADMIN_STAGE);
    assertThat(request.decisions()).containsExactly(new Decision(0, MANAGER, Verdict.APPROVED, "fine by me", LATER));
    assertThat(request.updatedAt()).isEqualTo(LATER);
    assertThat(request.history()).last()
        .isEqualTo(new HistoryEntry(LATER, "priya.nair", "approved stage 1: fine by me"));
  }

  @Test
  void decide_whenLastStageApproves_thenApproved() {
    AccessRequest request = AccessRequests.pending();
    request.decide(MANAGER, Verdict.APPROVED, "", LATER);

    DecisionOutcome outcome = request.decide(OTHER_APP_ADMIN, Verdict.APPROVED, "", LATEST);

    assertThat(outcome).isEqualTo(DecisionOutcome.APPROVED);
    assertThat(request.state()).isEqualTo(RequestState.APPROVED);
    assertThat(request.currentApprovers()).isEmpty();
    assertThat(request.decisions()).extracting(Decision::stage, Decision::approver)
        .containsExactly(tuple(0, MANAGER),
            tuple(1, OTHER_APP_ADMIN));
    assertThat(request.history()).extracting(HistoryEntry::text)
        .containsExactly("asked for GitHub (write)", "approved stage 1", "approved stage 2");
  }

  @Test
  void decide_whenDenied_thenDeniedWithComment() {
    AccessRequest request = AccessRequests.pending();

    DecisionOutcome outcome = request.decide(MANAGER, Verdict.DENIED, "not needed", LATER);

    assertThat(outcome).isEqualTo(DecisionOutcome.DENIED);
    assertThat(request.state()).isEqualTo(RequestState.DENIED);
    assertThat(request.currentApprovers()).isEmpty();
    assertThat(request.history()).last().isEqualTo(new HistoryEntry(LATER, "priya.nair", "denied: not needed"));
  }

  @Test
  void decide_whenSecondStageDenies_thenDenied() {
    AccessRequest request = AccessRequests.pending();
    request.decide(MANAGER, Verdict.APPROVED, "", LATER);

    assertThat(request.decide(APP_ADMIN, Verdict.DENIED, "", LATEST)).isEqualTo(DecisionOutcome.DENIED);
    assertThat(request.state()).isEqualTo(RequestState.DENIED);
    assertThat(request.history()).last().extracting(HistoryEntry::text).isEqualTo("denied");
  }

  // --- decide: repeats and conflicts ------------------------------------------------------------

  @Test
  void decide_whenSameApproverRepeatsSameVerdictAfterDecision_thenAlreadyDecidedAndNothingChanges() {
    AccessRequest request = AccessRequests.denied();
    int history = request.history().size();

    DecisionOutcome outcome = request.decide(MANAGER, Verdict.DENIED, "again", LATEST);

    assertThat(outcome).isEqualTo(DecisionOutcome.ALREADY_DECIDED);
    assertThat(request.state()).isEqualTo(RequestState.DENIED);
    assertThat(request.decisions()).hasSize(1);
    assertThat(request.history()).hasSize(history);
    assertThat(request.updatedAt()).isEqualTo(LATER);
  }

  @Test
  void decide_whenFirstStageApproverRepeatsWhileSecondStageWaits_thenAlreadyDecided() {
    AccessRequest request = AccessRequests.pending();
    request.decide(MANAGER, Verdict.APPROVED, "", LATER);

    DecisionOutcome outcome = request.decide(MANAGER, Verdict.APPROVED, "", LATEST);

    assertThat(outcome).isEqualTo(DecisionOutcome.ALREADY_DECIDED);
    assertThat(request.currentStage()).isEqualTo(1);
    assertThat(request.decisions()).hasSize(1);
    assertThat(request.updatedAt()).isEqualTo(LATER);
  }

  @Test
  void decide_whenApproverOfBothStagesApprovesTwice_thenSecondIsARepeatAndTheStageWaitsForSomeoneElse() {
    Stage manager = AccessRequests.stage("Manager", new ApproverSource.Manager(), APP_ADMIN);
    AccessRequest request = AccessRequests.submitted(List.of(manager, APP_ADMIN_STAGE));

    assertThat(request.decide(APP_ADMIN, Verdict.APPROVED, "", LATER)).isEqualTo(DecisionOutcome.NEXT_STAGE);
    assertThat(request.decide(APP_ADMIN, Verdict.APPROVED, "", LATEST)).isEqualTo(DecisionOutcome.ALREADY_DECIDED);
    assertThat(request.state()).isEqualTo(RequestState.PENDING_APPROVAL);
    assertThat(request.decide(OTHER_APP_ADMIN, Verdict.APPROVED, "", LATEST)).isEqualTo(DecisionOutcome.APPROVED);
  }

  @Test
  void decide_whenAppAdminApprovedStageOneAndDecidesStageTwoAsTheManagersDelegate_thenForbiddenFourEyes() {
    AccessRequest request = AccessRequests.submitted(List.of(APP_ADMIN_STAGE, MANAGER_STAGE));
    request.decide(OTHER_APP_ADMIN, Verdict.APPROVED, "", LATER);

    for (Verdict verdict : Verdict.values()) {
      assertThatThrownBy(() -> request.decide(OTHER_APP_ADMIN, MANAGER, verdict, "", LATEST))
          .isInstanceOf(ForbiddenException.class)
          .hasMessageContaining("kenji.sato (deciding on behalf of priya.nair) already approved an earlier stage")
          .hasMessageContaining("four eyes");
    }
    assertThat(request.state()).isEqualTo(RequestState.PENDING_APPROVAL);
    assertThat(request.decisions()).hasSize(1);
    assertThat(request.decide(MANAGER, Verdict.APPROVED, "", LATEST)).isEqualTo(DecisionOutcome.APPROVED);
  }

  @Test
  void decide_whenDelegateApprovedStageOneForSomeoneAndDecidesStageTwoAsThemself_thenForbiddenFourEyes() {
    Stage manager = AccessRequests.stage("Manager", new ApproverSource.Manager(), MANAGER);
    Stage admins = AccessRequests.stage("App admin", new ApproverSource.AppAdmins(), APP_ADMIN, OTHER_APP_ADMIN);
    AccessRequest request = AccessRequests.submitted(List.of(manager, admins));
    request.decide(OTHER_APP_ADMIN, MANAGER, Verdict.APPROVED, "", LATER);

    assertThatThrownBy(() -> request.decide(OTHER_APP_ADMIN, Verdict.APPROVED, "", LATEST))
        .isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("kenji.sato already approved an earlier stage of this request");
    assertThat(request.approvedEarlierStages()).containsExactlyInAnyOrder(OTHER_APP_ADMIN, MANAGER);
    assertThat(request.decisions()).hasSize(1);
    assertThat(request.decide(APP_ADMIN, Verdict.APPROVED, "", LATEST)).isEqualTo(DecisionOutcome.APPROVED);
  }

  @Test
  void decide_whenPrincipalsSeatApprovedStageOneAndPrincipalDecidesStageTwo_thenForbiddenFourEyes() {
    Stage manager = AccessRequests.stage("Manager", new ApproverSource.Manager(), MANAGER);
    Stage admins = AccessRequests.stage("App admin", new ApproverSource.AppAdmins(), MANAGER, APP_ADMIN);
    AccessRequest request = AccessRequests.submitted(List.of(manager, admins));
    request.decide(OTHER_APP_ADMIN, MANAGER, Verdict.APPROVED, "", LATER);

    assertThatThrownBy(() -> request.decide(MANAGER, Verdict.APPROVED, "", LATEST))
        .isInstanceOf(ForbiddenException.class).hasMessageContaining("four eyes");
  }

  @Test
  void decide_whenRequesterDecidesAsADelegate_thenForbidden() {
    AccessRequest request = AccessRequests.pending();

    assertThatThrownBy(() -> request.decide(REQUESTER, MANAGER, Verdict.APPROVED, "", LATER))
        .isInstanceOf(ForbiddenException.class).hasMessage("nobody may decide on their own request");
    assertThatThrownBy(() -> request.decide(MANAGER, REQUESTER, Verdict.APPROVED, "", LATER))
        .isInstanceOf(ForbiddenException.class).hasMessage("nobody may decide on their own request");
    assertThat(request.decisions()).isEmpty();
  }

  @Test
  void decide_whenSameApproverChangesVerdictAfterDecision_thenConflict() {
    AccessRequest request = AccessRequests.denied();

    assertThatThrownBy(() -> request.decide(MANAGER, Verdict.APPROVED, "", LATEST))
        .isInstanceOf(ConflictException.class)
        .hasMessage("the request was already denied by priya.nair at 2026-03-02T10:00:00Z and is now denied;"
            + " it cannot be approved now");
    assertThat(request.state()).isEqualTo(RequestState.DENIED);
  }

  @Test
  void decide_whenOtherApproverDecidesAfterDecision_thenConflict() {
    AccessRequest request = AccessRequests.pending();
    request.decide(MANAGER, Verdict.APPROVED, "", LATER);
    request.decide(APP_ADMIN, Verdict.APPROVED, "", LATER);

    assertThatThrownBy(() -> request.decide(OTHER_APP_ADMIN, Verdict.DENIED, "", LATEST))
        .isInstanceOf(ConflictException.class)
        .hasMessage("the request was already approved by dana.whitfield at 2026-03-02T10:00:00Z and is now approved,"
            + " access being set up; it cannot be denied now");
    assertThat(request.state()).isEqualTo(RequestState.APPROVED);
    assertThat(request.decisions()).hasSize(2);
  }

  @Test
  void decide_whenCancelled_thenConflict() {
    AccessRequest request = AccessRequests.pending();
    request.cancel(REQUESTER, LATER);

    assertThatThrownBy(() -> request.decide(MANAGER, Verdict.APPROVED, "", LATEST))
        .isInstanceOf(ConflictException.class).hasMessageContaining("already cancelled");
  }

  // --- cancel --------------------------------------------------------------------------------

  @Test
  void cancel_whenRequesterAndPending_thenCancelled() {
    AccessRequest request = AccessRequests.pending();

    request.cancel(REQUESTER, LATER);

    assertThat(request.state()).isEqualTo(RequestState.CANCELLED);
    assertThat(request.currentApprovers()).isEmpty();
    assertThat(request.updatedAt()).isEqualTo(LATER);
    assertThat(request.history()).last().isEqualTo(new HistoryEntry(LATER, "alex.kim", "cancelled the request"));
  }

  @Test
  void cancel_whenRequesterAndApproved_thenCancelled() {
    AccessRequest request = AccessRequests.approved();

    request.cancel(REQUESTER, LATER);

    assertThat(request.state()).isEqualTo(RequestState.CANCELLED);
  }

  @Test
  void cancel_whenSomeoneElse_thenForbidden() {
    AccessRequest request = AccessRequests.pending();

    assertThatThrownBy(() -> request.cancel(MANAGER, LATER))
        .isInstanceOf(ForbiddenException.class).hasMessageContaining("only the requester");
    assertThat(request.state()).isEqualTo(RequestState.PENDING_APPROVAL);
  }

  @Test
  void cancel_whenFulfilled_thenConflict() {
    AccessRequest request = AccessRequests.fulfilled();

    assertThatThrownBy(() -> request.cancel(REQUESTER, LATEST))
        .isInstanceOf(ConflictException.class).hasMessage("the request is done; it can no longer be cancelled");
    assertThat(request.state()).isEqualTo(RequestState.FULFILLED);
  }

  @Test
  void cancel_whenProvisioningOrDenied_thenConflict() {
    assertThatThrownBy(() -> AccessRequests.provisioning().cancel(REQUESTER, LATEST))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> AccessRequests.denied().cancel(REQUESTER, LATEST))
        .isInstanceOf(ConflictException.class);
  }

  // --- startProvisioning ---------------------------------------------------------------------

  @Test
  void startProvisioning_whenApproved_thenProvisioning() {
    AccessRequest request = AccessRequests.approved();

    request.startProvisioning(LATER);

    assertThat(request.state()).isEqualTo(RequestState.PROVISIONING);
    assertThat(request.updatedAt()).isEqualTo(LATER);
    assertThat(request.history()).last().isEqualTo(new HistoryEntry(LATER, "sesame", "started adding the access"));
  }

  @Test
  void startProvisioning_whenAlreadyProvisioning_thenNothingChanges() {
    AccessRequest request = AccessRequests.provisioning();
    int history = request.history().size();

    request.startProvisioning(LATEST);

    assertThat(request.state()).isEqualTo(RequestState.PROVISIONING);
    assertThat(request.history()).hasSize(history);
    assertThat(request.updatedAt()).isEqualTo(LATER);
  }

  @Test
  void startProvisioning_whenPending_thenConflictNamingBothStates() {
    AccessRequest request = AccessRequests.pending();

    assertThatThrownBy(() -> request.startProvisioning(LATER))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("PENDING_APPROVAL").hasMessageContaining("PROVISIONING");
    assertThat(request.state()).isEqualTo(RequestState.PENDING_APPROVAL);
  }

  // --- fulfil --------------------------------------------------------------------------------

  @Test
  void fulfil_whenProvisioning_thenFulfilledWithHow() {
    AccessRequest request = AccessRequests.provisioning();

    request.fulfil(LATEST, "added to cn=github-write in corp-ldap");

    assertThat(request.state()).isEqualTo(RequestState.FULFILLED);
    assertThat(request.updatedAt()).isEqualTo(LATEST);
    assertThat(request.history()).last()
        .isEqualTo(new HistoryEntry(LATEST, "sesame", "added to cn=github-write in corp-ldap"));
  }

  @Test
  void fulfil_whenApproved_thenConflictNamingBothStates() {
    AccessRequest request = AccessRequests.approved();

    assertThatThrownBy(() -> request.fulfil(LATER, "added"))
        .isInstanceOf(ConflictException.class)
        .hasMessage("the request is APPROVED, not PROVISIONING; it cannot become FULFILLED");
  }

  @Test
  void fulfil_whenAlreadyFulfilled_thenConflict() {
    assertThatThrownBy(() -> AccessRequests.fulfilled().fulfil(LATEST, "added"))
        .isInstanceOf(ConflictException.class).hasMessageContaining("FULFILLED");
  }

  // --- needsAttention --------------------------------------------------------------------------

  @Test
  void needsAttention_whenProvisioning_thenNeedsAttentionWithReason() {
    AccessRequest request = AccessRequests.provisioning();

    request.needsAttention(LATEST, "corp-ldap refused the change");

    assertThat(request.state()).isEqualTo(RequestState.NEEDS_ATTENTION);
    assertThat(request.history()).last()
        .isEqualTo(new HistoryEntry(LATEST, "sesame", "corp-ldap refused the change"));
  }

  @Test
  void needsAttention_whenApprovedOrPending_thenNeedsAttention() {
    AccessRequest approved = AccessRequests.approved();
    AccessRequest pending = AccessRequests.pending();

    approved.needsAttention(LATER, "the group is gone");
    pending.needsAttention(LATER, "the app was archived");

    assertThat(approved.state()).isEqualTo(RequestState.NEEDS_ATTENTION);
    assertThat(pending.state()).isEqualTo(RequestState.NEEDS_ATTENTION);
  }

  @Test
  void needsAttention_whenFulfilled_thenConflictNamingBothStates() {
    AccessRequest request = AccessRequests.fulfilled();

    assertThatThrownBy(() -> request.needsAttention(LATEST, "late failure"))
        .isInstanceOf(ConflictException.class)
        .hasMessage("the request is FULFILLED, no longer open; it cannot become NEEDS_ATTENTION");
    assertThat(request.state()).isEqualTo(RequestState.FULFILLED);
  }

  @Test
  void needsAttention_whenAlreadyNeedsAttention_thenConflict() {
    AccessRequest request = AccessRequests.provisioning();
    request.needsAttention(LATER, "refused");

    assertThatThrownBy(() -> request.needsAttention(LATEST, "refused again")).isInstanceOf(ConflictException.class);
  }

  // --- history -------------------------------------------------------------------------------

  @Test
  void history_whenFullLifecycle_thenOneEntryPerStepInOrder() {
    AccessRequest request = AccessRequests.pending();
    request.decide(MANAGER, Verdict.APPROVED, "", LATER);
    request.decide(APP_ADMIN, Verdict.APPROVED, "ok", LATER);
    request.startProvisioning(LATEST);
    request.fulfil(LATEST, "added");

    assertThat(request.history()).extracting(HistoryEntry::actor, HistoryEntry::text).containsExactly(
        tuple("alex.kim", "asked for GitHub (write)"),
        tuple("priya.nair", "approved stage 1"),
        tuple("dana.whitfield", "approved stage 2: ok"),
        tuple("sesame", "started adding the access"),
        tuple("sesame", "added"));
  }

  @Test
  void history_whenReturned_thenACopy() {
    AccessRequest request = AccessRequests.pending();

    assertThat(request.history()).isUnmodifiable();
    assertThat(request.decisions()).isUnmodifiable();
  }

  // --- reading -------------------------------------------------------------------------------

  @Test
  void isApprover_whenInAnyStage_thenTrue() {
    AccessRequest request = AccessRequests.pending();

    assertThat(request.isApprover(MANAGER)).isTrue();
    assertThat(request.isApprover(OTHER_APP_ADMIN)).isTrue();
    assertThat(request.isApprover(STRANGER)).isFalse();
    assertThat(request.stages()).containsExactly(MANAGER_STAGE, APP_ADMIN_STAGE);
  }
}
