package dev.sesame.request;

import dev.sesame.catalog.AppChanged;
import dev.sesame.catalog.CatalogApp;
import dev.sesame.catalog.HeldAccess;
import dev.sesame.catalog.Role;
import dev.sesame.platform.Jobs;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When an app changes, closes the open requests that depended on what went away — the app was
 * disabled or archived, the role deleted, the group or the provisioning system changed — with a
 * reason, in the transaction of the change, and tells the requesters and the waiting approvers. A
 * closed request never reopens: re-creating the role later leaves it closed.
 *
 * <p>NB. A request whose provisioning job is running now is left alone: the identity system may be
 * adding the person at this very moment, and closing the request would leave a membership nobody
 * records. It finishes as a grant like any other (which an admin can end). A request waiting for its
 * first or next attempt is closed; its job then finds it closed and does nothing.
 *
 * <p>A deleted role that people hold comes with the admin's choice (the catalog refuses the change
 * without one): {@code remove} ends each grant through {@link EndAccess} (the removal is a durable
 * job, and the grant ends only when the identity system confirmed it); {@code keep} leaves the
 * memberships in place, unmanaged.
 */
@Component
class CloseDependentRequests {

  private final RequestRepository repository;
  private final CloseRequest close;
  private final Jobs jobs;
  private final EndAccess access;

  CloseDependentRequests(RequestRepository repository, CloseRequest close, Jobs jobs, EndAccess access) {
    this.access = access;
    this.repository = repository;
    this.close = close;
    this.jobs = jobs;
  }

  @EventListener
  void on(AppChanged change) {
    if (change.before() == null) {
      return;
    }
    Optional<CatalogApp> now = Optional.of(change.after());
    for (AccessRequest request : repository.lockOpen(change.after().name())) {
      Optional<String> reason = Dependencies.whyGone(request, now);
      if (reason.isEmpty()) {
        continue;
      }
      if (request.state() == RequestState.PROVISIONING && jobs.running(FulfilRequest.TASK, request.id().toString())) {
        continue;
      }
      close.closeLocked(request, reason.get(), change.actor().value());
    }
    if (change.heldAccess() != null) {
      for (Role role : change.removedRoles()) {
        String reason = "the role " + role.name().value() + " was removed from " + change.after().name().value();
        for (Grant grant : access.activeGrants(change.after().name(), role.name())) {
          if (change.heldAccess() == HeldAccess.Choice.REMOVE) {
            access.endInTransaction(grant.id(), change.actor().value(), reason);
          } else {
            access.keepUnmanaged(grant.id(), change.actor().value(), reason + "; the access was kept, unmanaged");
          }
        }
      }
    }
  }
}
