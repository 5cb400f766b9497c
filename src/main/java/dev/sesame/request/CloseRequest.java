package dev.sesame.request;

import dev.sesame.audit.AuditTrail;
import dev.sesame.directory.PersonId;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sesame closes an open request because something it depends on went away: the app was disabled
 * or archived, the role deleted, the group or the provisioning system changed, the requester was
 * deactivated. The close is audited with the actor whose change caused it, and the requester and
 * the approvers who were waiting are told. A closed request never reopens.
 */
@Component
class CloseRequest {

  private final RequestRepository repository;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final Clock clock;

  CloseRequest(RequestRepository repository, AuditTrail audit, ApplicationEventPublisher events,
      TransactionTemplate transactions, Clock clock) {
    this.repository = repository;
    this.audit = audit;
    this.events = events;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * Closes the request, whose row the caller's transaction has locked, when it is still open;
   * false when it no longer was.
   */
  boolean closeLocked(AccessRequest request, String reason, String actor) {
    if (!request.state().open()) {
      return false;
    }
    Set<PersonId> waiting = request.currentApprovers();
    request.close(clock.instant(), reason);
    repository.update(request);
    audit.requestClosed(actor, request.id().toString(), reason);
    events.publishEvent(new RequestEvent.Closed(request, reason, waiting));
    return true;
  }

  /** Locks and closes the request in a transaction of its own; the request when it was closed. */
  Optional<AccessRequest> execute(RequestId id, String reason, String actor) {
    return transactions.execute(status -> repository.lock(id).filter(r -> closeLocked(r, reason, actor)));
  }
}
