package dev.sesame.request;

import dev.sesame.approval.Stage;
import dev.sesame.audit.AuditTrail;
import dev.sesame.directory.PersonId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sesame moves a waiting request to the approvers its stage has now: the requester's manager
 * changed, an approver left or was deactivated, a group's members changed. Both sides are told,
 * and an approver the request left can no longer decide (403). Run before every decision and by
 * the background sweep.
 */
@Component
public class ReassignRequest {

  private final Approvers approvers;
  private final RequestRepository repository;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final Clock clock;

  ReassignRequest(Approvers approvers, RequestRepository repository, AuditTrail audit, ApplicationEventPublisher events,
      TransactionTemplate transactions, Clock clock) {
    this.approvers = approvers;
    this.repository = repository;
    this.audit = audit;
    this.events = events;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** Who would leave and who would join the waiting stage, and why; empty when nothing changes. */
  public record Change(Set<PersonId> removed, Set<PersonId> added, String reason) {}

  /** What a reassignment would change now, changing nothing. */
  public Optional<Change> dryRun(RequestId id) {
    return repository.find(id).flatMap(r -> approvers.resolveAgain(r).flatMap(s -> change(r, s)));
  }

  /** Reassigns the request when its stage's approvers changed, in a transaction of its own. */
  public Optional<Change> execute(RequestId id) {
    Optional<AccessRequest> found = repository.find(id);
    if (found.isEmpty() || found.get().state() != RequestState.PENDING_APPROVAL) {
      return Optional.empty();
    }
    Optional<Stage> resolved = approvers.resolveAgain(found.get());
    if (resolved.isEmpty()) {
      return Optional.empty();
    }
    return transactions.execute(status -> {
      AccessRequest request = repository.lock(id).orElseThrow();
      if (request.state() != RequestState.PENDING_APPROVAL || request.currentStage() != found.get().currentStage()) {
        return Optional.<Change>empty();
      }
      Optional<Change> change = change(request, resolved.get());
      change.ifPresent(c -> {
        request.reassign(resolved.get(), clock.instant(), "sesame", c.reason());
        repository.update(request);
        audit.requestReassigned("sesame", id.toString(), request.currentStage() + 1, logins(c.removed()),
            logins(c.added()), c.reason());
        events.publishEvent(new RequestEvent.Reassigned(request, c.removed(), c.added(), c.reason()));
        if (request.state() == RequestState.NEEDS_ATTENTION) {
          String reason = request.history().get(request.history().size() - 1).text();
          audit.needsAttention(id.toString(), reason);
          events.publishEvent(new RequestEvent.NeedsAttention(request, reason));
        }
      });
      return change;
    });
  }

  private static Optional<Change> change(AccessRequest request, Stage resolved) {
    Stage current = request.waitingStage().orElseThrow();
    if (current.approvers().equals(resolved.approvers()) && current.required() == resolved.required()) {
      return Optional.empty();
    }
    Set<PersonId> removed = new TreeSet<>(current.approvers());
    removed.removeAll(resolved.approvers());
    Set<PersonId> added = new TreeSet<>(resolved.approvers());
    added.removeAll(current.approvers());
    String reason = resolved.fellBack() ? resolved.fallback()
        : "the directory changed" + (removed.isEmpty() ? "" : ": " + String.join(", ", logins(removed))
            + " no longer " + (removed.size() == 1 ? "approves" : "approve"))
            + (added.isEmpty() ? "" : (removed.isEmpty() ? ": " : "; ") + String.join(", ", logins(added))
            + " now " + (added.size() == 1 ? "approves" : "approve"));
    return Optional.of(new Change(removed, added, reason));
  }

  private static List<String> logins(Set<PersonId> people) {
    return people.stream().map(PersonId::value).sorted().toList();
  }
}
