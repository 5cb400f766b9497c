package dev.sesame.request;

import dev.sesame.approval.Delegations;
import dev.sesame.audit.AuditTrail;
import dev.sesame.common.ConflictException;
import dev.sesame.common.ForbiddenException;
import dev.sesame.common.InvalidInputException;
import dev.sesame.common.NotFoundException;
import dev.sesame.common.Texts;
import dev.sesame.directory.PersonId;
import dev.sesame.platform.Jobs;
import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An approver (or their delegate) approves or denies a request.
 *
 * <p>First the waiting stage is resolved again from the directory and, when it changed (the
 * requester's manager changed, an approver left), reassigned in its own transaction, so that the
 * decision is checked against the approvers as they are now and the reassignment stands even when
 * the decision is refused. Then the row is locked while the decision is checked and recorded: two
 * approvers deciding at once give one decision and one conflict, and when the last stage is
 * approved the provisioning job is written in the same transaction.
 *
 * <p>Before the decision, what the request depends on is read again: the requester from the
 * directory, fresh (someone deactivated gets nothing), and the app from the catalog (disabled,
 * archived, role deleted, group or system changed — normally closed already by
 * {@link CloseDependentRequests}, checked again for a decision racing the catalog change). When
 * something is gone the request is closed in a transaction of its own, the approvers are told, and
 * the decision is refused with 409 naming why.
 */
@Component
public class DecideRequest {

  private final RequestRepository repository;
  private final ReassignRequest reassign;
  private final Approvers approvers;
  private final Delegations delegations;
  private final AuditTrail audit;
  private final Jobs jobs;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final StillWanted stillWanted;
  private final CloseRequest close;

  DecideRequest(RequestRepository repository, ReassignRequest reassign, Approvers approvers, Delegations delegations,
      AuditTrail audit, Jobs jobs, ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock,
      StillWanted stillWanted, CloseRequest close) {
    this.stillWanted = stillWanted;
    this.close = close;
    this.repository = repository;
    this.reassign = reassign;
    this.approvers = approvers;
    this.delegations = delegations;
    this.audit = audit;
    this.jobs = jobs;
    this.events = events;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** {@code approver} decides {@code verdict} on the request, with an optional comment. */
  public record Command(RequestId request, PersonId approver, Verdict verdict, String comment) {}

  /** The request after the decision and what the decision did. */
  public record Result(AccessRequest request, AccessRequest.DecisionOutcome outcome) {}

  /** Records the decision; refuses non-approvers (403) and decided requests (409). */
  public Result execute(Command command) {
    Texts.require("comment", command.comment());
    if (command.comment().length() > 1000) {
      throw new InvalidInputException("comment", "has more than 1000 characters");
    }
    reassign.execute(command.request());
    closeIfGone(command);
    try {
      return transactions.execute(status -> decide(command));
    } catch (ForbiddenException e) {
      // NB. A refused decision is evidence too (someone tried to approve their own request).
      transactions.executeWithoutResult(status -> audit.decisionRefused(command.approver().value(),
          command.request().toString(), command.verdict() == Verdict.APPROVED ? "approved" : "denied", e.getMessage()));
      throw e;
    }
  }

  /**
   * Closes the waiting request when its requester left or its app changed under it, and refuses
   * the decision of one of its approvers with the reason (409). Anyone else goes on to the
   * decision, which refuses them as usual.
   */
  private void closeIfGone(Command command) {
    Optional<AccessRequest> found = repository.find(command.request());
    if (found.isEmpty() || found.get().state() != RequestState.PENDING_APPROVAL) {
      return;
    }
    AccessRequest request = found.get();
    // NB. The directory is read outside any transaction: no row stays locked while LDAP answers.
    Optional<String> reason = stillWanted.whyGone(request);
    if (reason.isEmpty()) {
      return;
    }
    Optional<AccessRequest> closed = close.execute(request.id(), reason.get(), "sesame");
    if (closed.isPresent() && decidesOn(closed.get(), command.approver())) {
      throw new ConflictException("the request was closed: " + reason.get() + "; nothing was granted");
    }
  }

  private boolean decidesOn(AccessRequest request, PersonId person) {
    return request.isApprover(person) || delegations.decidingFor(person).stream().anyMatch(request::isApprover);
  }

  private Result decide(Command command) {
    AccessRequest request = repository.lock(command.request())
        .orElseThrow(() -> new NotFoundException("there is no request " + command.request()));
    if (request.state() == RequestState.CLOSED && decidesOn(request, command.approver())) {
      HistoryEntry last = request.history().get(request.history().size() - 1);
      throw new ConflictException("the request was " + last.text() + " (at " + last.at() + "); it cannot be "
          + (command.verdict() == Verdict.APPROVED ? "approved" : "denied") + " now");
    }
    PersonId onBehalfOf = seatOf(request, command.approver());
    int stage = request.currentStage() + 1;
    AccessRequest.DecisionOutcome outcome =
        request.decide(command.approver(), onBehalfOf, command.verdict(), command.comment(), clock.instant());
    if (outcome == AccessRequest.DecisionOutcome.ALREADY_DECIDED) {
      return new Result(request, outcome);
    }
    if (outcome == AccessRequest.DecisionOutcome.NEXT_STAGE) {
      // NB. The next stage is resolved again at once: without the people who approved earlier
      // stages (four eyes), and as the directory is now.
      approvers.resolveAgain(request).filter(s -> !s.approvers().equals(request.currentApprovers()))
          .ifPresent(s -> request.reassign(s, clock.instant(), "sesame", s.fellBack() ? s.fallback()
              : "stage " + (request.currentStage() + 1) + " resolved when it started"));
      if (request.state() == RequestState.NEEDS_ATTENTION) {
        outcome = AccessRequest.DecisionOutcome.STUCK;
      }
    }
    repository.update(request);
    String id = request.id().toString();
    String comment = command.comment().strip();
    audit.decisionRecorded(command.approver().value(), id,
        command.verdict() == Verdict.APPROVED ? "approved" : "denied",
        onBehalfOf == null ? "person" : "delegate", comment,
        onBehalfOf == null ? "" : onBehalfOf.value(), stage);
    switch (outcome) {
      case APPROVED -> {
        jobs.schedule(FulfilRequest.TASK, id);
        events.publishEvent(new RequestEvent.Approved(request, command.approver().value()));
      }
      case NEXT_STAGE -> events.publishEvent(
          new RequestEvent.NextStage(request, command.approver(), request.currentApprovers()));
      case STUCK -> {
        String reason = request.history().get(request.history().size() - 1).text();
        audit.needsAttention(id, reason);
        events.publishEvent(new RequestEvent.NeedsAttention(request, reason));
      }
      case DENIED -> events.publishEvent(new RequestEvent.Denied(request, command.approver(), comment));
      case RECORDED, ALREADY_DECIDED -> { }
    }
    return new Result(request, outcome);
  }

  /**
   * The approver whose seat {@code person} fills: nobody's when they are an approver themselves,
   * else the first current approver who delegated to them.
   */
  private @Nullable PersonId seatOf(AccessRequest request, PersonId person) {
    if (request.currentApprovers().contains(person)) {
      return null;
    }
    Optional<PersonId> principal = delegations.decidingFor(person).stream()
        .filter(request.currentApprovers()::contains)
        .filter(p -> request.undecidedApprovers().contains(p))
        .findFirst();
    return principal.orElse(null);
  }
}
