package dev.sesame.catalog.web;

import dev.sesame.approval.ApprovalPlan;
import dev.sesame.approval.ApprovalPlanner;
import dev.sesame.approval.ApprovalPolicies;
import dev.sesame.approval.ApprovalPolicy;
import dev.sesame.approval.PolicyName;
import dev.sesame.approval.RequestFacts;
import dev.sesame.catalog.AccessRule;
import dev.sesame.catalog.AccessRules;
import dev.sesame.common.UnavailableException;
import dev.sesame.directory.CatalogAdmins;
import dev.sesame.directory.Directory;
import dev.sesame.directory.Person;
import dev.sesame.directory.PersonId;
import dev.sesame.provisioning.GroupExternalId;
import dev.sesame.provisioning.ProvisioningSystemId;
import dev.sesame.provisioning.ProvisioningSystems;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The editor's "try it" tools, run on what the admin typed before anything is saved: does this
 * group exist, does this person pass the access rule, who would approve this person's request.
 * Every answer is a sentence for the page; nothing here throws for bad input.
 */
@Component
class EditorChecks {

  private final ProvisioningSystems systems;
  private final Directory directory;
  private final CatalogAdmins catalogAdmins;
  private final ApprovalPolicies policies;

  EditorChecks(ProvisioningSystems systems, Directory directory, CatalogAdmins catalogAdmins,
      ApprovalPolicies policies) {
    this.systems = systems;
    this.directory = directory;
    this.catalogAdmins = catalogAdmins;
    this.policies = policies;
  }

  /** The names of every approval policy, ready-made first, for the select. */
  List<String> policyNames() {
    return policies.all().stream().map(p -> p.name().value()).toList();
  }

  /** The configured provisioning systems, for the select. */
  List<String> systemIds() {
    return systems.ids().stream().map(ProvisioningSystemId::value).sorted().toList();
  }

  /** The first configured system, preselected for new apps. */
  String defaultSystem() {
    return systemIds().isEmpty() ? "" : systemIds().get(0);
  }

  /** Looks the group up in the system. */
  Outcome group(String system, String externalId) {
    Optional<ProvisioningSystemId> id = ProvisioningSystemId.parse(system);
    if (id.isEmpty() || systems.connector(id.get()).isEmpty()) {
      return Outcome.bad("There is no provisioning system '" + system + "'. Choose one of " + systemIds() + ".");
    }
    if (externalId.isBlank() || externalId.strip().length() > 1024) {
      return Outcome.bad("Enter the group's external ID (1 to 1024 characters) first.");
    }
    GroupExternalId group = new GroupExternalId(externalId);
    try {
      return systems.connector(id.get()).get().findGroup(group)
          .map(info -> Outcome.good("Found in " + system + ": " + info.displayName()))
          .orElseGet(() -> Outcome.bad("There is no group '" + group.value() + "' in " + system + "."));
    } catch (UnavailableException e) {
      return Outcome.bad(system + " cannot be reached, so the group could not be checked: " + e.getMessage());
    }
  }

  /** Evaluates the rule for one person, with the attributes the rule saw. */
  RuleTest rule(String expression, String login) {
    AccessRule rule;
    try {
      rule = new AccessRule(expression);
    } catch (IllegalArgumentException e) {
      return new RuleTest(Outcome.bad("The rule " + e.getMessage() + "."), Map.of());
    }
    Optional<String> problem = AccessRules.problem(rule);
    if (problem.isPresent()) {
      return new RuleTest(Outcome.bad("The rule " + problem.get()), Map.of());
    }
    Optional<Person> person = person(login);
    if (person.isEmpty()) {
      return new RuleTest(Outcome.bad("There is nobody with the login '" + login.strip() + "' in the directory."), Map.of());
    }
    Person p = person.get();
    Outcome outcome = switch (AccessRules.evaluate(rule, p)) {
      case ALLOWED -> Outcome.good("true — " + p.displayName() + " may have this app.");
      case REFUSED -> Outcome.bad("false — " + p.displayName() + " may not have this app.");
      case FAILED -> Outcome.bad("The rule could not be evaluated for " + p.displayName()
          + " (it uses an attribute they lack, or does not yield true or false).");
    };
    return new RuleTest(outcome, p.attributes());
  }

  /** Who would approve this person's request, stage by stage, under the flow and admins typed. */
  Approvers approvers(String flowName, String appAdmins, String login, String appName) {
    Optional<ApprovalPolicy> flow = PolicyName.parse(flowName).flatMap(policies::find);
    if (flow.isEmpty()) {
      return Approvers.problem("Choose an approval flow first.");
    }
    Optional<Person> requester = person(login);
    if (requester.isEmpty()) {
      return Approvers.problem("There is nobody with the login '" + login.strip() + "' in the directory.");
    }
    List<PersonId> admins = AppForm.commaList(appAdmins).stream().flatMap(a -> PersonId.parse(a).stream()).toList();
    ApprovalPlan plan = new ApprovalPlanner(directory, catalogAdmins.members())
        .plan(flow.get(), new RequestFacts(requester.get(), appName.strip(), "", admins, Map.of()));
    if (plan.automatic()) {
      return new Approvers(List.of("Nobody: the request is approved as soon as "
          + requester.get().displayName() + " confirms it."), "");
    }
    List<String> stages = new ArrayList<>();
    for (int i = 0; i < plan.stages().size(); i++) {
      var stage = plan.stages().get(i);
      List<String> names = stage.approvers().stream().sorted().map(this::describe).toList();
      String quorum = stage.required() > 1 ? stage.required() + " of " : "";
      stages.add("Stage " + (i + 1) + " (" + stage.name() + "): "
          + (stage.stuck() ? "nobody can complete it; the request goes to the admins"
              : quorum + String.join(stage.required() > 1 ? ", " : " or ", names))
          + (stage.fellBack() ? " — standing in because " + stage.fallback() : ""));
    }
    return new Approvers(stages, "");
  }

  private String describe(PersonId id) {
    return directory.find(id).map(p -> p.displayName() + " (" + id.value() + ")").orElse(id.value());
  }

  private Optional<Person> person(String login) {
    return PersonId.parse(login).flatMap(directory::find);
  }

  // ---------------------------------------------------------------------------------------------

  /** An answer for the page: good (green) or not (red). */
  record Outcome(boolean ok, String message) {
    static Outcome good(String message) {
      return new Outcome(true, message);
    }

    static Outcome bad(String message) {
      return new Outcome(false, message);
    }
  }

  /** The result of testing the access rule against one person. */
  record RuleTest(Outcome outcome, Map<String, Object> attributes) {}

  /** The stages of approvers, or why they could not be worked out. */
  record Approvers(List<String> stages, String problem) {
    static Approvers problem(String problem) {
      return new Approvers(List.of(), problem);
    }
  }
}
