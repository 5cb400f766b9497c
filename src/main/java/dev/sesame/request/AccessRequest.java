package dev.sesame.request;

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
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * One person asking for one app (and role). Owns its state machine: every transition is a business
 * verb that checks the current state and refuses an illegal move with a message naming both.
 *
 * <p>Approval: the request waits on one stage at a time; a stage completes when as many of its
 * current approvers as it requires have approved (a delegate's approval counts for the approver
 * who named them); one denial ends the request. A catalog admin may override the stages, with a
 * reason. Who the approvers are is decided by the {@link dev.sesame.approval.ApprovalPlanner}; this
 * class only checks decisions against the stage as it stands.
 */
public final class AccessRequest {

  private final RequestId id;
  private final PersonId requester;
  private final AppName app;
  private final @Nullable RoleName role;
  private final @Nullable ProvisioningTarget target;
  private final PolicyTerms terms;
  private final List<Stage> stages;
  private final List<Decision> decisions;
  private final List<HistoryEntry> history;
  private final Instant createdAt;
  private RequestState state;
  private int currentStage;
  private Instant updatedAt;
  private Instant stageStartedAt;
  private @Nullable Instant remindedAt;
  private boolean escalated;
  private @Nullable Instant until;
  private @Nullable GrantId renews;

  AccessRequest(RequestId id, PersonId requester, AppName app, @Nullable RoleName role,
      @Nullable ProvisioningTarget target, PolicyTerms terms, List<Stage> stages, List<Decision> decisions,
      List<HistoryEntry> history, Instant createdAt, RequestState state, int currentStage, Instant updatedAt,
      Instant stageStartedAt, @Nullable Instant remindedAt, boolean escalated) {
    this.id = id;
    this.requester = requester;
    this.app = app;
    this.role = role;
    this.target = target;
    this.terms = terms;
    this.stages = new ArrayList<>(stages);
    this.decisions = new ArrayList<>(decisions);
    this.history = new ArrayList<>(history);
    this.createdAt = createdAt;
    this.state = state;
    this.currentStage = currentStage;
    this.updatedAt = updatedAt;
    this.stageStartedAt = stageStartedAt;
    this.remindedAt = remindedAt;
    this.escalated = escalated;
  }

  /**
   * A new request; with no stages it is approved at once, and when its first stage can never
   * complete (nobody left to approve, no fallback) it goes to the admins as needing attention.
   */
  static AccessRequest submit(RequestId id, PersonId requester, AppName app, @Nullable RoleName role,
      @Nullable ProvisioningTarget target, PolicyTerms terms, List<Stage> stages, Instant at) {
    AccessRequest request = new AccessRequest(id, requester, app, role, target, terms, stages, List.of(), List.of(),
        at, RequestState.PENDING_APPROVAL, 0, at, at, null, false);
    request.note(at, requester.value(), "asked for " + app.value() + (role == null ? "" : " (" + role.value() + ")"));
    if (stages.isEmpty()) {
      request.state = RequestState.APPROVED;
      request.note(at, "sesame", "approved automatically: policy " + terms.policy() + " needs no approval");
    } else if (stages.get(0).stuck()) {
      request.move(RequestState.NEEDS_ATTENTION, at, "sesame", stuckReason(stages.get(0)));
    }
    return request;
  }

  /**
   * Sets what the request asks for beyond the app: the planned end of the access ({@code until},
   * null = none) and the grant it renews (null = a new grant). Set once, at submission or reading.
   */
  AccessRequest withTerm(@Nullable Instant until, @Nullable GrantId renews) {
    this.until = until;
    this.renews = renews;
    return this;
  }

  // ---------------------------------------------------------------------------------------------
  // Transitions

  /** What a decision did. */
  public enum DecisionOutcome {
    /** The approval counts, and the stage waits for more approvals to reach its quorum. */
    RECORDED,
    /** The stage is approved and the next stage waits. */
    NEXT_STAGE,
    /** The last stage is approved: the request is approved. */
    APPROVED,
    /** The request is denied. */
    DENIED,
    /** The next stage can never complete: the request needs an admin. */
    STUCK,
    /** The same approver already made the same decision; nothing changed. */
    ALREADY_DECIDED
  }

  /** Records an approver's decision in their own name. */
  DecisionOutcome decide(PersonId approver, Verdict verdict, String comment, Instant at) {
    return decide(approver, null, verdict, comment, at);
  }

  /**
   * Records a decision by {@code approver}, in the seat of {@code onBehalfOf} when they are a
   * delegate.
   *
   * <p>NB. The check runs against the request's own current stage, never against what the caller
   * shows: (1) the requester never decides, not even as a delegate; (2) a repeat of one's own
   * decision is acknowledged and changes nothing; (3) a decided request refuses any other decision
   * with who decided it and when (409); (4) someone who is not an approver of the current stage is
   * refused (403) — also an approver the request was reassigned away from, and a later stage's
   * approver, who waits; (5) someone who approved an earlier stage cannot approve a later one.
   */
  DecisionOutcome decide(PersonId approver, @Nullable PersonId onBehalfOf, Verdict verdict, String comment,
      Instant at) {
    PersonId seat = onBehalfOf == null ? approver : onBehalfOf;
    if (approver.equals(requester) || seat.equals(requester)) {
      throw new ForbiddenException("nobody may decide on their own request");
    }
    Optional<Decision> own = decisions.stream().filter(d -> d.approver().equals(approver)).reduce((a, b) -> b);
    if (state != RequestState.PENDING_APPROVAL) {
      if (own.isPresent() && own.get().verdict() == verdict) {
        return DecisionOutcome.ALREADY_DECIDED;
      }
      if (own.isPresent() || isApprover(approver) || isApprover(seat)) {
        throw new ConflictException(alreadyDecided() + "; it cannot be "
            + (verdict == Verdict.APPROVED ? "approved" : "denied") + " now");
      }
      throw new ForbiddenException(approver.value() + " is not an approver of this request");
    }
    Stage stage = stages.get(currentStage);
    Optional<Decision> sameSeat = decisions.stream()
        .filter(d -> d.stage() == currentStage && d.seat().equals(seat) && !d.override()).findFirst();
    if (sameSeat.isPresent() && sameSeat.get().verdict() == verdict) {
      return DecisionOutcome.ALREADY_DECIDED;
    }
    Set<PersonId> earlier = approvedEarlierStages();
    if (earlier.contains(approver) || earlier.contains(seat)) {
      // NB. Four eyes: one person's approval never completes two stages, whatever seat they sit in
      // (their own or a delegator's) at either stage. The very same click again is a double click.
      if (own.isPresent() && own.get().verdict() == verdict && own.get().seat().equals(seat)) {
        return DecisionOutcome.ALREADY_DECIDED;
      }
      throw new ForbiddenException(fourEyes(earlier.contains(approver) ? approver : seat, approver, onBehalfOf));
    }
    if (!stage.approvers().contains(seat)) {
      throw new ForbiddenException(whyNot(seat));
    }
    decisions.add(new Decision(currentStage, approver, verdict, comment.strip(), at, onBehalfOf, false));
    updatedAt = at;
    String who = onBehalfOf == null ? "" : " on behalf of " + onBehalfOf.value();
    String because = comment.isBlank() ? "" : ": " + comment.strip();
    if (verdict == Verdict.DENIED) {
      move(RequestState.DENIED, at, approver.value(), "denied" + who + because);
      return DecisionOutcome.DENIED;
    }
    note(at, approver.value(), "approved stage " + (currentStage + 1) + who + because);
    if (approvals(currentStage).size() < stage.required()) {
      return DecisionOutcome.RECORDED;
    }
    if (currentStage + 1 < stages.size()) {
      currentStage++;
      startStage(at);
      if (stages.get(currentStage).stuck()) {
        move(RequestState.NEEDS_ATTENTION, at, "sesame", stuckReason(stages.get(currentStage)));
        return DecisionOutcome.STUCK;
      }
      return DecisionOutcome.NEXT_STAGE;
    }
    state = RequestState.APPROVED;
    return DecisionOutcome.APPROVED;
  }

  /**
   * A catalog admin decides the whole request over the heads of its approvers, with a reason; it
   * also rescues a request that needs attention because nobody was left to approve it.
   */
  void override(PersonId admin, Verdict verdict, String reason, Instant at) {
    if (admin.equals(requester)) {
      throw new ForbiddenException("nobody may decide on their own request");
    }
    if (!awaitingApproval()) {
      throw new ConflictException(alreadyDecided() + "; it cannot be overridden now");
    }
    decisions.add(new Decision(currentStage, admin, verdict, reason.strip(), at, null, true));
    move(verdict == Verdict.APPROVED ? RequestState.APPROVED : RequestState.DENIED, at, admin.value(),
        (verdict == Verdict.APPROVED ? "approved" : "denied") + " as an admin override: " + reason.strip());
  }

  /**
   * The current stage's approvers change because the directory changed (a manager left or was
   * replaced). An approval already given by someone who stays still counts; one by someone removed
   * no longer does. A stage that can no longer complete sends the request to the admins.
   */
  void reassign(Stage resolved, Instant at, String actor, String reason) {
    requireState(RequestState.PENDING_APPROVAL, RequestState.PENDING_APPROVAL);
    stages.set(currentStage, resolved);
    updatedAt = at;
    note(at, actor, "approvers of stage " + (currentStage + 1) + " changed: " + reason);
    if (resolved.stuck()) {
      move(RequestState.NEEDS_ATTENTION, at, "sesame", stuckReason(resolved));
    }
  }

  /** The stage waited too long: {@code extra} (the approvers' managers) may now decide as well. */
  void escalate(Set<PersonId> extra, Instant at) {
    requireState(RequestState.PENDING_APPROVAL, RequestState.PENDING_APPROVAL);
    Stage stage = stages.get(currentStage);
    Set<PersonId> all = new java.util.TreeSet<>(stage.approvers());
    all.addAll(extra);
    all.remove(requester);
    stages.set(currentStage, stage.withApprovers(all, stage.fallback()));
    escalated = true;
    updatedAt = at;
    note(at, "sesame", "escalated stage " + (currentStage + 1) + (extra.isEmpty() ? " (nobody above the approvers)"
        : " to " + String.join(", ", extra.stream().map(PersonId::value).sorted().toList())));
  }

  /** The approvers who have not decided were reminded now. */
  void reminded(Instant at) {
    remindedAt = at;
  }

  /** Nobody decided in time. */
  void expire(Instant at, String reason) {
    requireState(RequestState.PENDING_APPROVAL, RequestState.EXPIRED);
    move(RequestState.EXPIRED, at, "sesame", reason);
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

  /** The history text that marks a request whose provisioning was reported as slow. */
  static final String DELAYED = "setting up the access is taking longer than usual";

  /**
   * Provisioning failed {@code failures} times in a row and is retried: noted once per request, so
   * that the people told about it are told once, also after an admin's retry. False when it was
   * noted already or the request is no longer being set up.
   */
  boolean delayed(Instant at, int failures) {
    if (state != RequestState.PROVISIONING && state != RequestState.APPROVED
        || history.stream().anyMatch(h -> h.text().startsWith(DELAYED))) {
      return false;
    }
    note(at, "sesame", DELAYED + " (" + failures + " failed attempts); the catalog admins were told");
    return true;
  }

  /**
   * An admin asks Sesame to set up the access again after provisioning gave up. Only an approved
   * request that needs attention can be retried; one that still waits for approvers cannot.
   */
  void retryProvisioning(PersonId admin, Instant at) {
    if (state != RequestState.NEEDS_ATTENTION || target == null || awaitingApproval()
        || decisions.stream().anyMatch(d -> d.verdict() == Verdict.DENIED)) {
      throw new ConflictException("the request is " + state.label() + "; only an approved request whose"
          + " provisioning gave up can be retried");
    }
    move(RequestState.APPROVED, at, admin.value(), "asked Sesame to set up the access again");
  }

  /**
   * An admin gives up provisioning for good: the request closes with their note, and the access is
   * left to people.
   */
  void handOver(PersonId admin, String note, Instant at) {
    if (state != RequestState.NEEDS_ATTENTION) {
      throw new ConflictException("the request is " + state.label() + "; only a request that needs attention"
          + " can be handed over");
    }
    move(RequestState.CLOSED, at, admin.value(), "closed: Sesame gave up setting up the access; " + note.strip());
  }

  private void startStage(Instant at) {
    stageStartedAt = at;
    remindedAt = null;
    escalated = false;
  }

  /** The seats that approved this stage and still sit in it. */
  private Set<PersonId> approvals(int stage) {
    Set<PersonId> seats = new java.util.TreeSet<>();
    decisions.stream()
        .filter(d -> d.stage() == stage && d.verdict() == Verdict.APPROVED && !d.override())
        .map(Decision::seat)
        .filter(stages.get(stage).approvers()::contains)
        .forEach(seats::add);
    return seats;
  }

  private String alreadyDecided() {
    Optional<Decision> last = decisions.stream().reduce((a, b) -> b);
    if (last.isPresent() && (state == RequestState.APPROVED || state == RequestState.DENIED
        || state == RequestState.PROVISIONING || state == RequestState.FULFILLED)) {
      Decision d = last.get();
      return "the request was already " + (d.verdict() == Verdict.APPROVED ? "approved" : "denied") + " by "
          + d.approver().value() + (d.override() ? " (admin override)" : "") + " at " + d.at()
          + " and is now " + state.label();
    }
    return "the request is already " + state.label();
  }

  private String whyNot(PersonId seat) {
    for (int i = currentStage + 1; i < stages.size(); i++) {
      if (stages.get(i).approvers().contains(seat)) {
        return "the request is waiting for stage " + (currentStage + 1) + " (" + stages.get(currentStage).label()
            + "); " + seat.value() + " decides at a later stage";
      }
    }
    return seat.value() + " is not an approver of this request now";
  }

  /**
   * Everyone who took part in approving an earlier stage of this request: who clicked, and whose
   * seat the click filled when they clicked as a delegate.
   */
  Set<PersonId> approvedEarlierStages() {
    Set<PersonId> people = new TreeSet<>();
    decisions.stream().filter(d -> d.stage() < currentStage && d.verdict() == Verdict.APPROVED && !d.override())
        .forEach(d -> {
          people.add(d.approver());
          people.add(d.seat());
        });
    return people;
  }

  private String fourEyes(PersonId involved, PersonId approver, @Nullable PersonId onBehalfOf) {
    String as = onBehalfOf == null ? "" : " (deciding on behalf of " + onBehalfOf.value() + ")";
    String who = involved.equals(approver) ? approver.value() + as
        : approver.value() + as + ": " + involved.value();
    return who + " already approved an earlier stage of this request, so cannot decide stage "
        + (currentStage + 1) + "; it needs someone else (four eyes)";
  }

  private static String stuckReason(Stage stage) {
    return "nobody can approve stage '" + stage.name() + "': it needs " + stage.required() + " approval"
        + (stage.required() == 1 ? "" : "s") + " and " + (stage.approvers().isEmpty() ? "nobody"
            : "only " + stage.approvers().size()) + " can decide" + (stage.fellBack() ? " (" + stage.fallback() + ")" : "")
        + "; an admin must decide";
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

  /** The policy terms the request was submitted under. */
  public PolicyTerms terms() {
    return terms;
  }

  public List<Stage> stages() {
    return List.copyOf(stages);
  }

  /** The index of the stage that waits (or decided last). */
  public int currentStage() {
    return currentStage;
  }

  /** The stage that waits, while the request waits for approval (or for an admin to rescue it). */
  public Optional<Stage> waitingStage() {
    return awaitingApproval() && !stages.isEmpty() ? Optional.of(stages.get(currentStage)) : Optional.empty();
  }

  /** Who may decide now; empty unless the request waits for approval. */
  public Set<PersonId> currentApprovers() {
    return state == RequestState.PENDING_APPROVAL && !stages.isEmpty()
        ? stages.get(currentStage).approvers() : Set.of();
  }

  /** The current approvers who have not approved yet: those a reminder goes to. */
  public Set<PersonId> undecidedApprovers() {
    if (state != RequestState.PENDING_APPROVAL || stages.isEmpty()) {
      return Set.of();
    }
    Set<PersonId> out = new java.util.TreeSet<>(stages.get(currentStage).approvers());
    out.removeAll(approvals(currentStage));
    return out;
  }

  /** How many approvals the current stage has, among those it needs. */
  public int approvalsInStage() {
    return stages.isEmpty() ? 0 : approvals(currentStage).size();
  }

  /**
   * True while no stage decision ended the approval: the request waits for its approvers, or went
   * to the admins because nobody was left to approve it.
   */
  public boolean awaitingApproval() {
    return state == RequestState.PENDING_APPROVAL
        || state == RequestState.NEEDS_ATTENTION && !stages.isEmpty() && decisions.stream().noneMatch(Decision::override)
            && approvals(currentStage).size() < stages.get(currentStage).required()
            && decisions.stream().noneMatch(d -> d.verdict() == Verdict.DENIED);
  }

  /** True when the person is an approver of any stage. */
  public boolean isApprover(PersonId person) {
    return stages.stream().anyMatch(s -> s.approvers().contains(person));
  }

  /** When the current stage started waiting. */
  public Instant stageStartedAt() {
    return stageStartedAt;
  }

  /** When the current stage's approvers were last reminded. */
  public Optional<Instant> remindedAt() {
    return Optional.ofNullable(remindedAt);
  }

  /** True when the current stage was escalated. */
  public boolean escalated() {
    return escalated;
  }

  /** The planned end of the access asked for; empty for access without an end date. */
  public Optional<Instant> until() {
    return Optional.ofNullable(until);
  }

  /** The grant whose end this request moves, when it is a renewal. */
  public Optional<GrantId> renews() {
    return Optional.ofNullable(renews);
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
