package dev.sesame.request;

import dev.sesame.audit.AuditTrail;
import dev.sesame.common.InvalidInputException;
import dev.sesame.common.NotFoundException;
import dev.sesame.common.Texts;
import dev.sesame.directory.PersonId;
import dev.sesame.platform.Jobs;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An approver approves or denies a request. The row is locked while the decision is checked and
 * recorded, so two approvers deciding at once give one decision and one conflict; when the last
 * stage is approved the provisioning job is written in the same transaction.
 */
@Component
public class DecideRequest {

  private final RequestRepository repository;
  private final AuditTrail audit;
  private final Jobs jobs;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  DecideRequest(RequestRepository repository, AuditTrail audit, Jobs jobs, ApplicationEventPublisher events, Clock clock) {
    this.repository = repository;
    this.audit = audit;
    this.jobs = jobs;
    this.events = events;
    this.clock = clock;
  }

  /** {@code approver} decides {@code verdict} on the request, with an optional comment. */
  public record Command(RequestId request, PersonId approver, Verdict verdict, String comment) {}

  /** The request after the decision and what the decision did. */
  public record Result(AccessRequest request, AccessRequest.DecisionOutcome outcome) {}

  /** Records the decision; refuses non-approvers (403) and decided requests (409). */
  @Transactional
  public Result execute(Command command) {
    Texts.require("comment", command.comment());
    if (command.comment().length() > 1000) {
      throw new InvalidInputException("comment", "has more than 1000 characters");
    }
    AccessRequest request = repository.lock(command.request())
        .orElseThrow(() -> new NotFoundException("there is no request " + command.request()));
    AccessRequest.DecisionOutcome outcome =
        request.decide(command.approver(), command.verdict(), command.comment(), clock.instant());
    if (outcome == AccessRequest.DecisionOutcome.ALREADY_DECIDED) {
      return new Result(request, outcome);
    }
    repository.update(request);
    String id = request.id().toString();
    audit.decisionRecorded(command.approver().value(), id,
        command.verdict() == Verdict.APPROVED ? "approved" : "denied", "person", command.comment().strip());
    switch (outcome) {
      case APPROVED -> {
        jobs.schedule(FulfilRequest.TASK, id);
        events.publishEvent(new RequestEvent.Approved(request, command.approver().value()));
      }
      case NEXT_STAGE -> events.publishEvent(
          new RequestEvent.NextStage(request, command.approver(), request.currentApprovers()));
      case DENIED -> events.publishEvent(new RequestEvent.Denied(request, command.approver(), command.comment().strip()));
      case ALREADY_DECIDED -> { }
    }
    return new Result(request, outcome);
  }
}
