package dev.sesame.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sesame.catalog.AccessRule;
import dev.sesame.directory.EmploymentType;
import dev.sesame.directory.Person;
import org.junit.jupiter.api.Test;

class RuleExplainerTest {

  private static final Person SAMPLE_EMPLOYEE =
      dev.sesame.directory.People.employee("sam.patel", "Sales", EmploymentType.FULL_TIME, "priya.nair");

  @Test
  void explain_whenDepartmentEquals_thenNamesRequiredAndOwnDepartment() {
    assertThat(explain("user.department == 'Engineering'"))
        .contains("whose department is Engineering (yours is Sales)");
  }

  @Test
  void explain_whenCountryEquals_thenNamesRequiredAndOwnCountry() {
    assertThat(explain("user.country == 'US'")).contains("whose country is US (yours is DE)");
  }

  @Test
  void explain_whenEitherDepartment_thenOneListOfValues() {
    assertThat(explain("user.department == 'Design' || user.department == 'Marketing'")).contains(
        "whose department is Design or Marketing (yours is Sales)");
    assertThat(explain("user.department == 'Design' || (user.department == 'IT') || user.department == 'Legal'"))
        .contains("whose department is Design, IT or Legal (yours is Sales)");
  }

  @Test
  void explain_whenDifferentAttributesWithOr_thenJoinedWithOr() {
    assertThat(explain("user.department == 'Design' || user.country == 'US'")).contains(
        "whose department is Design (yours is Sales) or whose country is US (yours is DE)");
  }

  @Test
  void explain_whenBothConditions_thenJoinedWithAnd() {
    assertThat(explain("user.department == \"Sales\" && user.country != 'US'")).contains(
        "whose department is Sales (yours is Sales) and whose country is not US (yours is DE)");
  }

  @Test
  void explain_whenGroupMembership_thenNamesTheGroup() {
    assertThat(explain("'dept-engineering' in user.groups")).contains("who are in the group dept-engineering");
  }

  @Test
  void explain_whenListOfValues_thenOneOf() {
    assertThat(explain("user.department in ['Design', 'Marketing']"))
        .contains("whose department is one of Design, Marketing (yours is Sales)");
  }

  @Test
  void explain_whenEmploymentTypeExcluded_thenUsesPeoplesWords() {
    assertThat(explain("user.employmentType != 'intern'"))
        .contains("whose employment type is not intern (yours is full-time)");
  }

  @Test
  void explain_whenParenthesisedParts_thenExplained() {
    assertThat(explain("(user.country == 'US') || ('us-staff' in user.groups)"))
        .contains("whose country is US (yours is DE) or who are in the group us-staff");
  }

  @Test
  void explain_whenFunctionCall_thenEmpty() {
    assertThat(explain("size(user.groups) > 3")).isEmpty();
  }

  @Test
  void explain_whenAndMixedWithOr_thenEmpty() {
    assertThat(explain("(user.department == 'Design' || user.department == 'Marketing') && user.country == 'US'"))
        .isEmpty();
  }

  @Test
  void explain_whenAttributeNotExplainable_thenEmpty() {
    assertThat(explain("user.email == 'a@b.c'")).isEmpty();
    assertThat(explain("user.costCentre == '42'")).isEmpty();
  }

  private static java.util.Optional<String> explain(String rule) {
    return RuleExplainer.explain(new AccessRule(rule), SAMPLE_EMPLOYEE);
  }
}
