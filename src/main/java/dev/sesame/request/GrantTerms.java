package dev.sesame.request;

import dev.sesame.audit.AuditTrail;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Carries out a fulfilled renewal inside the transaction that fulfilled it: the renewed grant's
 * planned end moves to the renewal's {@code until} (no removal and no second grant, so the
 * identity system sees no churn), and the person is told. When the renewed grant was no longer
 * active by then, the renewal stands as a new grant of its own (recorded by
 * {@link RequestRepository#insertGrant}).
 */
@Component
class GrantTerms {

  private final GrantRepository grants;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;

  GrantTerms(GrantRepository grants, AuditTrail audit, ApplicationEventPublisher events) {
    this.grants = grants;
    this.audit = audit;
    this.events = events;
  }

  @EventListener
  void on(RequestEvent.Fulfilled event) {
    AccessRequest renewal = event.request();
    if (renewal.renews().isEmpty()) {
      return;
    }
    Optional<Grant> own = grants.byRequest(renewal.id());
    if (own.isPresent()) {
      events.publishEvent(new RequestEvent.AccessRenewed(renewal, own.get()));
      return;
    }
    GrantId id = renewal.renews().get();
    Optional<Grant> renewed = grants.lock(id)
        .filter(g -> g.person().equals(renewal.requester()) && g.state() == GrantState.ACTIVE);
    if (renewed.isEmpty()) {
      return;
    }
    Grant before = renewed.get();
    grants.moveEnd(id, renewal.until().orElse(null));
    audit.grantRenewed(before.request().toString(), id.value(), renewal.id().toString(),
        before.endsAt() == null ? "" : before.endsAt().toString(),
        renewal.until().map(Object::toString).orElse(""));
    events.publishEvent(new RequestEvent.AccessRenewed(renewal, grants.find(id).orElseThrow()));
  }
}
