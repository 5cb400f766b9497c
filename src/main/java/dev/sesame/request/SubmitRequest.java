package dev.sesame.request;

import dev.sesame.approval.ApprovalPlan;
import dev.sesame.audit.AuditTrail;
import dev.sesame.catalog.AccessDuration;
import dev.sesame.catalog.AccessRules;
import dev.sesame.catalog.AppName;
import dev.sesame.catalog.Catalog;
import dev.sesame.catalog.CatalogApp;
import dev.sesame.catalog.CatalogEntry;
import dev.sesame.catalog.Role;
import dev.sesame.catalog.RoleName;
import dev.sesame.catalog.Strategy;
import dev.sesame.common.InvalidInputException;
import dev.sesame.common.NotFoundException;
import dev.sesame.directory.Directory;
import dev.sesame.directory.Person;
import dev.sesame.directory.PersonId;
import dev.sesame.platform.IdSource;
import dev.sesame.platform.Jobs;
import dev.sesame.provisioning.GroupExternalId;
import dev.sesame.provisioning.ProvisioningSystemId;
import dev.sesame.provisioning.ProvisioningSystems;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person asks for an app (and role). The dry run says what stands in the way or what is still
 * missing: it is what the assistant asks its next question from. {@code execute} recomputes it
 * and submits only when nothing is missing; asking again while a request is open returns that
 * request.
 */
@Component
public class SubmitRequest {

  private final Catalog catalog;
  private final Directory directory;
  private final Approvers approvers;
  private final ProvisioningSystems systems;
  private final RequestRepository repository;
  private final AuditTrail audit;
  private final Jobs jobs;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final IdSource ids;
  private final GrantRepository grants;

  SubmitRequest(Catalog catalog, Directory directory, Approvers approvers, ProvisioningSystems systems,
      RequestRepository repository, AuditTrail audit, Jobs jobs, ApplicationEventPublisher events, Clock clock,
      IdSource ids, GrantRepository grants) {
    this.grants = grants;
    this.catalog = catalog;
    this.directory = directory;
    this.approvers = approvers;
    this.systems = systems;
    this.repository = repository;
    this.audit = audit;
    this.jobs = jobs;
    this.events = events;
    this.clock = clock;
    this.ids = ids;
  }

  /**
   * The requester asks for {@code app}, and for {@code role} when the app has roles.
   *
   * @param until the planned end of the access; null for none (see the app's {@code accessDuration})
   * @param renewal true to move the end of the access the requester holds rather than ask for new
   *     access; a renewal goes through the app's (or role's) approval policy like any request
   */
  public record Command(PersonId requester, AppName app, @Nullable RoleName role, @Nullable Instant until,
      boolean renewal) {

    /** Asks for access without an end date. */
    public Command(PersonId requester, AppName app, @Nullable RoleName role) {
      this(requester, app, role, null, false);
    }
  }

  /** What stands between the requester and the app. */
  public enum Outcome {
    /** No such app in the catalog (or it is archived). */
    UNKNOWN_APP,
    /** The app exists but is not offered by the assistant. */
    DISABLED,
    /** The app's access rule refuses the requester. */
    NOT_ALLOWED,
    /** The app's access rule could not be evaluated for the requester. */
    RULE_FAILED,
    /** The app is self-service: the instructions are the answer. */
    SELF_SERVICE,
    /** The app has roles and none was chosen yet. */
    ROLE_NEEDED,
    /** The chosen role is not one of the app's roles. */
    UNKNOWN_ROLE,
    /** The requester already has this access. */
    ALREADY_HAS_ACCESS,
    /** The requester already has an open request for this. */
    ALREADY_REQUESTED,
    /** Access to the app (or role) must end on a date and none was given. */
    END_DATE_NEEDED,
    /** A renewal, but the requester holds no access to this app (or role) that ends on a date. */
    NOTHING_TO_RENEW,
    /** Nothing is missing: the request can be submitted. */
    READY
  }

  /**
   * The dry run's answer.
   *
   * @param heldRoles for role-based apps, the roles the requester already has
   * @param plan the approval stages the request would go through (READY only)
   * @param open the requester's open request for the same thing (ALREADY_REQUESTED only)
   */
  public record Analysis(
      Outcome outcome,
      Optional<CatalogApp> app,
      Optional<Role> role,
      List<RoleName> heldRoles,
      Optional<ApprovalPlan> plan,
      Optional<AccessRequest> open) {

    static Analysis of(Outcome outcome, @Nullable CatalogApp app) {
      return new Analysis(outcome, Optional.ofNullable(app), Optional.empty(), List.of(), Optional.empty(), Optional.empty());
    }
  }

  /** The result of {@code execute}: the analysis and, when there is one, the request. */
  public record Submission(Analysis analysis, Optional<AccessRequest> request, boolean created) {}

  /**
   * Works out what would happen, changing nothing.
   *
   * @throws dev.sesame.common.InvalidInputException naming {@code until} when the end date is in the
   *     past, too far ahead, or given for access that does not end on a date, or when a renewal's
   *     end is not after the current end of the access it renews (a renewal never shortens access)
   */
  public Analysis dryRun(Command command) {
    Person requester = directory.find(command.requester())
        .filter(Person::active)
        .orElseThrow(() -> new NotFoundException("there is no active person '" + command.requester().value() + "'"));
    Optional<CatalogApp> found = catalog.find(command.app()).filter(a -> !a.archived());
    if (found.isEmpty()) {
      return Analysis.of(Outcome.UNKNOWN_APP, null);
    }
    CatalogApp app = found.get();
    CatalogEntry entry = app.entry();
    if (!entry.enabledInBot()) {
      return Analysis.of(Outcome.DISABLED, app);
    }
    switch (AccessRules.evaluate(entry.accessRule(), requester)) {
      case REFUSED -> {
        return Analysis.of(Outcome.NOT_ALLOWED, app);
      }
      case FAILED -> {
        return Analysis.of(Outcome.RULE_FAILED, app);
      }
      case ALLOWED -> { }
    }
    if (entry.strategy() instanceof Strategy.SelfService) {
      return Analysis.of(Outcome.SELF_SERVICE, app);
    }
    if (command.role() != null && !(entry.strategy() instanceof Strategy.RoleAccess)) {
      return Analysis.of(Outcome.UNKNOWN_ROLE, app);
    }
    List<RoleName> held = heldRoles(requester, entry);
    Optional<Role> role = Optional.empty();
    if (entry.strategy() instanceof Strategy.RoleAccess roles) {
      if (command.role() == null) {
        return new Analysis(Outcome.ROLE_NEEDED, found, Optional.empty(), held, Optional.empty(), Optional.empty());
      }
      role = roles.role(command.role());
      if (role.isEmpty()) {
        return new Analysis(Outcome.UNKNOWN_ROLE, found, Optional.empty(), held, Optional.empty(), Optional.empty());
      }
      if (held.contains(command.role()) && !command.renewal()) {
        return new Analysis(Outcome.ALREADY_HAS_ACCESS, found, role, held, Optional.empty(), Optional.empty());
      }
    } else if (!command.renewal() && isMember(requester, entry)) {
      return new Analysis(Outcome.ALREADY_HAS_ACCESS, found, role, held, Optional.empty(), Optional.empty());
    }
    Optional<Grant> renewed = command.renewal() ? renewable(command, role) : Optional.empty();
    if (command.renewal() && renewed.isEmpty()) {
      return new Analysis(Outcome.NOTHING_TO_RENEW, found, role, held, Optional.empty(), Optional.empty());
    }
    if (command.until() != null && renewed.isPresent()) {
      Optional<String> shorter = EndDate.renewalProblem(command.until(), renewed.get().endsAt());
      if (shorter.isPresent()) {
        throw new InvalidInputException("until", shorter.get());
      }
    }
    AccessDuration duration = entry.durationFor(role);
    Optional<String> endProblem = duration.problem(command.until(), clock.instant());
    if (endProblem.isPresent()) {
      if (command.until() == null) {
        return new Analysis(Outcome.END_DATE_NEEDED, found, role, held, Optional.empty(), Optional.empty());
      }
      throw new InvalidInputException("until", endProblem.get());
    }
    if (command.renewal() && command.until() == null) {
      return new Analysis(Outcome.END_DATE_NEEDED, found, role, held, Optional.empty(), Optional.empty());
    }
    Optional<AccessRequest> open = repository.findOpen(requester.id(), entry.name(), role.map(Role::name).orElse(null));
    if (open.isPresent()) {
      return new Analysis(Outcome.ALREADY_REQUESTED, found, role, held, Optional.empty(), open);
    }
    ApprovalPlan plan = approvers.plan(entry, role, requester);
    return new Analysis(Outcome.READY, found, role, held, Optional.of(plan), Optional.empty());
  }

  /** Submits the request when nothing is missing; otherwise returns the analysis unchanged. */
  @Transactional
  public Submission execute(Command command) {
    // NB. Holds the app as it is until the request is stored: a catalog change that would close it
    // (app disabled, role deleted) waits for this transaction, then finds the request and closes it.
    catalog.findUnchanging(command.app());
    Analysis analysis = dryRun(command);
    if (analysis.outcome() == Outcome.ALREADY_REQUESTED) {
      return new Submission(analysis, analysis.open(), false);
    }
    if (analysis.outcome() != Outcome.READY) {
      if (analysis.outcome() == Outcome.NOT_ALLOWED) {
        CatalogEntry entry = analysis.app().orElseThrow().entry();
        audit.accessRuleRefused(command.requester().value(), entry.name().value(), entry.accessRule().expression());
      }
      return new Submission(analysis, Optional.empty(), false);
    }
    CatalogEntry entry = analysis.app().orElseThrow().entry();
    ApprovalPlan plan = analysis.plan().orElseThrow();
    AccessRequest request = AccessRequest.submit(new RequestId(ids.next()), command.requester(), entry.name(),
        analysis.role().map(Role::name).orElse(null), target(entry, analysis.role()),
        PolicyTerms.of(approvers.policy(entry, analysis.role())), plan.stages(), clock.instant())
        .withTerm(command.until(), command.renewal()
            ? renewable(command, analysis.role()).map(Grant::id).orElseThrow() : null);
    if (!repository.insert(request)) {
      // NB. Another node (or a double click) submitted the same request a moment ago: answer with
      // that request, as when it was found by the dry run.
      Optional<AccessRequest> open = repository.findOpen(command.requester(), entry.name(), request.role().orElse(null));
      Analysis already = new Analysis(Outcome.ALREADY_REQUESTED, analysis.app(), analysis.role(), analysis.heldRoles(),
          Optional.empty(), open);
      return new Submission(already, open, false);
    }
    List<String> approvers = new ArrayList<>(request.currentApprovers().stream().map(PersonId::value).sorted().toList());
    audit.requestSubmitted(command.requester().value(), request.id().toString(), entry.name().value(),
        request.role().map(RoleName::value).orElse(""), approvers);
    if (request.state() == RequestState.APPROVED) {
      audit.decisionRecorded("sesame", request.id().toString(), "approved", "automatic", plan.automaticReason());
      jobs.schedule(FulfilRequest.TASK, request.id().toString());
    }
    events.publishEvent(new RequestEvent.Submitted(request, request.currentApprovers()));
    if (request.state() == RequestState.APPROVED) {
      events.publishEvent(new RequestEvent.Approved(request, "sesame"));
    } else if (request.state() == RequestState.NEEDS_ATTENTION) {
      String reason = request.history().get(request.history().size() - 1).text();
      audit.needsAttention(request.id().toString(), reason);
      events.publishEvent(new RequestEvent.NeedsAttention(request, reason));
    }
    return new Submission(analysis, Optional.of(request), true);
  }

  /** The requester's active grant for the app (and role) that ends on a date: the one a renewal moves. */
  private Optional<Grant> renewable(Command command, Optional<Role> role) {
    return grants.held(command.requester(), command.app(), role.map(Role::name).orElse(null)).stream()
        .filter(g -> g.state() == GrantState.ACTIVE && g.endsAt() != null)
        .reduce((a, b) -> b);
  }

  private List<RoleName> heldRoles(Person person, CatalogEntry entry) {
    if (!(entry.strategy() instanceof Strategy.RoleAccess roles)) {
      return List.of();
    }
    return roles.roles().stream()
        .filter(r -> member(person, roles.provisioningSystem(), r.externalId()))
        .map(Role::name)
        .toList();
  }

  private boolean isMember(Person person, CatalogEntry entry) {
    return entry.strategy() instanceof Strategy.GroupAccess g
        && member(person, g.provisioningSystem(), g.externalId());
  }

  private boolean member(Person person, ProvisioningSystemId system, GroupExternalId group) {
    return systems.connector(system).map(c -> c.isMember(person, group)).orElse(false);
  }

  private static @Nullable ProvisioningTarget target(CatalogEntry entry, Optional<Role> role) {
    if (entry.strategy() instanceof Strategy.GroupAccess g) {
      return new ProvisioningTarget(g.provisioningSystem(), g.externalId());
    }
    if (entry.strategy() instanceof Strategy.RoleAccess r) {
      return new ProvisioningTarget(r.provisioningSystem(), role.orElseThrow().externalId());
    }
    return null;
  }
}
