package dev.sesame.catalog.web;

import dev.sesame.approval.ApprovalPlan;
import dev.sesame.approval.ApprovalPlanner;
import dev.sesame.approval.ApprovalPolicy;
import dev.sesame.approval.RequestFacts;
import dev.sesame.approval.Stage;
import dev.sesame.approval.StageConditions;
import dev.sesame.approval.StageRule;
import dev.sesame.catalog.AppName;
import dev.sesame.catalog.Catalog;
import dev.sesame.catalog.CatalogEntry;
import dev.sesame.catalog.RoleName;
import dev.sesame.common.FieldError;
import dev.sesame.common.InvalidInputException;
import dev.sesame.directory.CatalogAdmins;
import dev.sesame.directory.Directory;
import dev.sesame.directory.Person;
import dev.sesame.directory.PersonId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Who would approve a request by one person under one policy, stage by stage: the API's preview
 * and the console's. It asks the {@link ApprovalPlanner} the requests use, so a preview says what
 * a real request would get; it adds only the words around it (why a stage applies, who the rules
 * took out and why).
 */
@Component
class PolicyPreviews {

  private static final Pattern USER_ATTRIBUTE = Pattern.compile("\\buser\\.(\\w+)");
  private static final Pattern APP_OR_ROLE = Pattern.compile("(?<![.\\w'\"])(app|role)(?![\\w'\"])");

  private final Catalog catalog;
  private final Directory directory;
  private final CatalogAdmins admins;

  PolicyPreviews(Catalog catalog, Directory directory, CatalogAdmins admins) {
    this.catalog = catalog;
    this.directory = directory;
    this.admins = admins;
  }

  /**
   * The preview of {@code policy} for a request by {@code person} for {@code app} (blank: no app,
   * so nobody is an app admin) and {@code role} (blank: none).
   *
   * @throws InvalidInputException naming {@code person}, {@code app} or {@code role} when the
   *     directory or the catalog does not know it
   */
  Preview preview(ApprovalPolicy policy, String person, String app, String role) {
    List<FieldError> errors = new ArrayList<>();
    Optional<Person> requester = PersonId.parse(person).flatMap(directory::find);
    if (requester.isEmpty()) {
      errors.add(new FieldError("person", person.isBlank() ? "is required: the login of the person who would ask"
          : "there is no person '" + person.strip() + "' in the directory"));
    }
    Optional<CatalogEntry> entry = app.isBlank() ? Optional.empty()
        : AppName.parse(app).flatMap(catalog::find).map(a -> a.entry());
    if (!app.isBlank() && entry.isEmpty()) {
      errors.add(new FieldError("app", "there is no app '" + app.strip() + "' in the catalog"));
    }
    Optional<RoleName> roleName = Optional.empty();
    if (!role.isBlank()) {
      roleName = RoleName.parse(role).filter(r -> entry.flatMap(e -> e.role(r)).isPresent());
      if (roleName.isEmpty() && (entry.isPresent() || app.isBlank())) {
        errors.add(new FieldError("role", entry.map(e -> e.name().value() + " has no role '" + role.strip() + "'"
            + (e.roles().isEmpty() ? "" : "; its roles are " + e.roles().stream().map(r -> r.name().value()).toList()))
            .orElse("choose the app first")));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    RequestFacts facts = new RequestFacts(requester.orElseThrow(), entry.map(e -> e.name().value()).orElse(""),
        roleName.map(RoleName::value).orElse(""), entry.map(CatalogEntry::appAdmins).orElse(List.of()), Map.of());
    ApprovalPlanner planner = new ApprovalPlanner(directory, admins.members());
    ApprovalPlan plan = planner.plan(policy, facts);
    List<StagePreview> stages = new ArrayList<>();
    int next = 0;
    for (StageRule rule : policy.stages()) {
      StageConditions.Evaluation condition = StageConditions.evaluate(rule.when(), facts);
      Stage stage = condition.applies() && next < plan.stages().size() ? plan.stages().get(next++) : null;
      stages.add(new StagePreview(rule, condition, saw(rule.when(), facts), stage,
          stage == null ? List.of() : removed(planner.named(rule.approvers(), facts), stage, facts)));
    }
    return new Preview(policy, facts.requester(), entry, facts.role(), plan, stages);
  }

  /** "Isabel Romero (isabel.romero)", or the login alone for someone the directory lacks. */
  String describe(PersonId id) {
    return directory.find(id).map(p -> p.displayName() + " (" + id.value() + ")").orElse(id.value());
  }

  // The values the condition looked at, e.g. "user.employmentType = contractor".
  private static List<String> saw(String when, RequestFacts facts) {
    Set<String> seen = new LinkedHashSet<>();
    Map<String, Object> attributes = facts.requester().attributes();
    Matcher user = USER_ATTRIBUTE.matcher(when);
    while (user.find()) {
      Object value = attributes.get(user.group(1));
      seen.add("user." + user.group(1) + " = " + (value == null ? "(no such attribute)" : value));
    }
    Matcher other = APP_OR_ROLE.matcher(when);
    while (other.find()) {
      String value = other.group(1).equals("app") ? facts.app() : facts.role();
      seen.add(other.group(1) + " = " + (value.isEmpty() ? "(none)" : value));
    }
    return List.copyOf(seen);
  }

  private List<Removed> removed(Set<PersonId> named, Stage stage, RequestFacts facts) {
    List<Removed> out = new ArrayList<>();
    for (PersonId id : named) {
      if (stage.approvers().contains(id)) {
        continue;
      }
      Optional<Person> person = directory.find(id);
      String why = id.equals(facts.requester().id()) ? "the requester never approves their own request"
          : person.isEmpty() ? "not in the directory"
          : !person.get().active() ? "no longer active in the directory" : "left out by the rules";
      out.add(new Removed(describe(id), why));
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * A preview: the plan the requests would get, and one entry per stage of the policy.
   *
   * @param role the role's name, empty for none
   */
  record Preview(ApprovalPolicy policy, Person requester, Optional<CatalogEntry> app, String role, ApprovalPlan plan,
      List<StagePreview> stages) {}

  /**
   * One stage of the policy for this request.
   *
   * @param saw the values its condition looked at, e.g. {@code user.employmentType = contractor}
   * @param stage the stage as planned; null when its condition is false
   * @param removed the people its sources name whom the rules took out
   */
  record StagePreview(StageRule rule, StageConditions.Evaluation condition, List<String> saw, @Nullable Stage stage,
      List<Removed> removed) {

    /** True when the stage applies to this request. */
    public boolean applies() {
      return stage != null;
    }

    /** Why the stage applies or not, in a sentence. */
    public String reason() {
      String values = saw.isEmpty() ? "" : " (" + String.join(", ", saw) + ")";
      return switch (condition.outcome()) {
        case ALWAYS -> "Applies: the stage has no condition.";
        case TRUE -> "Applies: the condition is true" + values + ".";
        case FALSE -> "Skipped: the condition is false" + values + ".";
        case FAILED -> "Applies: the condition could not be evaluated" + values + " — " + condition.problem()
            + " — and a condition that fails adds its stage rather than skipping it.";
      };
    }
  }

  /** Someone a stage's sources name who will not approve, and why. */
  record Removed(String person, String why) {}
}
