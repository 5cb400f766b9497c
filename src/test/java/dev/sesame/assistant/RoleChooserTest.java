package dev.sesame.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sesame.assistant.RoleChooser.Choice;
import dev.sesame.assistant.RoleChooser.How;
import dev.sesame.catalog.Entries;
import dev.sesame.catalog.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoleChooserTest {

  private static final Role GITHUB_READ = Entries.role("read", "Read",
      "Browse and clone repositories, read issues and comment on pull requests.",
      "People who only browse code and review docs");
  private static final Role GITHUB_WRITE = Entries.role("write", "Write",
      "Push branches, open and merge pull requests and manage issues in team repositories.",
      "Engineers who push code and open pull requests");
  private static final Role GITHUB_ADMIN = Entries.role("admin", "Admin",
      "Manage repository settings, branch protection, teams and organisation-wide integrations.",
      "Repository and organisation administrators only");
  private static final List<Role> GITHUB_ROLES = List.of(GITHUB_READ, GITHUB_WRITE, GITHUB_ADMIN);

  private static final Role SALESFORCE_READ_ONLY = Entries.role("read-only", "Read-only",
      "View accounts, contacts, opportunities and reports.",
      "For people who only look up customers or read dashboards");
  private static final Role SALESFORCE_SALES_USER = Entries.role("sales-user", "Sales user",
      "Create and manage your own leads, contacts and opportunities, log activities and build forecasts.",
      "For account executives and SDRs who manage their own leads and opportunities");
  private static final Role SALESFORCE_ADMIN = Entries.role("admin", "Admin",
      "Configure objects, fields, page layouts, flows, reports and user permissions.",
      "Sales operations staff who configure Salesforce");
  private static final List<Role> SALESFORCE_ROLES =
      List.of(SALESFORCE_READ_ONLY, SALESFORCE_SALES_USER, SALESFORCE_ADMIN);

  // --- by number -----------------------------------------------------------------------------

  @Test
  void choose_whenDigit_thenRoleAtThatPosition() {
    assertThat(RoleChooser.choose("2", GITHUB_ROLES, true)).contains(new Choice(GITHUB_WRITE, How.NUMBER));
  }

  @Test
  void choose_whenOrdinal_thenRoleAtThatPosition() {
    assertThat(RoleChooser.choose("the second one", GITHUB_ROLES, true))
        .contains(new Choice(GITHUB_WRITE, How.NUMBER));
    assertThat(RoleChooser.choose("First", GITHUB_ROLES, true)).contains(new Choice(GITHUB_READ, How.NUMBER));
  }

  @Test
  void choose_whenHashOrOptionNumber_thenRoleAtThatPosition() {
    assertThat(RoleChooser.choose("#3", GITHUB_ROLES, true)).contains(new Choice(GITHUB_ADMIN, How.NUMBER));
    assertThat(RoleChooser.choose("option 1 please", GITHUB_ROLES, true))
        .contains(new Choice(GITHUB_READ, How.NUMBER));
  }

  @Test
  void choose_whenNumberOutOfRange_thenEmpty() {
    assertThat(RoleChooser.choose("9", GITHUB_ROLES, true)).isEmpty();
    assertThat(RoleChooser.choose("0", GITHUB_ROLES, true)).isEmpty();
    assertThat(RoleChooser.choose("the fourth", GITHUB_ROLES, true)).isEmpty();
  }

  @Test
  void choose_whenNumbersNotAllowed_thenDigitPicksNothing() {
    assertThat(RoleChooser.choose("2", GITHUB_ROLES, false)).isEmpty();
  }

  // --- by name -------------------------------------------------------------------------------

  @Test
  void choose_whenRoleName_thenByName() {
    assertThat(RoleChooser.choose("write", GITHUB_ROLES, true)).contains(new Choice(GITHUB_WRITE, How.NAME));
  }

  @Test
  void choose_whenRoleNameInSentence_thenByName() {
    assertThat(RoleChooser.choose("Write access please", GITHUB_ROLES, true))
        .contains(new Choice(GITHUB_WRITE, How.NAME));
  }

  @Test
  void choose_whenDashedNameContainsAnotherRoleName_thenLongestWins() {
    assertThat(RoleChooser.choose("read-only", SALESFORCE_ROLES, true))
        .contains(new Choice(SALESFORCE_READ_ONLY, How.NAME));
    assertThat(RoleChooser.choose("read only", SALESFORCE_ROLES, true))
        .contains(new Choice(SALESFORCE_READ_ONLY, How.NAME));
  }

  @Test
  void choose_whenDisplayName_thenByName() {
    assertThat(RoleChooser.choose("Sales user", SALESFORCE_ROLES, true))
        .contains(new Choice(SALESFORCE_SALES_USER, How.NAME));
  }

  // --- by hint -------------------------------------------------------------------------------

  @Test
  void choose_whenDescribingTheirWork_thenByHint() {
    assertThat(RoleChooser.choose("I'm an engineer and push code daily", GITHUB_ROLES, true))
        .contains(new Choice(GITHUB_WRITE, How.HINT));
  }

  @Test
  void choose_whenNamingTheirDepartment_thenByHint() {
    assertThat(RoleChooser.choose("I work in engineering", GITHUB_ROLES, true))
        .contains(new Choice(GITHUB_WRITE, How.HINT));
  }

  @Test
  void choose_whenDescribingSalesWork_thenByHint() {
    assertThat(RoleChooser.choose("I'm an account executive managing my own leads", SALESFORCE_ROLES, true))
        .contains(new Choice(SALESFORCE_SALES_USER, How.HINT));
  }

  @Test
  void choose_whenHintWordsMatchTwoRolesEqually_thenEmpty() {
    assertThat(RoleChooser.choose("code", GITHUB_ROLES, true)).isEmpty();
  }

  @Test
  void choose_whenUnrelatedWord_thenEmpty() {
    assertThat(RoleChooser.choose("banana", GITHUB_ROLES, true)).isEmpty();
    assertThat(RoleChooser.choose("yes please", GITHUB_ROLES, true)).isEmpty();
  }

  // --- number --------------------------------------------------------------------------------

  @Test
  void number_whenNoNumber_thenEmpty() {
    assertThat(RoleChooser.number(Words.of("write please"))).isEmpty();
  }

  @Test
  void number_whenFourDigits_thenNotANumber() {
    assertThat(RoleChooser.number(Words.of("1234"))).isEmpty();
  }
}
