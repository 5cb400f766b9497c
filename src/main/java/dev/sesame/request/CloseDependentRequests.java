package dev.sesame.request;

import dev.sesame.catalog.AppChanged;
import dev.sesame.catalog.CatalogApp;
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
 */
@Component
class CloseDependentRequests {

  private final RequestRepository repository;
  private final CloseRequest close;
  private final Jobs jobs;

  CloseDependentRequests(RequestRepository repository, CloseRequest close, Jobs jobs) {
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
  }
}
