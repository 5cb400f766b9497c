package dev.sesame.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretSettingsTest {

  private static final Map<String, String> SAMPLE_SETTINGS = Map.of(
      "url", "ldap://ldap.example.com", "bind-dn", "cn=sesame", "bind-password", "pw", "api-token", "t");

  @Test
  void isSecret_whenKeyNamesPasswordSecretTokenOrKey_thenTrue() {
    assertThat(SecretSettings.isSecret("bind-password")).isTrue();
    assertThat(SecretSettings.isSecret("bindPassword")).isTrue();
    assertThat(SecretSettings.isSecret("client-secret")).isTrue();
    assertThat(SecretSettings.isSecret("API_TOKEN")).isTrue();
    assertThat(SecretSettings.isSecret("private-key")).isTrue();
    assertThat(SecretSettings.isSecret("apiKey")).isTrue();
  }

  @Test
  void isSecret_whenOrdinarySetting_thenFalse() {
    assertThat(SecretSettings.isSecret("url")).isFalse();
    assertThat(SecretSettings.isSecret("bind-dn")).isFalse();
    assertThat(SecretSettings.isSecret("people-base")).isFalse();
    assertThat(SecretSettings.isSecret("membership-attribute")).isFalse();
    assertThat(SecretSettings.isSecret("start-tls")).isFalse();
  }

  @Test
  void plainAndSecrets_whenSplit_thenEachKeyOnOneSide() {
    assertThat(SecretSettings.plain(SAMPLE_SETTINGS)).containsOnlyKeys("url", "bind-dn");
    assertThat(SecretSettings.secrets(SAMPLE_SETTINGS)).containsOnlyKeys("bind-password", "api-token");
  }
}
