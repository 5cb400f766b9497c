package dev.sesame.request;

import dev.sesame.audit.AuditTrail;
import dev.sesame.catalog.AppName;
import dev.sesame.catalog.RoleName;
import dev.sesame.common.NotFoundException;
import dev.sesame.platform.Jobs;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends access, or lets it go unmanaged. Ending marks the grant ENDING and queues the durable
 * {@link EndGrant} job in the caller's transaction; the grant becomes ENDED only when the identity
 * system confirmed the removal. Every entry point is audited with its actor.
 *
 * <p>Callers: the person themself ("remove my access"), app and catalog admins (revoke), the
 * grant sweep at a grant's planned end, and the catalog when a held role is deleted.
 * Authorization is the caller's job (see RevokeAccess for people and admins).
 */
@Component
public class EndAccess {

  private final GrantRepository grants;
  private final RequestRepository requests;
  private final Jobs jobs;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  EndAccess(GrantRepository grants, RequestRepository requests, Jobs jobs, AuditTrail audit,
      ApplicationEventPublisher events, Clock clock) {
    this.grants = grants;
    this.requests = requests;
    this.jobs = jobs;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Marks the grant ending and queues the removal, inside the caller's transaction (it must run in
   * one). Idempotent: an ended or unmanaged grant is left alone; an ending one keeps its first
   * actor and reason, and its removal is queued again when no job is waiting (e.g. after the
   * earlier one gave up).
   *
   * @param actor the login of who asks, or {@code sesame}
   * @param reason why the access ends, shown to the person and in the audit
   * @throws NotFoundException when there is no such grant
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void endInTransaction(GrantId grant, String actor, String reason) {
    Grant g = grants.lock(grant).orElseThrow(() -> new NotFoundException("there is no grant " + grant));
    switch (g.state()) {
      case ENDED, UNMANAGED -> {
        return;
      }
      case ENDING -> jobs.schedule(EndGrant.TASK, grant.toString());
      case ACTIVE -> {
        grants.markEnding(grant, clock.instant(), actor, reason);
        jobs.schedule(EndGrant.TASK, grant.toString());
        audit.grantEndRequested(actor, g.request().toString(), grant.value(), g.person().value(), reason);
        Grant ending = grants.find(grant).orElseThrow();
        requests.find(g.request()).ifPresent(r ->
            events.publishEvent(new RequestEvent.AccessEnding(r, ending, actor, reason)));
      }
    }
  }

  /**
   * The grants people hold for the app (active or already ending, not ended or unmanaged), and
   * only those of {@code role} when it is given; oldest first.
   */
  @Transactional(readOnly = true)
  public List<Grant> activeGrants(AppName app, @Nullable RoleName role) {
    return grants.held(app, role);
  }

  /**
   * Keeps the grant's membership but stops managing it: it no longer ends at a planned end, and
   * Sesame will not remove it. Idempotent; a grant that is already ending or ended is left as it is
   * (its removal goes on). Joins the caller's transaction, or runs in its own.
   *
   * @throws NotFoundException when there is no such grant
   */
  @Transactional
  public void keepUnmanaged(GrantId grant, String actor, String reason) {
    Grant g = grants.lock(grant).orElseThrow(() -> new NotFoundException("there is no grant " + grant));
    if (g.state() != GrantState.ACTIVE) {
      return;
    }
    grants.markUnmanaged(grant, clock.instant(), actor, reason);
    audit.grantUnmanaged(actor, g.request().toString(), grant.value(), g.person().value(), reason);
  }
}
