package dev.sesame.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sesame.approval.ApprovalPolicy;
import dev.sesame.approval.ApproverSource;
import dev.sesame.approval.BuiltInPolicies;
import dev.sesame.approval.PolicyName;
import dev.sesame.approval.Quorum;
import dev.sesame.approval.StageRule;
import dev.sesame.catalog.PolicyCodec;
import dev.sesame.common.FieldError;
import dev.sesame.directory.PersonId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The policy editor's form: from a posted request and from a policy, to the policy's JSON form, and its errors placed. */
class PolicyFormTest {

  private static final ApprovalPolicy PRODUCTION = new ApprovalPolicy(new PolicyName("production-access"),
      "Production needs two owners", List.of(
          new StageRule("Manager", "", List.of(new ApproverSource.Manager()), Quorum.ANY),
          new StageRule("Security", "user.employmentType != 'full-time'",
              List.of(new ApproverSource.Named(new PersonId("kenji.sato")), new ApproverSource.GroupMembers("dept-it")),
              Quorum.ALL),
          new StageRule("Owners", "", List.of(new ApproverSource.ManagersManager(), new ApproverSource.AppAdmins()),
              new Quorum(2))),
      List.of(new ApproverSource.Named(new PersonId("erin.cole"))), Duration.ofHours(12), Duration.ofDays(2), null);

  /** Approvers are written in the form's order: the three checkboxes, then people, then groups. */
  @Test
  void toJson_whenFormOfAPolicy_thenCodecReadsTheSamePolicy() {
    PolicyForm form = PolicyForm.of(PRODUCTION, "4");

    assertThat(form.version()).isEqualTo("4");
    assertThat(form.remindEvery()).isEqualTo(new PolicyForm.Timing("12", "hours"));
    assertThat(form.escalateAfter()).isEqualTo(new PolicyForm.Timing("2", "days"));
    assertThat(form.stages().get(2).quorum()).isEqualTo("n");
    assertThat(PolicyCodec.read(form.toJson(), "policy").policy()).contains(PRODUCTION);
  }

  @Test
  void toJson_whenFallbackIsAdminsOrNobody_thenAbsentOrEmpty() {
    PolicyForm admins = PolicyForm.of(BuiltInPolicies.MANAGER_ONLY, "");
    PolicyForm nobody = PolicyForm.of(new ApprovalPolicy(new PolicyName("x"), "", List.of(), List.of(), null, null,
        null), "");

    assertThat(admins.fallback()).isEqualTo("admins");
    assertThat(admins.toJson().has("fallback")).isFalse();
    assertThat(nobody.fallback()).isEqualTo("none");
    assertThat(nobody.toJson().get("fallback").isEmpty()).isTrue();
    assertThat(PolicyCodec.read(admins.toJson(), "").policy()).contains(BuiltInPolicies.MANAGER_ONLY);
  }

  @Test
  void from_whenPostedWithBlankForgedAndHugeRows_thenBlankRowsAreLeftOutAndNothingThrows() {
    MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
    params.add("name", "contractors");
    params.add("stages[0].name", "Manager");
    params.add("stages[0].manager", "true");
    params.add("stages[2].name", "Security");
    params.add("stages[2].groups", "dept-it, dept-legal");
    params.add("stages[2].quorum", "n");
    params.add("stages[2].quorumCount", "2");
    params.add("stages[99].name", "beyond the form");
    params.add("stages[0].bogus", "x");
    params.add("remindEvery", "6");
    params.add("remindEveryUnit", "hours");
    params.add("expireAfter", "soon");
    params.add("fallback", "named");

    PolicyForm form = PolicyForm.from(params);

    assertThat(form.stages()).hasSize(3);
    assertThat(form.filledStages()).containsExactly(0, 2);
    assertThat(form.toJson().get("remindEvery").asString()).isEqualTo("PT6H");
    assertThat(form.toJson().get("stages").get(1).get("approvers").toString()).isEqualTo("[\"group:dept-it\",\"group:dept-legal\"]");
    assertThat(form.problems(true)).extracting(FieldError::field)
        .containsExactlyInAnyOrder("changeDescription", "expireAfter", "fallback");
  }

  @Test
  void errors_whenPolicyPathsNameFilledStages_thenEachLandsOnTheInputItCameFrom() {
    PolicyForm form = PolicyForm.of(PRODUCTION, "1").withStages(List.of(PolicyForm.StageRow.EMPTY,
        PolicyForm.of(PRODUCTION, "1").stages().get(1), PolicyForm.of(PRODUCTION, "1").stages().get(2)));

    FormErrors errors = PolicyFormErrors.of(List.of(
        new FieldError("policy.stages[0].when", "does not compile: line 1, column 5: bad"),
        new FieldError("policy.stages[0].approvers[0]", "kenji.sato is not an active person in the directory"),
        new FieldError("policy.stages[0].approvers[1]", "the directory has no group dept-it with members"),
        new FieldError("policy.stages[1].quorum", "'x' is not a quorum"),
        new FieldError("policy.fallback[0]", "erin.cole is not an active person"),
        new FieldError("changeDescription", "is required: say what changed and why"),
        new FieldError("version", "is required")), form);

    assertThat(errors.of("stages[1].when")).isEqualTo("Does not compile: line 1, column 5: bad");
    assertThat(errors.of("stages[1].people")).contains("kenji.sato");
    assertThat(errors.of("stages[1].groups")).contains("dept-it");
    assertThat(errors.has("stages[2].quorumCount")).isTrue();
    assertThat(errors.has("fallbackPeople")).isTrue();
    assertThat(errors.of("changeDescription")).startsWith("Required: say what changed");
    assertThat(errors.general()).containsExactly("version: is required");
  }
}
