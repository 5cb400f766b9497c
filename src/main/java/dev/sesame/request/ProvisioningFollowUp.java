package dev.sesame.request;

import dev.sesame.audit.AuditTrail;
import dev.sesame.common.ConflictException;
import dev.sesame.directory.PersonId;
import dev.sesame.platform.DeadJobs;
import dev.sesame.platform.JobSubject;
import dev.sesame.provisioning.ProvisioningSettings;
import java.time.Clock;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What happens to a request around its provisioning job when the job fails: the requester and the
 * catalog admins are told once that it takes longer than usual (after
 * {@code sesame.provisioning.tell-after-attempts} failed attempts, 2 by default); when the job gave
 * up and an admin retries it, the request goes from NEEDS_ATTENTION back to APPROVED (and the job
 * moves it to PROVISIONING as usual); when an admin gives it up for good, the request closes with
 * the admin's note and the requester is told that IT will handle it.
 *
 * <p>Each runs in the transaction of the job runner or of the admin's decision, so a notice exists
 * exactly when the change was committed.
 */
@Component
class ProvisioningFollowUp {

  private final RequestRepository repository;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final ProvisioningSettings settings;

  ProvisioningFollowUp(RequestRepository repository, AuditTrail audit, ApplicationEventPublisher events, Clock clock,
      ProvisioningSettings settings) {
    this.repository = repository;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
    this.settings = settings;
  }

  /** The request a job works on, for the console's list of failed jobs. */
  Optional<JobSubject> describe(String instanceId) {
    return RequestId.parse(instanceId).flatMap(repository::find).map(r -> new JobSubject(
        "request:" + r.id(),
        r.app().value() + r.role().map(role -> " (" + role.value() + ")").orElse("") + " for " + r.requester().value(),
        "/admin/requests/" + r.id(),
        r.requester(),
        r.app().value() + r.role().map(role -> " (" + role.value() + ")").orElse(""),
        r.target().map(t -> t.system().value() + ": " + t.group().value()).orElse(""),
        r.state().label()));
  }

  /** A failed attempt that will be retried: from the configured count on, tell people once. */
  void failed(String instanceId, int failures, Throwable lastFailure) {
    if (failures < settings.tellAfterAttempts()) {
      return;
    }
    RequestId.parse(instanceId).flatMap(repository::lock).ifPresent(request -> {
      if (!request.delayed(clock.instant(), failures)) {
        return;
      }
      repository.update(request);
      request.target().ifPresent(t -> audit.provisioningStep(request.id().toString(), t.system().value(),
          t.group().value(), "delayed", failures + " failed attempts; the requester and the catalog admins were told"));
      events.publishEvent(new RequestEvent.Delayed(request, failures, DeadJobs.errorText(lastFailure)));
    });
  }

  /** An admin retries the job that gave up: the request is approved again and waits for the job. */
  void retried(String instanceId, PersonId admin) {
    AccessRequest request = locked(instanceId);
    Optional<AccessRequest> other = repository.findOpen(request.requester(), request.app(), request.role().orElse(null));
    if (other.isPresent()) {
      throw new ConflictException(request.requester().value() + " has asked for " + request.app().value()
          + " again since (request " + other.get().id() + "); give this one up instead");
    }
    request.retryProvisioning(admin, clock.instant());
    repository.update(request);
    events.publishEvent(new RequestEvent.Retried(request, admin));
  }

  /**
   * An admin gives the job up for good: the request closes with the note and the requester is told
   * that IT will handle it. Filing a ticket for it is the ticketing workflow's job, on the
   * {@link RequestEvent.HandedOver} event.
   */
  void abandoned(String instanceId, PersonId admin, String note) {
    AccessRequest request = locked(instanceId);
    request.handOver(admin, note, clock.instant());
    repository.update(request);
    audit.requestClosed(admin.value(), request.id().toString(), "gave up setting up the access: " + note);
    events.publishEvent(new RequestEvent.HandedOver(request, admin, note));
  }

  private AccessRequest locked(String instanceId) {
    return RequestId.parse(instanceId).flatMap(repository::lock)
        .orElseThrow(() -> new ConflictException("the failed job is about request " + instanceId
            + ", which does not exist"));
  }
}
