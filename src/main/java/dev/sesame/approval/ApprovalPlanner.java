package dev.sesame.approval;

import dev.sesame.directory.Directory;
import dev.sesame.directory.Person;
import dev.sesame.directory.PersonId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Resolves a policy into stages of people for one request: one rule, used by chat, web and API
 * alike, at submission and again whenever a waiting request is looked at.
 *
 * <p>The rules, in order:
 * <ol>
 *   <li>a stage whose condition does not hold is skipped; with no stage left the request is
 *       approved at once, and the audit names the policy and the skipped stages;
 *   <li>the requester is never an approver, also when they belong to an approving group, and
 *       neither is anyone inactive in the directory, nor (four eyes) anyone who approved an earlier
 *       stage of the same request;
 *   <li>a stage with nobody left goes to the fallback approvers (the catalog admins unless the
 *       policy names others) and says why; a stage with some but fewer approvers than its quorum
 *       is topped up with the fallback approvers;
 *   <li>a stage that still cannot reach its quorum is "stuck": the request goes to the admins as
 *       needing attention — never approved because nobody is left.
 * </ol>
 * With fallback, "all" and "any" need one approval and "N of" still needs N.
 */
public final class ApprovalPlanner {

  private final Directory directory;
  private final Collection<PersonId> catalogAdmins;

  /** A planner reading people from {@code directory}, with these catalog admins as default fallback. */
  public ApprovalPlanner(Directory directory, Collection<PersonId> catalogAdmins) {
    this.directory = directory;
    this.catalogAdmins = List.copyOf(catalogAdmins);
  }

  /** The stages of {@code policy} for this request. */
  public ApprovalPlan plan(ApprovalPolicy policy, RequestFacts facts) {
    List<Stage> stages = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (StageRule rule : policy.stages()) {
      if (StageConditions.applies(rule.when(), facts)) {
        stages.add(resolve(rule.name(), rule.approvers(), rule.quorum(), policy.fallback(), facts, Set.of()));
      } else {
        skipped.add(rule.name());
      }
    }
    return new ApprovalPlan(policy.name(), stages, skipped);
  }

  /**
   * The stage resolved again from its sources, as the directory says now; {@code excluded} are
   * the people who approved earlier stages.
   */
  public Stage resolve(Stage stage, List<ApproverSource> fallback, RequestFacts facts, Set<PersonId> excluded) {
    return resolve(stage.name(), stage.sources(), stage.quorum(), fallback, facts, excluded);
  }

  /**
   * The people the sources name for this request before the rules remove anyone (the requester,
   * the inactive): what a preview compares the stage's approvers with.
   */
  public Set<PersonId> named(List<ApproverSource> sources, RequestFacts facts) {
    Set<PersonId> out = new TreeSet<>();
    for (ApproverSource source : sources) {
      out.addAll(people(source, facts, new ArrayList<>()));
    }
    return out;
  }

  private Stage resolve(String name, List<ApproverSource> sources, Quorum quorum,
      List<ApproverSource> fallbackSources, RequestFacts facts, Set<PersonId> excluded) {
    List<String> why = new ArrayList<>();
    Set<PersonId> own = new TreeSet<>();
    for (ApproverSource source : sources) {
      own.addAll(people(source, facts, why));
    }
    Set<PersonId> left = eligible(own, facts.requester().id(), excluded);
    if (own.contains(facts.requester().id()) && left.isEmpty()) {
      why.add("the requester is the only " + labels(sources).replace("app admins", "app admin")
          .replace("members of", "member of"));
    } else if (!own.isEmpty() && left.isEmpty()) {
      why.add("everyone who could approve as " + labels(sources) + " already approved an earlier stage");
    }
    int required = quorum.required(Math.max(left.size(), 1));
    if (!left.isEmpty() && left.size() >= required) {
      return new Stage(name, sources, quorum, left, required, "");
    }
    Set<PersonId> fallback = new TreeSet<>();
    if (fallbackSources == null) {
      fallback.addAll(eligible(new TreeSet<>(catalogAdmins), facts.requester().id(), excluded));
    } else {
      for (ApproverSource source : fallbackSources) {
        fallback.addAll(eligible(new TreeSet<>(people(source, facts, new ArrayList<>())),
            facts.requester().id(), excluded));
      }
    }
    if (why.isEmpty()) {
      why.add(left.isEmpty() ? "nobody is available as " + labels(sources)
          : "only " + left.size() + " of the " + required + " approvers needed are available");
    }
    Set<PersonId> all = new TreeSet<>(left);
    all.addAll(fallback);
    int needed = left.isEmpty() && quorum.atLeast() <= 1 ? 1 : required;
    return new Stage(name, sources, quorum, all, needed, String.join("; ", why));
  }

  private Set<PersonId> eligible(Set<PersonId> people, PersonId requester, Set<PersonId> excluded) {
    Set<PersonId> out = new TreeSet<>();
    for (PersonId id : people) {
      if (!id.equals(requester) && !excluded.contains(id) && active(id).isPresent()) {
        out.add(id);
      }
    }
    return out;
  }

  private Set<PersonId> people(ApproverSource source, RequestFacts facts, List<String> why) {
    Person requester = facts.requester();
    if (source instanceof ApproverSource.Manager) {
      return manager(requester, "the requester", why);
    }
    if (source instanceof ApproverSource.ManagersManager) {
      Set<PersonId> out = new LinkedHashSet<>();
      for (PersonId manager : manager(requester, "the requester", why)) {
        active(manager).ifPresent(p -> out.addAll(manager(p, manager.value(), why)));
      }
      return out;
    }
    if (source instanceof ApproverSource.AppAdmins) {
      if (facts.appAdmins().isEmpty()) {
        why.add("the app has no app admins");
      }
      return new LinkedHashSet<>(facts.appAdmins());
    }
    if (source instanceof ApproverSource.Named n) {
      if (active(n.person()).isEmpty()) {
        why.add(n.person().value() + " is not an active person in the directory");
      }
      return Set.of(n.person());
    }
    ApproverSource.GroupMembers g = (ApproverSource.GroupMembers) source;
    Set<PersonId> members = directory.membersOf(g.group());
    if (members.isEmpty()) {
      why.add("the group " + g.group() + " has no members");
    }
    return members;
  }

  private Set<PersonId> manager(Person person, String whose, List<String> why) {
    Optional<PersonId> manager = person.managerId();
    if (manager.isEmpty()) {
      why.add(whose + " has no manager on record");
      return Set.of();
    }
    if (active(manager.get()).isEmpty()) {
      why.add("the manager of " + whose + " (" + manager.get().value() + ") is no longer active");
      return Set.of();
    }
    return Set.of(manager.get());
  }

  private Optional<Person> active(PersonId id) {
    return directory.find(id).filter(Person::active);
  }

  private static String labels(List<ApproverSource> sources) {
    return String.join(" or ", sources.stream().map(ApproverSource::label).toList());
  }
}
