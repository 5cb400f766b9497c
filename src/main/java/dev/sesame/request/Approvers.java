package dev.sesame.request;

import dev.sesame.approval.ApprovalPlan;
import dev.sesame.approval.ApprovalPlanner;
import dev.sesame.approval.ApprovalPolicies;
import dev.sesame.approval.ApprovalPolicy;
import dev.sesame.approval.RequestFacts;
import dev.sesame.approval.Stage;
import dev.sesame.catalog.Catalog;
import dev.sesame.catalog.CatalogApp;
import dev.sesame.catalog.CatalogEntry;
import dev.sesame.catalog.Role;
import dev.sesame.catalog.RoleName;
import dev.sesame.common.NotFoundException;
import dev.sesame.directory.CatalogAdmins;
import dev.sesame.directory.Directory;
import dev.sesame.directory.Person;
import dev.sesame.directory.PersonId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Who approves: the app's (or role's) policy resolved against the directory as it is now, with the
 * catalog admins as the default fallback. The one place chat, web, API and the background sweep
 * get approvers from.
 */
@Component
public class Approvers {

  private final ApprovalPolicies policies;
  private final Directory directory;
  private final CatalogAdmins catalogAdmins;
  private final Catalog catalog;

  Approvers(ApprovalPolicies policies, Directory directory, CatalogAdmins catalogAdmins, Catalog catalog) {
    this.policies = policies;
    this.directory = directory;
    this.catalogAdmins = catalogAdmins;
    this.catalog = catalog;
  }

  /** The policy that decides requests for this app and role. */
  public ApprovalPolicy policy(CatalogEntry entry, Optional<Role> role) {
    return policies.find(entry.policyFor(role)).orElseThrow(() -> new NotFoundException(
        "the approval policy " + entry.policyFor(role) + " of " + entry.name().value() + " does not exist"));
  }

  /** The stages a request by {@code requester} for this app and role would go through. */
  public ApprovalPlan plan(CatalogEntry entry, Optional<Role> role, Person requester) {
    return planner().plan(policy(entry, role), facts(entry, role.map(Role::name), requester));
  }

  /**
   * The request's waiting stage resolved again from the directory as it is now, excluding the
   * people who approved its earlier stages; empty when the app, role or requester is gone (other
   * rules close such requests).
   */
  Optional<Stage> resolveAgain(AccessRequest request) {
    Optional<Stage> waiting = request.waitingStage();
    Optional<CatalogEntry> entry = catalog.find(request.app()).map(CatalogApp::entry);
    Optional<Person> requester = directory.findFresh(request.requester());
    if (waiting.isEmpty() || entry.isEmpty() || requester.isEmpty()) {
      return Optional.empty();
    }
    // NB. Both who clicked and whose seat they filled: a delegate who approved stage 1 is no approver of stage 2.
    Set<PersonId> earlier = request.approvedEarlierStages();
    RequestFacts facts = facts(entry.get(), request.role(), requester.get());
    Stage resolved = planner().resolve(waiting.get(), request.terms().fallback(), facts, earlier);
    if (request.escalated()) {
      // NB. The managers an escalation added are not in the stage's sources: keep those still active.
      Set<PersonId> kept = new TreeSet<>(resolved.approvers());
      waiting.get().approvers().stream()
          .filter(p -> !p.equals(request.requester()) && !earlier.contains(p))
          .filter(p -> directory.find(p).filter(Person::active).isPresent())
          .forEach(kept::add);
      resolved = resolved.withApprovers(kept, resolved.fallback());
    }
    return Optional.of(resolved);
  }

  /** The managers of these people, for escalation: active, and never the requester. */
  Set<PersonId> managersOf(Set<PersonId> people, PersonId requester) {
    Set<PersonId> out = new TreeSet<>();
    for (PersonId id : people) {
      directory.find(id).flatMap(Person::managerId)
          .filter(m -> directory.find(m).filter(Person::active).isPresent())
          .ifPresent(out::add);
    }
    out.remove(requester);
    out.removeAll(people);
    return out;
  }

  private ApprovalPlanner planner() {
    return new ApprovalPlanner(directory, catalogAdmins.members());
  }

  private static RequestFacts facts(CatalogEntry entry, Optional<RoleName> role, Person requester) {
    return new RequestFacts(requester, entry.name().value(), role.map(RoleName::value).orElse(""),
        entry.appAdmins(), Map.of());
  }

  /** For tests and the console: the stages this policy gives this person for this app. */
  public ApprovalPlan preview(ApprovalPolicy policy, CatalogEntry entry, Optional<Role> role, Person requester) {
    return planner().plan(policy, facts(entry, role.map(Role::name), requester));
  }

  List<PersonId> catalogAdmins() {
    return List.copyOf(catalogAdmins.members());
  }
}
