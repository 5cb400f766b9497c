package dev.sesame.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sesame.directory.EmploymentType;
import dev.sesame.directory.People;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stage conditions: what each gives for one request, and which of them add their stage. */
class StageConditionsTest {

  private static final RequestFacts CONTRACTOR = new RequestFacts(
      People.employee("kofi.antwi", "Engineering", EmploymentType.CONTRACTOR, "laura.jensen"), "GitHub", "admin",
      List.of(), Map.of());

  @Test
  void evaluate_whenConditionHoldsFailsOrIsAbsent_thenEachOutcomeAndOnlyFalseSkips() {
    assertThat(StageConditions.evaluate("", CONTRACTOR).outcome()).isEqualTo(StageConditions.Outcome.ALWAYS);
    assertThat(StageConditions.evaluate("user.employmentType != 'full-time'", CONTRACTOR).outcome())
        .isEqualTo(StageConditions.Outcome.TRUE);
    assertThat(StageConditions.evaluate("role == 'read'", CONTRACTOR).applies()).isFalse();
    StageConditions.Evaluation failed = StageConditions.evaluate("user.nickname == 'k'", CONTRACTOR);
    assertThat(failed.outcome()).isEqualTo(StageConditions.Outcome.FAILED);
    assertThat(failed.problem()).isNotBlank();
    assertThat(failed.applies()).isTrue();
    assertThat(StageConditions.applies("user.nickname == 'k'", CONTRACTOR)).isTrue();
  }
}
