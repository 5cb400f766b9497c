package dev.sesame.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class GroupExternalIdTest {

  private static final String SAMPLE_DN = "cn=figma-users,ou=groups,dc=brightwave,dc=example";

  @Test
  void new_whenSurroundedBySpaces_thenTrimmedAndCaseKept() {
    assertThat(new GroupExternalId("  CN=Figma-Users,ou=groups ").value()).isEqualTo("CN=Figma-Users,ou=groups");
  }

  @Test
  void new_whenDn_thenKeptAsIs() {
    assertThat(new GroupExternalId(SAMPLE_DN).value()).isEqualTo(SAMPLE_DN);
  }

  @Test
  void new_whenBlank_thenRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> new GroupExternalId("  "))
        .withMessage("the external ID is empty");
  }

  @Test
  void new_when1024Characters_thenAccepted() {
    assertThat(new GroupExternalId("g".repeat(1024)).value()).hasSize(1024);
  }

  @Test
  void new_when1025Characters_thenRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> new GroupExternalId("g".repeat(1025)))
        .withMessageContaining("longer than 1024");
  }

  @Test
  void equals_whenSameText_thenEqual() {
    assertThat(new GroupExternalId(SAMPLE_DN)).isEqualTo(new GroupExternalId(" " + SAMPLE_DN));
  }

  @Test
  void toString_whenPrinted_thenPrefixed() {
    assertThat(new GroupExternalId("00g1abc")).hasToString("group:00g1abc");
  }
}
