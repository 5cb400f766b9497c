package dev.sesame.request;

import dev.sesame.audit.AuditTrail;
import dev.sesame.common.Durations;
import dev.sesame.directory.PersonId;
import dev.sesame.platform.PeriodicTask;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Looks after waiting requests, one node at a time, every {@code sesame.approvals.sweep-every}:
 * moves each to the approvers its stage has now, expires it when its policy's time is up (the
 * requester and approvers are told), escalates a stage that waited too long to the approvers'
 * managers (who join, the approvers stay), and reminds the approvers who have not decided. Each
 * request is handled in its own transaction, so one failure never holds up the others.
 */
@Component
@EnableConfigurationProperties(ApprovalSettings.class)
class ApprovalSweep implements PeriodicTask {

  private static final Logger log = LoggerFactory.getLogger(ApprovalSweep.class);
  private static final int BATCH = 500;

  private final RequestRepository repository;
  private final ReassignRequest reassign;
  private final Approvers approvers;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final ApprovalSettings settings;

  ApprovalSweep(RequestRepository repository, ReassignRequest reassign, Approvers approvers, AuditTrail audit,
      ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock, ApprovalSettings settings) {
    this.repository = repository;
    this.reassign = reassign;
    this.approvers = approvers;
    this.audit = audit;
    this.events = events;
    this.transactions = transactions;
    this.clock = clock;
    this.settings = settings;
  }

  @Override
  public String name() {
    return "approval-sweep";
  }

  @Override
  public Duration every() {
    return settings.sweepEvery();
  }

  @Override
  public void run() {
    for (RequestId id : repository.waitingIds(BATCH)) {
      try {
        reassign.execute(id);
        transactions.executeWithoutResult(status -> look(id));
      } catch (RuntimeException e) {
        log.warn("Could not look after waiting request {}: {}", id, e.toString());
      }
    }
  }

  private void look(RequestId id) {
    AccessRequest request = repository.lock(id).orElseThrow();
    if (request.state() != RequestState.PENDING_APPROVAL) {
      return;
    }
    Instant now = clock.instant();
    PolicyTerms terms = request.terms();
    Set<PersonId> waiting = request.currentApprovers();
    if (terms.expiry().filter(d -> !now.isBefore(request.createdAt().plus(d))).isPresent()) {
      String reason = "nobody decided within " + Durations.words(terms.expireAfter()) + " (policy " + terms.policy() + ")";
      request.expire(now, "expired: " + reason);
      repository.update(request);
      audit.requestExpired(id.toString(), reason);
      events.publishEvent(new RequestEvent.Expired(request, waiting, reason));
      return;
    }
    boolean changed = false;
    if (!request.escalated()
        && terms.escalation().filter(d -> !now.isBefore(request.stageStartedAt().plus(d))).isPresent()) {
      Set<PersonId> managers = approvers.managersOf(request.undecidedApprovers(), request.requester());
      request.escalate(managers, now);
      audit.requestReassigned("sesame", id.toString(), request.currentStage() + 1, List.of(),
          managers.stream().map(PersonId::value).sorted().toList(),
          "escalated: no decision within " + Durations.words(terms.escalateAfter()));
      events.publishEvent(new RequestEvent.Escalated(request, managers));
      changed = true;
    }
    Instant last = request.remindedAt().orElse(request.stageStartedAt());
    if (terms.reminders().filter(d -> !now.isBefore(last.plus(d))).isPresent()) {
      Set<PersonId> undecided = request.undecidedApprovers();
      request.reminded(now);
      audit.approversReminded(id.toString(), undecided.stream().map(PersonId::value).sorted().toList());
      events.publishEvent(new RequestEvent.Reminded(request, undecided));
      changed = true;
    }
    if (changed) {
      repository.update(request);
    }
  }
}
