package dev.sesame.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class AccessRuleTest {

  private static final String SAMPLE_RULE = "user.department == 'Engineering'";

  @Test
  void new_whenBlank_thenEveryone() {
    AccessRule rule = new AccessRule("   ");

    assertThat(rule.expression()).isEqualTo("true");
    assertThat(rule.isEveryone()).isTrue();
    assertThat(rule).isEqualTo(AccessRule.EVERYONE);
  }

  @Test
  void new_whenSurroundedBySpaces_thenStripped() {
    assertThat(new AccessRule("  " + SAMPLE_RULE + "\n").expression()).isEqualTo(SAMPLE_RULE);
  }

  @Test
  void isEveryone_whenRealRule_thenFalse() {
    assertThat(new AccessRule(SAMPLE_RULE).isEveryone()).isFalse();
  }

  @Test
  void new_when4000Characters_thenAccepted() {
    String longRule = "true" + " ".repeat(3989) + "&& true";
    assertThat(new AccessRule(longRule).expression()).hasSize(4000);
  }

  @Test
  void new_when4001Characters_thenRejected() {
    String tooLong = "true" + " ".repeat(3990) + "&& true";
    assertThatIllegalArgumentException().isThrownBy(() -> new AccessRule(tooLong))
        .withMessageContaining("longer than 4000");
  }
}
