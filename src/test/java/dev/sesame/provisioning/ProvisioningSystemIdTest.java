package dev.sesame.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ProvisioningSystemIdTest {

  private static final ProvisioningSystemId SAMPLE_SYSTEM = new ProvisioningSystemId("corp-ldap");

  @Test
  void new_whenUpperCaseAndSpaces_thenLowerCaseAndTrimmed() {
    assertThat(new ProvisioningSystemId(" Corp-LDAP ")).isEqualTo(SAMPLE_SYSTEM);
  }

  @Test
  void new_whenDigits_thenAccepted() {
    assertThat(new ProvisioningSystemId("okta2").value()).isEqualTo("okta2");
  }

  @Test
  void new_whenEmpty_thenRejectedNamingTheRules() {
    assertThatIllegalArgumentException().isThrownBy(() -> new ProvisioningSystemId(""))
        .withMessageContaining("is not a system name");
  }

  @Test
  void new_whenUnderscoreDotOrSpace_thenRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> new ProvisioningSystemId("corp_ldap"));
    assertThatIllegalArgumentException().isThrownBy(() -> new ProvisioningSystemId("corp.ldap"));
    assertThatIllegalArgumentException().isThrownBy(() -> new ProvisioningSystemId("corp ldap"));
  }

  @Test
  void new_whenStartsWithDash_thenRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> new ProvisioningSystemId("-ldap"));
  }

  @Test
  void new_when64Characters_thenAccepted() {
    assertThat(new ProvisioningSystemId("s".repeat(64)).value()).hasSize(64);
  }

  @Test
  void new_when65Characters_thenRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> new ProvisioningSystemId("s".repeat(65)));
  }

  @Test
  void parse_whenValid_thenPresent() {
    assertThat(ProvisioningSystemId.parse("CORP-LDAP")).contains(SAMPLE_SYSTEM);
  }

  @Test
  void parse_whenInvalidOrNull_thenEmpty() {
    assertThat(ProvisioningSystemId.parse("corp ldap")).isEmpty();
    assertThat(ProvisioningSystemId.parse(null)).isEmpty();
  }

  @Test
  void toString_whenPrinted_thenPrefixed() {
    assertThat(SAMPLE_SYSTEM).hasToString("system:corp-ldap");
  }
}
