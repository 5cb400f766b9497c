package dev.sesame.request;

import dev.sesame.audit.AuditTrail;
import dev.sesame.common.InvalidInputException;
import dev.sesame.common.NotFoundException;
import dev.sesame.common.Texts;
import dev.sesame.directory.CatalogAdmins;
import dev.sesame.directory.PersonId;
import dev.sesame.platform.Jobs;
import java.time.Clock;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A catalog admin decides a request over the heads of its approvers — for a request nobody can
 * approve, or one that must not wait — always with a reason, never on their own request. The
 * audit records it as an override; the waiting approvers are told; a later decision gets 409. An
 * approval is refused (409, with the reason) when the requester left or the app changed under the
 * request (see {@link StillWanted}); a denial is always possible.
 */
@Component
public class OverrideRequest {

  private final RequestRepository repository;
  private final CatalogAdmins admins;
  private final AuditTrail audit;
  private final Jobs jobs;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final StillWanted stillWanted;

  OverrideRequest(RequestRepository repository, CatalogAdmins admins, AuditTrail audit, Jobs jobs,
      ApplicationEventPublisher events, Clock clock, StillWanted stillWanted) {
    this.stillWanted = stillWanted;
    this.repository = repository;
    this.admins = admins;
    this.audit = audit;
    this.jobs = jobs;
    this.events = events;
    this.clock = clock;
  }

  /** {@code admin} decides {@code verdict} for the whole request because of {@code reason}. */
  public record Command(RequestId request, PersonId admin, Verdict verdict, String reason) {}

  /** Records the override; 400 without a reason, 403 for non-admins and one's own request, 409 when decided. */
  @Transactional
  public AccessRequest execute(Command command) {
    Texts.require("reason", command.reason());
    if (command.reason().isBlank()) {
      throw new InvalidInputException("reason", "is required: say why the approvers are overridden");
    }
    if (command.reason().length() > 1000) {
      throw new InvalidInputException("reason", "has more than 1000 characters");
    }
    admins.require(command.admin());
    AccessRequest request = repository.lock(command.request())
        .orElseThrow(() -> new NotFoundException("there is no request " + command.request()));
    Set<PersonId> waiting = request.currentApprovers();
    if (command.verdict() == Verdict.APPROVED && request.awaitingApproval()) {
      stillWanted.whyGone(request).ifPresent(reason -> {
        throw new dev.sesame.common.ConflictException("the request cannot be approved: " + reason
            + "; deny it instead");
      });
    }
    request.override(command.admin(), command.verdict(), command.reason(), clock.instant());
    try {
      repository.update(request);
    } catch (org.springframework.dao.DuplicateKeyException e) {
      throw new dev.sesame.common.ConflictException(request.requester().value() + " has asked for "
          + request.app().value() + " again since; decide that request instead");
    }
    String id = request.id().toString();
    String verdict = command.verdict() == Verdict.APPROVED ? "approved" : "denied";
    audit.decisionRecorded(command.admin().value(), id, verdict, "override", command.reason().strip(), "",
        request.currentStage() + 1);
    events.publishEvent(new RequestEvent.Overridden(request, command.admin(), command.verdict(),
        command.reason().strip(), waiting));
    if (command.verdict() == Verdict.APPROVED) {
      jobs.schedule(FulfilRequest.TASK, id);
      events.publishEvent(new RequestEvent.Approved(request, command.admin().value()));
    } else {
      events.publishEvent(new RequestEvent.Denied(request, command.admin(), command.reason().strip()));
    }
    return request;
  }
}
