package dev.sesame.request;

import dev.sesame.audit.AuditTrail;
import dev.sesame.common.NotFoundException;
import dev.sesame.directory.PersonId;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The requester withdraws a request that has not started provisioning. */
@Component
public class CancelRequest {

  private final RequestRepository repository;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  CancelRequest(RequestRepository repository, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
    this.repository = repository;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /** Cancels the request; only its requester may, and only while it waits. */
  @Transactional
  public AccessRequest execute(RequestId id, PersonId by) {
    AccessRequest request = repository.lock(id)
        .filter(r -> r.requester().equals(by))
        .orElseThrow(() -> new NotFoundException("there is no request " + id + " of yours"));
    request.cancel(by, clock.instant());
    repository.update(request);
    audit.requestCancelled(by.value(), id.toString());
    events.publishEvent(new RequestEvent.Cancelled(request));
    return request;
  }
}
