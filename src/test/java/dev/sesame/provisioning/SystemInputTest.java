package dev.sesame.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SystemInputTest {

  private static final Map<String, String> SAMPLE_STORED = Map.of("bind-password", "stored-secret");

  private static SystemInput input(Map<String, String> settings, boolean followsDirectory) {
    return new SystemInput("partner-ldap", "ldap", settings, followsDirectory);
  }

  @Test
  void secrets_whenSecretFieldLeftEmpty_thenStoredSecretKept() {
    assertThat(input(Map.of("url", "ldap://x", "bind-password", ""), false).secrets(SAMPLE_STORED))
        .containsExactly(Map.entry("bind-password", "stored-secret"));
  }

  @Test
  void secrets_whenSecretTyped_thenReplacesStoredOne() {
    assertThat(input(Map.of("bind-password", "new-secret"), false).secrets(SAMPLE_STORED))
        .containsExactly(Map.entry("bind-password", "new-secret"));
  }

  @Test
  void plainSettings_whenSecretsAndEmptyValues_thenNeitherStoredInClear() {
    assertThat(input(Map.of("url", " ldap://x ", "people-base", "", "bind-password", "p", "api-token", "t"), false)
        .plainSettings()).containsExactly(Map.entry("url", "ldap://x"));
  }

  @Test
  void plainSettingsAndSecrets_whenFollowingTheDirectory_thenItsConnectionIsNotStored() {
    SystemInput input = input(Map.of("url", "ldap://x", "bind-dn", "cn=a", "bind-password", "p", "login-attribute", "uid"),
        true);
    assertThat(input.plainSettings()).containsExactly(Map.entry("login-attribute", "uid"));
    assertThat(input.secrets(SAMPLE_STORED)).isEmpty();
  }

  @Test
  void toString_whenSecretsEntered_thenNotPrinted() {
    assertThat(input(Map.of("bind-password", "typed-secret"), false).toString()).doesNotContain("typed-secret");
  }
}
