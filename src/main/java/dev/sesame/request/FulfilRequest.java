package dev.sesame.request;

import dev.sesame.audit.AuditTrail;
import dev.sesame.directory.Directory;
import dev.sesame.directory.Person;
import dev.sesame.platform.DurableTask;
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
 * The durable job that carries out an approved request: it adds the requester to the group in the
 * identity system, checks that the system now shows the membership, and only then marks the
 * request fulfilled and records the grant.
 *
 * <p>NB. The identity system is called outside any transaction. A crash after the call and before
 * the last commit leaves the request PROVISIONING; the job runs again, the system answers "already a
 * member", and the request is fulfilled once: the grant is keyed on the request.
 *
 * <p>A refusal that retrying cannot fix gives up at once ({@link DurableTask.GiveUp}); other
 * failures are retried. A job that gave up is on the dead-letter list (docs/provisioning-queue.md),
 * where an admin retries it or gives it up: {@link ProvisioningFollowUp} moves the request.
 */
@Component
public class FulfilRequest implements DurableTask {

  /** The task name under which the jobs are stored. */
  public static final String TASK = "fulfil-request";

  private final RequestRepository repository;
  private final Directory directory;
  private final ProvisioningSystems systems;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final ProvisioningSettings settings;
  private final CloseRequest close;
  private final ProvisioningFollowUp followUp;

  FulfilRequest(RequestRepository repository, Directory directory, ProvisioningSystems systems, AuditTrail audit,
      ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock, ProvisioningSettings settings,
      CloseRequest close, ProvisioningFollowUp followUp) {
    this.close = close;
    this.settings = settings;
    this.followUp = followUp;
    this.repository = repository;
    this.directory = directory;
    this.systems = systems;
    this.audit = audit;
    this.events = events;
    this.transactions = transactions;
    this.clock = clock;
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
  public Duration maxDelay() {
    return settings.maxDelay();
  }

  @Override
  public void run(String instanceId) {
    RequestId id = RequestId.parse(instanceId).orElseThrow();
    Optional<AccessRequest> started = transactions.execute(status -> start(id));
    if (started == null || started.isEmpty()) {
      return;
    }
    AccessRequest request = started.get();
    ProvisioningTarget target = request.target().orElseThrow();
    // NB. Read fresh: someone deactivated while the request waited gets nothing; the request closes.
    Optional<Person> person = directory.findFresh(request.requester()).filter(Person::active);
    if (person.isEmpty()) {
      close.execute(id, request.requester().value() + " is no longer active in the directory", "sesame");
      return;
    }
    Optional<Connector> connector = systems.connector(target.system());
    if (connector.isEmpty()) {
      throw new DurableTask.GiveUp("the provisioning system " + target.system().value() + " is no longer configured");
    }
    WriteResult result = connector.get().addMember(person.get(), target.group());
    if (result instanceof WriteResult.RetryLater later) {
      step(request, target, "retry", later.reason());
      throw new DurableTask.RetryLater(later.after(), later.reason());
    }
    if (result instanceof WriteResult.Rejected rejected) {
      step(request, target, "rejected", rejected.reason());
      throw new DurableTask.GiveUp(rejected.reason());
    }
    // NB. "Say the truth": the request is fulfilled only when the system itself shows the membership.
    if (!connector.get().isMember(person.get(), target.group())) {
      step(request, target, "not-confirmed", "the membership is not visible yet");
      throw new DurableTask.RetryLater(java.time.Duration.ofSeconds(10),
          target.system().value() + " does not show the membership yet");
    }
    String how = result instanceof WriteResult.AlreadyInState ? "already-member" : "applied";
    transactions.executeWithoutResult(status -> finish(id, target, how));
  }

  @Override
  public void gaveUp(String instanceId, Throwable lastFailure) {
    RequestId.parse(instanceId).ifPresent(id -> giveUp(id, lastFailure instanceof DurableTask.GiveUp
        ? dev.sesame.platform.DeadJobs.errorText(lastFailure)
        : "provisioning failed too often; the last error was: " + dev.sesame.platform.DeadJobs.errorText(lastFailure)));
  }

  /** Tells the requester and the catalog admins once that it takes longer: see {@link ProvisioningFollowUp}. */
  @Override
  public void failed(String instanceId, int failures, Throwable lastFailure) {
    followUp.failed(instanceId, failures, lastFailure);
  }

  @Override
  public Optional<dev.sesame.platform.JobSubject> describe(String instanceId) {
    return followUp.describe(instanceId);
  }

  /** The request goes from NEEDS_ATTENTION back to APPROVED: see {@link ProvisioningFollowUp#retried}. */
  @Override
  public void retried(String instanceId, dev.sesame.directory.PersonId admin) {
    followUp.retried(instanceId, admin);
  }

  /** The request closes and the requester is told IT will handle it: see {@link ProvisioningFollowUp#abandoned}. */
  @Override
  public void abandoned(String instanceId, dev.sesame.directory.PersonId admin, String note) {
    followUp.abandoned(instanceId, admin, note);
  }

  private Optional<AccessRequest> start(RequestId id) {
    Optional<AccessRequest> found = repository.lock(id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    AccessRequest request = found.get();
    if (request.state() == RequestState.APPROVED) {
      request.startProvisioning(clock.instant());
      repository.update(request);
      request.target().ifPresent(t ->
          audit.provisioningStep(id.toString(), t.system().value(), t.group().value(), "started", ""));
    }
    return request.state() == RequestState.PROVISIONING ? Optional.of(request) : Optional.empty();
  }

  private void finish(RequestId id, ProvisioningTarget target, String how) {
    AccessRequest request = repository.lock(id).orElseThrow();
    if (request.state() != RequestState.PROVISIONING) {
      return;
    }
    request.fulfil(clock.instant(), how.equals("applied")
        ? "added to " + target.group().value() + " in " + target.system().value()
        : "was already a member of " + target.group().value() + " in " + target.system().value());
    repository.update(request);
    repository.insertGrant(request, target, clock.instant());
    audit.provisioningStep(id.toString(), target.system().value(), target.group().value(), how, "");
    audit.grantProvisioned(id.toString(), request.requester().value(), target.system().value(), target.group().value());
    events.publishEvent(new RequestEvent.Fulfilled(request));
  }

  private void step(AccessRequest request, ProvisioningTarget target, String step, String message) {
    transactions.executeWithoutResult(status -> audit.provisioningStep(
        request.id().toString(), target.system().value(), target.group().value(), step, message));
  }

  private void giveUp(RequestId id, String reason) {
    transactions.executeWithoutResult(status -> repository.lock(id)
        .filter(r -> r.state().open())
        .ifPresent(request -> {
          request.needsAttention(clock.instant(), reason);
          repository.update(request);
          audit.needsAttention(id.toString(), reason);
          events.publishEvent(new RequestEvent.NeedsAttention(request, reason));
        }));
  }
}
