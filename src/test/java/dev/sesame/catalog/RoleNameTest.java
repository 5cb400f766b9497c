package dev.sesame.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class RoleNameTest {

  private static final RoleName SAMPLE_ROLE = new RoleName("read-only");

  @Test
  void new_whenUpperCaseAndSpaces_thenLowerCaseAndStripped() {
    assertThat(new RoleName(" Read-Only ")).isEqualTo(SAMPLE_ROLE);
  }

  @Test
  void new_whenUnderscoreAndDigits_thenAccepted() {
    assertThat(new RoleName("tier_2").value()).isEqualTo("tier_2");
  }

  @Test
  void new_whenEmpty_thenRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> new RoleName(""))
        .withMessageContaining("is not a role name");
  }

  @Test
  void new_whenSpaceOrDotInside_thenRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> new RoleName("read only"));
    assertThatIllegalArgumentException().isThrownBy(() -> new RoleName("read.only"));
  }

  @Test
  void new_whenStartsWithDash_thenRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> new RoleName("-admin"));
  }

  @Test
  void new_when64Characters_thenAccepted() {
    assertThat(new RoleName("r".repeat(64)).value()).hasSize(64);
  }

  @Test
  void new_when65Characters_thenRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> new RoleName("r".repeat(65)));
  }

  @Test
  void parse_whenValid_thenPresent() {
    assertThat(RoleName.parse("READ-ONLY")).contains(SAMPLE_ROLE);
  }

  @Test
  void parse_whenInvalidOrNull_thenEmpty() {
    assertThat(RoleName.parse("read only")).isEmpty();
    assertThat(RoleName.parse(null)).isEmpty();
  }

  @Test
  void toString_whenPrinted_thenPrefixed() {
    assertThat(SAMPLE_ROLE).hasToString("role:read-only");
  }
}
