package dev.sesame.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sesame.directory.EmploymentType;
import dev.sesame.directory.People;
import dev.sesame.directory.Person;
import dev.sesame.directory.PersonId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApprovalPlannerTest {

  private static final PersonId SAMPLE_MANAGER = new PersonId("priya.nair");
  private static final PersonId SAMPLE_APP_ADMIN = new PersonId("dana.whitfield");
  private static final PersonId OTHER_APP_ADMIN = new PersonId("kenji.sato");
  private static final PersonId SAMPLE_CATALOG_ADMIN = new PersonId("nikolai.petrov");
  private static final Person SAMPLE_EMPLOYEE =
      People.employee("alex.kim", "Engineering", EmploymentType.FULL_TIME, "priya.nair");
  private static final Person SAMPLE_CONTRACTOR =
      People.employee("sam.patel", "Engineering", EmploymentType.CONTRACTOR, "priya.nair");
  private static final Person SAMPLE_INTERN =
      People.employee("jo.berg", "Engineering", EmploymentType.INTERN, "priya.nair");
  private static final List<PersonId> APP_ADMINS = List.of(SAMPLE_APP_ADMIN, OTHER_APP_ADMIN);
  private static final List<PersonId> CATALOG_ADMINS = List.of(SAMPLE_CATALOG_ADMIN);

  // --- the six flows -------------------------------------------------------------------------

  @Test
  void plan_whenAutoApprove_thenNoStages() {
    ApprovalPlan plan = plan(ApprovalFlow.AUTO_APPROVE, SAMPLE_EMPLOYEE);

    assertThat(plan.stages()).isEmpty();
    assertThat(plan.automatic()).isTrue();
    assertThat(plan.flow()).isEqualTo(ApprovalFlow.AUTO_APPROVE);
  }

  @Test
  void plan_whenManager_thenOneStageWithTheManager() {
    assertThat(plan(ApprovalFlow.MANAGER, SAMPLE_EMPLOYEE).stages())
        .containsExactly(new Stage(ApproverKind.MANAGER, Set.of(SAMPLE_MANAGER)));
  }

  @Test
  void plan_whenAppAdmin_thenOneStageWithEveryAppAdmin() {
    assertThat(plan(ApprovalFlow.APP_ADMIN, SAMPLE_EMPLOYEE).stages())
        .containsExactly(new Stage(ApproverKind.APP_ADMIN, Set.of(SAMPLE_APP_ADMIN, OTHER_APP_ADMIN)));
  }

  @Test
  void plan_whenAppAdminThenManager_thenTwoStagesInThatOrder() {
    ApprovalPlan plan = plan(ApprovalFlow.APP_ADMIN_THEN_MANAGER, SAMPLE_EMPLOYEE);

    assertThat(plan.stages()).containsExactly(
        new Stage(ApproverKind.APP_ADMIN, Set.of(SAMPLE_APP_ADMIN, OTHER_APP_ADMIN)),
        new Stage(ApproverKind.MANAGER, Set.of(SAMPLE_MANAGER)));
    assertThat(plan.automatic()).isFalse();
  }

  @Test
  void plan_whenManagerThenAppAdmin_thenTwoStagesInThatOrder() {
    assertThat(plan(ApprovalFlow.MANAGER_THEN_APP_ADMIN, SAMPLE_EMPLOYEE).stages()).containsExactly(
        new Stage(ApproverKind.MANAGER, Set.of(SAMPLE_MANAGER)),
        new Stage(ApproverKind.APP_ADMIN, Set.of(SAMPLE_APP_ADMIN, OTHER_APP_ADMIN)));
  }

  @Test
  void plan_whenAutoApproveFullTimeElseAppAdminForFullTime_thenNoStages() {
    assertThat(plan(ApprovalFlow.AUTO_APPROVE_FULL_TIME_ELSE_APP_ADMIN, SAMPLE_EMPLOYEE).automatic()).isTrue();
  }

  @Test
  void plan_whenAutoApproveFullTimeElseAppAdminForContractor_thenAppAdminStage() {
    assertThat(plan(ApprovalFlow.AUTO_APPROVE_FULL_TIME_ELSE_APP_ADMIN, SAMPLE_CONTRACTOR).stages())
        .containsExactly(new Stage(ApproverKind.APP_ADMIN, Set.of(SAMPLE_APP_ADMIN, OTHER_APP_ADMIN)));
  }

  @Test
  void plan_whenAutoApproveFullTimeElseAppAdminForIntern_thenAppAdminStage() {
    assertThat(plan(ApprovalFlow.AUTO_APPROVE_FULL_TIME_ELSE_APP_ADMIN, SAMPLE_INTERN).stages())
        .containsExactly(new Stage(ApproverKind.APP_ADMIN, Set.of(SAMPLE_APP_ADMIN, OTHER_APP_ADMIN)));
  }

  // --- nobody approves their own request --------------------------------------------------------

  @Test
  void plan_whenRequesterIsOneOfTheAppAdmins_thenOnlyTheOtherAdmins() {
    Person admin = People.employee("dana.whitfield", "IT", EmploymentType.FULL_TIME, "priya.nair");

    assertThat(plan(ApprovalFlow.APP_ADMIN, admin).stages())
        .containsExactly(new Stage(ApproverKind.APP_ADMIN, Set.of(OTHER_APP_ADMIN)));
  }

  @Test
  void plan_whenRequesterIsTheOnlyAppAdmin_thenFallbackToCatalogAdmins() {
    Person admin = People.employee("dana.whitfield", "IT", EmploymentType.FULL_TIME, "priya.nair");

    ApprovalPlan plan = ApprovalPlanner.plan(ApprovalFlow.APP_ADMIN, admin, List.of(SAMPLE_APP_ADMIN), CATALOG_ADMINS);

    assertThat(plan.stages()).containsExactly(new Stage(ApproverKind.FALLBACK, Set.of(SAMPLE_CATALOG_ADMIN)));
  }

  @Test
  void plan_whenRequesterIsTheirOwnManager_thenFallbackToCatalogAdmins() {
    Person ceo = People.employee("priya.nair", "Management", EmploymentType.FULL_TIME, "priya.nair");

    assertThat(plan(ApprovalFlow.MANAGER, ceo).stages())
        .containsExactly(new Stage(ApproverKind.FALLBACK, Set.of(SAMPLE_CATALOG_ADMIN)));
  }

  @Test
  void plan_whenRequesterIsAppAdminInTwoStageFlow_thenOnlyTheirStageFallsBack() {
    Person admin = People.employee("dana.whitfield", "IT", EmploymentType.FULL_TIME, "priya.nair");

    ApprovalPlan plan = ApprovalPlanner.plan(ApprovalFlow.MANAGER_THEN_APP_ADMIN, admin,
        List.of(SAMPLE_APP_ADMIN), CATALOG_ADMINS);

    assertThat(plan.stages()).containsExactly(
        new Stage(ApproverKind.MANAGER, Set.of(SAMPLE_MANAGER)),
        new Stage(ApproverKind.FALLBACK, Set.of(SAMPLE_CATALOG_ADMIN)));
  }

  @Test
  void plan_whenRequesterIsAlsoCatalogAdmin_thenRemovedFromFallbackToo() {
    Person admin = People.employee("nikolai.petrov", "IT", EmploymentType.FULL_TIME, null);

    ApprovalPlan plan = ApprovalPlanner.plan(ApprovalFlow.MANAGER, admin, APP_ADMINS,
        List.of(SAMPLE_CATALOG_ADMIN, new PersonId("lee.wong")));

    assertThat(plan.stages()).containsExactly(new Stage(ApproverKind.FALLBACK, Set.of(new PersonId("lee.wong"))));
  }

  @Test
  void plan_whenRequesterIsTheOnlyCatalogAdminToo_thenEmptyFallbackStageNeverSkipped() {
    Person admin = People.employee("nikolai.petrov", "IT", EmploymentType.FULL_TIME, null);

    ApprovalPlan plan = plan(ApprovalFlow.MANAGER, admin);

    assertThat(plan.stages()).containsExactly(new Stage(ApproverKind.FALLBACK, Set.of()));
    assertThat(plan.automatic()).isFalse();
  }

  @Test
  void plan_whenAnyFlow_thenNoStageContainsTheRequester() {
    for (ApprovalFlow flow : ApprovalFlow.values()) {
      Person admin = People.employee("dana.whitfield", "IT", EmploymentType.CONTRACTOR, "dana.whitfield");

      assertThat(plan(flow, admin).stages()).as(flow.name())
          .allSatisfy(stage -> assertThat(stage.approvers()).doesNotContain(admin.id()));
    }
  }

  // --- empty stages ---------------------------------------------------------------------------

  @Test
  void plan_whenPersonHasNoManager_thenManagerStageFallsBack() {
    Person founder = People.employee("lee.wong", "Management", EmploymentType.FULL_TIME, null);

    assertThat(plan(ApprovalFlow.MANAGER, founder).stages())
        .containsExactly(new Stage(ApproverKind.FALLBACK, Set.of(SAMPLE_CATALOG_ADMIN)));
  }

  @Test
  void plan_whenAppHasNoAdmins_thenAppAdminStageFallsBack() {
    ApprovalPlan plan = ApprovalPlanner.plan(ApprovalFlow.APP_ADMIN_THEN_MANAGER, SAMPLE_EMPLOYEE, List.of(),
        CATALOG_ADMINS);

    assertThat(plan.stages()).containsExactly(
        new Stage(ApproverKind.FALLBACK, Set.of(SAMPLE_CATALOG_ADMIN)),
        new Stage(ApproverKind.MANAGER, Set.of(SAMPLE_MANAGER)));
  }

  @Test
  void plan_whenNoCatalogAdminsEither_thenEmptyFallbackStage() {
    ApprovalPlan plan = ApprovalPlanner.plan(ApprovalFlow.APP_ADMIN, SAMPLE_CONTRACTOR, List.of(), List.of());

    assertThat(plan.stages()).containsExactly(new Stage(ApproverKind.FALLBACK, Set.of()));
  }

  // ---------------------------------------------------------------------------------------------

  private static ApprovalPlan plan(ApprovalFlow flow, Person requester) {
    return ApprovalPlanner.plan(flow, requester, APP_ADMINS, CATALOG_ADMINS);
  }
}
