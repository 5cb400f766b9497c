package dev.sesame.request;

import dev.sesame.audit.AuditTrail;
import dev.sesame.directory.Directory;
import dev.sesame.directory.Person;
import dev.sesame.common.ConflictException;
import dev.sesame.directory.PersonId;
import dev.sesame.platform.DurableTask;
import dev.sesame.platform.JobSubject;
import dev.sesame.provisioning.Connector;
import dev.sesame.provisioning.ProvisioningSettings;
import dev.sesame.provisioning.ProvisioningSystems;
import dev.sesame.provisioning.WriteResult;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The durable job {@value #TASK} that removes an ending grant's membership from the identity
 * system, checks that the system no longer shows it, and only then marks the grant ended and tells
 * the person. "Already removed" counts as removed.
 *
 * <p>Each failed attempt is audited as a provisioning step {@code remove-failed} (or
 * {@code remove-retry} when the system asked to come back later, {@code remove-not-confirmed} when
 * it still shows the membership) and the job is retried with backoff ({@code
 * sesame.provisioning.first-retry}, {@code max-attempts}); a refusal by the system is retried like
 * any failure. When it gives up, the grant stays ENDING with the error recorded, the catalog admins
 * are alerted in chat (the person is told it takes longer), and the audit records
 * {@code grant.end-failed}; asking to end it again queues a new attempt.
 *
 * <p>NB. The identity system is called outside any transaction, like {@link FulfilRequest}.
 */
@Component
public class EndGrant implements DurableTask {

  /** The task name under which the jobs are stored. */
  public static final String TASK = "end-grant";

  private final GrantRepository grants;
  private final RequestRepository requests;
  private final Directory directory;
  private final ProvisioningSystems systems;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final ProvisioningSettings settings;

  EndGrant(GrantRepository grants, RequestRepository requests, Directory directory, ProvisioningSystems systems,
      AuditTrail audit, ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock,
      ProvisioningSettings settings) {
    this.grants = grants;
    this.requests = requests;
    this.directory = directory;
    this.systems = systems;
    this.audit = audit;
    this.events = events;
    this.transactions = transactions;
    this.clock = clock;
    this.settings = settings;
  }

  @Override
  public String name() {
    return TASK;
  }

  @Override
  public Duration firstRetry() {
    return settings.firstRetry();
  }

  @Override
  public int maxAttempts() {
    return settings.maxAttempts();
  }

  @Override
  public void run(String instanceId) {
    Optional<GrantId> id = GrantId.parse(instanceId);
    if (id.isEmpty()) {
      return;
    }
    Optional<Grant> found = grants.find(id.get()).filter(g -> g.state() == GrantState.ENDING);
    if (found.isEmpty()) {
      return;
    }
    Grant grant = found.get();
    ProvisioningTarget target = grant.target();
    Optional<Connector> connector = systems.connector(target.system());
    if (connector.isEmpty()) {
      throw failed(grant, "the provisioning system " + target.system().value() + " is not configured");
    }
    // NB. Someone deactivated is still in the directory and their membership must still go.
    Person person = directory.find(grant.person())
        .orElseThrow(() -> failed(grant, grant.person().value() + " is not in the directory"));
    WriteResult result;
    try {
      result = connector.get().removeMember(person, target.group());
    } catch (RuntimeException e) {
      throw failed(grant, String.valueOf(e.getMessage()));
    }
    if (result instanceof WriteResult.RetryLater later) {
      step(grant, "remove-retry", later.reason());
      throw new DurableTask.RetryLater(later.after(), later.reason());
    }
    if (result instanceof WriteResult.Rejected rejected) {
      // NB. Unlike adding, a refusal is retried too: access that must end should not stay because
      // of one refusal (a lock, a replication hiccup). After the last attempt the admins are told.
      throw failed(grant, rejected.reason());
    }
    boolean stillMember;
    try {
      stillMember = connector.get().isMember(person, target.group());
    } catch (RuntimeException e) {
      throw failed(grant, "could not check the removal: " + e.getMessage());
    }
    if (stillMember) {
      step(grant, "remove-not-confirmed", "the membership is still visible");
      throw new DurableTask.RetryLater(firstRetry(), target.system().value() + " still shows the membership");
    }
    String how = result instanceof WriteResult.AlreadyInState ? "already-removed" : "removed";
    transactions.executeWithoutResult(status -> finish(grant.id(), how));
  }

  @Override
  public void gaveUp(String instanceId, Throwable lastFailure) {
    GrantId.parse(instanceId).ifPresent(id ->
        giveUp(id, "removing the access failed too often; the last error was: " + lastFailure.getMessage()));
  }

  /** The grant and the person it belongs to, for the Failed Jobs list; it links to the grant's request. */
  @Override
  public Optional<JobSubject> describe(String instanceId) {
    return GrantId.parse(instanceId).flatMap(grants::find).map(g -> {
      // NB. The grant keeps the app's key; the request that created it keeps the name as it was written.
      String app = requests.find(g.request()).map(r -> r.app().value()).orElse(g.app())
          + (g.role() == null ? "" : " (" + g.role() + ")");
      return new JobSubject(
          "request:" + g.request(),
          "Remove " + app + " from " + g.person().value(),
          "/admin/requests/" + g.request(),
          g.person(),
          app,
          g.target().system().value() + ": " + g.target().group().value(),
          "access " + g.state().name().toLowerCase(java.util.Locale.ROOT));
    });
  }

  /** An admin retries the removal: the grant must still be ending, else there is nothing to remove. */
  @Override
  public void retried(String instanceId, PersonId admin) {
    Grant grant = GrantId.parse(instanceId).flatMap(grants::lock)
        .orElseThrow(() -> new ConflictException("the grant " + instanceId + " no longer exists"));
    if (grant.state() != GrantState.ENDING) {
      throw new ConflictException("the access is " + grant.state().name().toLowerCase(java.util.Locale.ROOT)
          + "; there is nothing to remove");
    }
  }

  /**
   * An admin gives the removal up: Sesame stops managing the access (it becomes UNMANAGED with the
   * admin's note), because it can no longer say it is gone; the admin removes it by hand.
   */
  @Override
  public void abandoned(String instanceId, PersonId admin, String note) {
    GrantId.parse(instanceId).flatMap(grants::lock).filter(g -> g.state() == GrantState.ENDING).ifPresent(g -> {
      String reason = "removal given up by " + admin.value() + ": " + note;
      grants.markUnmanaged(g.id(), clock.instant(), admin.value(), reason);
      audit.grantUnmanaged(admin.value(), g.request().toString(), g.id().value(), g.person().value(), reason);
    });
  }

  private void finish(GrantId id, String how) {
    Optional<Grant> locked = grants.lock(id).filter(g -> g.state() == GrantState.ENDING);
    if (locked.isEmpty()) {
      return;
    }
    Grant g = locked.get();
    String actor = g.endRequestedBy() == null ? "sesame" : g.endRequestedBy();
    grants.markEnded(id, clock.instant(), actor);
    ProvisioningTarget t = g.target();
    audit.provisioningStep(g.request().toString(), t.system().value(), t.group().value(), how, "");
    audit.grantEnded(g.request().toString(), id.value(), g.person().value(), t.system().value(), t.group().value(),
        how);
    Grant ended = grants.find(id).orElseThrow();
    requests.find(g.request()).ifPresent(r -> events.publishEvent(
        new RequestEvent.AccessEnded(r, ended, g.endReason() == null ? "" : g.endReason())));
  }

  /** Audits the failed attempt, records the error on the grant, and returns the exception that makes the job retry. */
  private RuntimeException failed(Grant grant, String message) {
    transactions.executeWithoutResult(status -> {
      ProvisioningTarget t = grant.target();
      audit.provisioningStep(grant.request().toString(), t.system().value(), t.group().value(), "remove-failed",
          message);
      grants.recordEndError(grant.id(), message);
    });
    return new IllegalStateException(message);
  }

  private void step(Grant grant, String step, String message) {
    transactions.executeWithoutResult(status -> audit.provisioningStep(grant.request().toString(),
        grant.target().system().value(), grant.target().group().value(), step, message));
  }

  private void giveUp(GrantId id, String error) {
    transactions.executeWithoutResult(status -> grants.lock(id)
        .filter(g -> g.state() == GrantState.ENDING)
        .ifPresent(g -> {
          grants.recordEndError(id, error);
          audit.grantEndFailed(g.request().toString(), id.value(), g.person().value(), error);
          Grant failed = grants.find(id).orElseThrow();
          requests.find(g.request()).ifPresent(r ->
              events.publishEvent(new RequestEvent.AccessEndFailed(r, failed, error)));
        }));
  }
}
