package dev.sesame.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sesame.catalog.AccessRules.Outcome;
import dev.sesame.directory.EmploymentType;
import dev.sesame.directory.People;
import dev.sesame.directory.Person;
import org.junit.jupiter.api.Test;

class AccessRulesTest {

  private static final Person SAMPLE_ENGINEER =
      People.employee("alex.kim", "Engineering", EmploymentType.FULL_TIME, "priya.nair");
  private static final Person SAMPLE_DESIGNER =
      People.employee("sam.patel", "Design", EmploymentType.FULL_TIME, "priya.nair");
  private static final Person SAMPLE_INTERN =
      People.employee("jo.berg", "Engineering", EmploymentType.INTERN, "alex.kim");
  private static final AccessRule ENGINEERING_ONLY = new AccessRule("user.department == 'Engineering'");

  // --- problem -------------------------------------------------------------------------------

  @Test
  void problem_whenComparisonOfAttribute_thenNone() {
    assertThat(AccessRules.problem(ENGINEERING_ONLY)).isEmpty();
  }

  @Test
  void problem_whenGroupMembershipAndCombinations_thenNone() {
    assertThat(AccessRules.problem(new AccessRule("'dept-engineering' in user.groups"))).isEmpty();
    assertThat(AccessRules.problem(new AccessRule(
        "user.employmentType != 'intern' && (user.country == 'US' || user.country == 'DE')"))).isEmpty();
    assertThat(AccessRules.problem(new AccessRule("user.department in ['Design', 'Marketing']"))).isEmpty();
    assertThat(AccessRules.problem(new AccessRule("size(user.groups) > 3"))).isEmpty();
  }

  @Test
  void problem_whenEveryone_thenNone() {
    assertThat(AccessRules.problem(AccessRule.EVERYONE)).isEmpty();
  }

  @Test
  void problem_whenUnknownVariable_thenNamesItWithPosition() {
    assertThat(AccessRules.problem(new AccessRule("employee.department == 'Engineering'")))
        .hasValue("does not compile: line 1, column 1: undeclared reference to 'employee' (in container '')");
  }

  @Test
  void problem_whenResultIsNotBoolean_thenReported() {
    assertThat(AccessRules.problem(new AccessRule("'Engineering'")))
        .hasValueSatisfying(problem -> assertThat(problem).contains("expected type 'bool' but found 'string'"));
    assertThat(AccessRules.problem(new AccessRule("size(user.groups)")))
        .hasValueSatisfying(problem -> assertThat(problem).contains("found 'int'"));
  }

  @Test
  void problem_whenAttributeIsUsedAsTheWholeRule_thenNotAYesNoRule() {
    assertThat(AccessRules.problem(new AccessRule("user.department")))
        .hasValue("is not a yes/no rule: it yields a text, not true or false; compare an attribute, "
            + "e.g. user.department == 'Engineering'");
    assertThat(AccessRules.problem(new AccessRule("user.groups"))).hasValueSatisfying(p -> assertThat(p).contains("a list"));
    assertThat(AccessRules.problem(new AccessRule("user.active"))).isEmpty();
  }

  @Test
  void problem_whenSyntaxError_thenLineAndColumn() {
    assertThat(AccessRules.problem(new AccessRule("user.department == ")))
        .hasValueSatisfying(problem -> assertThat(problem).startsWith("does not compile: line 1, column 19: "));
  }

  @Test
  void problem_whenErrorOnSecondLine_thenLineTwo() {
    assertThat(AccessRules.problem(new AccessRule("user.department == 'Engineering' &&\n  nobody.knows")))
        .hasValueSatisfying(problem -> assertThat(problem).contains("line 2, column 3"));
  }

  // --- evaluate ------------------------------------------------------------------------------

  @Test
  void evaluate_whenDepartmentMatches_thenAllowed() {
    assertThat(AccessRules.evaluate(ENGINEERING_ONLY, SAMPLE_ENGINEER)).isEqualTo(Outcome.ALLOWED);
  }

  @Test
  void evaluate_whenDepartmentDiffers_thenRefused() {
    assertThat(AccessRules.evaluate(ENGINEERING_ONLY, SAMPLE_DESIGNER)).isEqualTo(Outcome.REFUSED);
  }

  @Test
  void evaluate_whenInGroup_thenAllowed() {
    AccessRule rule = new AccessRule("'dept-engineering' in user.groups");

    assertThat(AccessRules.evaluate(rule, SAMPLE_ENGINEER)).isEqualTo(Outcome.ALLOWED);
    assertThat(AccessRules.evaluate(rule, SAMPLE_DESIGNER)).isEqualTo(Outcome.REFUSED);
  }

  @Test
  void evaluate_whenInGroupAddedLater_thenAllowed() {
    AccessRule rule = new AccessRule("'figma-editors' in user.groups");

    assertThat(AccessRules.evaluate(rule, People.withGroups(SAMPLE_DESIGNER, "figma-editors")))
        .isEqualTo(Outcome.ALLOWED);
  }

  @Test
  void evaluate_whenEmploymentTypeExcluded_thenRefusedOnlyForThatType() {
    AccessRule rule = new AccessRule("user.employmentType != 'intern'");

    assertThat(AccessRules.evaluate(rule, SAMPLE_ENGINEER)).isEqualTo(Outcome.ALLOWED);
    assertThat(AccessRules.evaluate(rule, SAMPLE_INTERN)).isEqualTo(Outcome.REFUSED);
  }

  @Test
  void evaluate_whenCountryRule_thenFollowsCountry() {
    AccessRule rule = new AccessRule("user.country == 'US'");

    assertThat(AccessRules.evaluate(rule, SAMPLE_ENGINEER)).isEqualTo(Outcome.REFUSED);
    assertThat(AccessRules.evaluate(rule, People.withCountry(SAMPLE_ENGINEER, "US"))).isEqualTo(Outcome.ALLOWED);
  }

  @Test
  void evaluate_whenEveryone_thenAllowed() {
    assertThat(AccessRules.evaluate(AccessRule.EVERYONE, SAMPLE_INTERN)).isEqualTo(Outcome.ALLOWED);
  }

  @Test
  void evaluate_whenAttributeMissing_thenFailed() {
    assertThat(AccessRules.evaluate(new AccessRule("user.costCentre == '42'"), SAMPLE_ENGINEER))
        .isEqualTo(Outcome.FAILED);
  }

  @Test
  void evaluate_whenRuleDoesNotCompile_thenFailed() {
    assertThat(AccessRules.evaluate(new AccessRule("user.department =="), SAMPLE_ENGINEER))
        .isEqualTo(Outcome.FAILED);
  }

  @Test
  void evaluate_whenRuleYieldsTextInsteadOfBoolean_thenFailedNotRefused() {
    assertThat(AccessRules.evaluate(new AccessRule("user.department"), SAMPLE_ENGINEER))
        .isEqualTo(Outcome.FAILED);
  }

  @Test
  void evaluate_whenBooleanAttribute_thenFollowsIt() {
    assertThat(AccessRules.evaluate(new AccessRule("user.active"), SAMPLE_ENGINEER)).isEqualTo(Outcome.ALLOWED);
  }

  @Test
  void evaluate_whenEvaluatedTwice_thenSameOutcome() {
    assertThat(AccessRules.evaluate(ENGINEERING_ONLY, SAMPLE_ENGINEER)).isEqualTo(Outcome.ALLOWED);
    assertThat(AccessRules.evaluate(ENGINEERING_ONLY, SAMPLE_DESIGNER)).isEqualTo(Outcome.REFUSED);
  }
}
