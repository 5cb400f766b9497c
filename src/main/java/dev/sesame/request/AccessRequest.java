package dev.sesame.request;

import dev.sesame.approval.ApproverKind;
import dev.sesame.approval.Stage;
import dev.sesame.catalog.AppName;
import dev.sesame.catalog.RoleName;
import dev.sesame.common.ConflictException;
import dev.sesame.common.ForbiddenException;
import dev.sesame.directory.PersonId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One person asking for one app (and role). Owns its state machine: every transition is a business
 * verb that checks the current state and refuses an illegal move with a message naming both.
 */
public final class AccessRequest {

  private final RequestId id;
  private final PersonId requester;
  private final AppName app;
  private final @Nullable RoleName role;
  private final @Nullable ProvisioningTarget target;
  private final List<Stage> stages;
  private final List<Decision> decisions;
  private final List<HistoryEntry> history;
  private final Instant createdAt;
  private RequestState state;
  private int currentStage;
  private Instant updatedAt;

  AccessRequest(RequestId id, PersonId requester, AppName app, @Nullable RoleName role,
      @Nullable ProvisioningTarget target, List<Stage> stages, List<Decision> decisions,
      List<HistoryEntry> history, Instant createdAt, RequestState state, int currentStage, Instant updatedAt) {
    this.id = id;
    this.requester = requester;
    this.app = app;
    this.role = role;
    this.target = target;
    this.stages = List.copyOf(stages);
    this.decisions = new ArrayList<>(decisions);
    this.history = new ArrayList<>(history);
    this.createdAt = createdAt;
    this.state = state;
    this.currentStage = currentStage;
    this.updatedAt = updatedAt;
  }

  /** A new request; with no stages it is approved at once. */
  static AccessRequest submit(RequestId id, PersonId requester, AppName app, @Nullable RoleName role,
      @Nullable ProvisioningTarget target, List<Stage> stages, Instant at) {
    AccessRequest request = new AccessRequest(id, requester, app, role, target, stages, List.of(), List.of(),
        at, RequestState.PENDING_APPROVAL, 0, at);
    request.note(at, requester.value(), "asked for " + app.value() + (role == null ? "" : " (" + role.value() + ")"));
    if (stages.isEmpty()) {
      request.state = RequestState.APPROVED;
      request.note(at, "sesame", "approved automatically: the app's flow needs no approval");
    }
    return request;
  }

  // ---------------------------------------------------------------------------------------------
  // Transitions

  /** What a decision did. */
  public enum DecisionOutcome {
    /** The stage is approved and the next stage waits. */
    NEXT_STAGE,
    /** The last stage is approved: the request is approved. */
    APPROVED,
    /** The request is denied. */
    DENIED,
    /** The same approver already made the same decision; nothing changed. */
    ALREADY_DECIDED
  }

  /**
   * Records an approver's decision.
   *
   * <p>NB. The check runs against the request's own stages, never against what the caller shows:
   * (1) someone who is not an approver of any stage is refused; (2) a repeat of one's own decision
   * is acknowledged and changes nothing; (3) a decided request refuses any other decision; (4) a
   * later stage's approver waits for the earlier stages.
   */
  DecisionOutcome decide(PersonId approver, Verdict verdict, String comment, Instant at) {
    if (approver.equals(requester)) {
      throw new ForbiddenException("nobody may decide on their own request");
    }
    if (stages.stream().noneMatch(s -> s.approvers().contains(approver))) {
      throw new ForbiddenException(approver.value() + " is not an approver of this request");
    }
    Optional<Decision> own = decisions.stream().filter(d -> d.approver().equals(approver)).reduce((a, b) -> b);
    if (own.isPresent() && own.get().verdict() == verdict
        && (state != RequestState.PENDING_APPROVAL || own.get().stage() == currentStage
            || !stages.get(currentStage).approvers().contains(approver))) {
      return DecisionOutcome.ALREADY_DECIDED;
    }
    if (state != RequestState.PENDING_APPROVAL) {
      throw new ConflictException("the request is already " + state.label() + "; it cannot be "
          + (verdict == Verdict.APPROVED ? "approved" : "denied") + " now");
    }
    if (!stages.get(currentStage).approvers().contains(approver)) {
      throw new ForbiddenException("the request is waiting for stage " + (currentStage + 1)
          + " (" + stages.get(currentStage).kind().label() + "); " + approver.value() + " decides at a later stage");
    }
    decisions.add(new Decision(currentStage, approver, verdict, comment.strip(), at));
    updatedAt = at;
    if (verdict == Verdict.DENIED) {
      state = RequestState.DENIED;
      note(at, approver.value(), "denied" + (comment.isBlank() ? "" : ": " + comment.strip()));
      return DecisionOutcome.DENIED;
    }
    note(at, approver.value(), "approved stage " + (currentStage + 1) + (comment.isBlank() ? "" : ": " + comment.strip()));
    if (currentStage + 1 < stages.size()) {
      currentStage++;
      return DecisionOutcome.NEXT_STAGE;
    }
    state = RequestState.APPROVED;
    return DecisionOutcome.APPROVED;
  }

  /** The requester withdraws the request before provisioning has started. */
  void cancel(PersonId by, Instant at) {
    if (!by.equals(requester)) {
      throw new ForbiddenException("only the requester may cancel a request");
    }
    if (state != RequestState.PENDING_APPROVAL && state != RequestState.APPROVED) {
      throw new ConflictException("the request is " + state.label() + "; it can no longer be cancelled");
    }
    move(RequestState.CANCELLED, at, by.value(), "cancelled the request");
  }

  /** Provisioning starts (or starts again after a failed attempt). */
  void startProvisioning(Instant at) {
    if (state == RequestState.PROVISIONING) {
      return;
    }
    requireState(RequestState.APPROVED, RequestState.PROVISIONING);
    move(RequestState.PROVISIONING, at, "sesame", "started adding the access");
  }

  /** The identity system confirmed the access. */
  void fulfil(Instant at, String how) {
    requireState(RequestState.PROVISIONING, RequestState.FULFILLED);
    move(RequestState.FULFILLED, at, "sesame", how);
  }

  /** Sesame could not carry the request out. */
  void needsAttention(Instant at, String reason) {
    if (!state.open()) {
      throw new ConflictException("the request is " + state + ", no longer open; it cannot become "
          + RequestState.NEEDS_ATTENTION);
    }
    move(RequestState.NEEDS_ATTENTION, at, "sesame", reason);
  }

  /**
   * Sesame closes an open request because something it depends on is gone (the app was disabled,
   * the role deleted, the requester deactivated). Closing a request that is no longer open is
   * refused, so a closed request never reopens and a finished one is never rewritten.
   */
  void close(Instant at, String reason) {
    if (!state.open()) {
      throw new ConflictException("the request is " + state.label() + "; it cannot be closed");
    }
    move(RequestState.CLOSED, at, "sesame", "closed: " + reason);
  }

  private void requireState(RequestState expected, RequestState wanted) {
    if (state != expected) {
      throw new ConflictException("the request is " + state + ", not " + expected + "; it cannot become " + wanted);
    }
  }

  private void move(RequestState to, Instant at, String actor, String text) {
    state = to;
    updatedAt = at;
    note(at, actor, text);
  }

  private void note(Instant at, String actor, String text) {
    history.add(new HistoryEntry(at, actor, text));
  }

  // ---------------------------------------------------------------------------------------------
  // Reading

  public RequestId id() {
    return id;
  }

  public PersonId requester() {
    return requester;
  }

  public AppName app() {
    return app;
  }

  /** The role asked for, for role-based apps. */
  public Optional<RoleName> role() {
    return Optional.ofNullable(role);
  }

  /** The group this request adds to; empty for apps that are not provisioned by Sesame. */
  public Optional<ProvisioningTarget> target() {
    return Optional.ofNullable(target);
  }

  public RequestState state() {
    return state;
  }

  public List<Stage> stages() {
    return stages;
  }

  /** The index of the stage that waits (or decided last). */
  public int currentStage() {
    return currentStage;
  }

  /** Who may decide now; empty unless the request waits for approval. */
  public Set<PersonId> currentApprovers() {
    return state == RequestState.PENDING_APPROVAL && !stages.isEmpty()
        ? stages.get(currentStage).approvers() : Set.of();
  }

  /** Where the current approvers come from. */
  public Optional<ApproverKind> currentKind() {
    return state == RequestState.PENDING_APPROVAL && !stages.isEmpty()
        ? Optional.of(stages.get(currentStage).kind()) : Optional.empty();
  }

  /** True when the person is an approver of any stage. */
  public boolean isApprover(PersonId person) {
    return stages.stream().anyMatch(s -> s.approvers().contains(person));
  }

  public List<Decision> decisions() {
    return List.copyOf(decisions);
  }

  public List<HistoryEntry> history() {
    return List.copyOf(history);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
