package dev.sesame.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sesame.common.FieldError;
import dev.sesame.provisioning.entra.EntraConnectorFactory;
import dev.sesame.provisioning.google.GoogleConnectorFactory;
import dev.sesame.provisioning.keycloak.KeycloakConnectorFactory;
import dev.sesame.provisioning.okta.OktaConnectorFactory;
import dev.sesame.provisioning.scim.ScimConnectorFactory;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The REST factories (Okta, Entra, Google, SCIM, Keycloak): their fields drive the console, their secrets stay secret. */
class RestConnectorFactoriesTest {

  static List<ConnectorFactory> factories() {
    return List.of(new OktaConnectorFactory(Clock.systemUTC()), new EntraConnectorFactory(Clock.systemUTC()),
        new ScimConnectorFactory(Clock.systemUTC()), new GoogleConnectorFactory(Clock.systemUTC()),
        new KeycloakConnectorFactory(Clock.systemUTC()));
  }

  @ParameterizedTest
  @MethodSource("factories")
  void fields_whenSecretField_thenStoredAsSecretAndOthersNot(ConnectorFactory factory) {
    for (SettingField field : factory.fields()) {
      assertThat(SecretSettings.isSecret(field.name())).as(field.name()).isEqualTo(field.secret());
    }
    assertThat(factory.fields()).anyMatch(SettingField::secret);
  }

  @ParameterizedTest
  @MethodSource("factories")
  void validate_whenEmpty_thenUrlAndCredentialsNamed(ConnectorFactory factory) {
    List<String> names = factory.fields().stream().map(SettingField::name).toList();
    List<String> expected = switch (factory.kind()) {
      case "okta" -> List.of("org-url", "api-token");
      case "scim" -> List.of("base-url", "bearer-token");
      case "google" -> List.of("service-account-key", "admin-email");
      case "keycloak" -> List.of("base-url", "realm", "client-id", "client-secret");
      default -> List.of("tenant-id", "client-id", "client-secret");
    };

    assertThat(factory.validate(Map.of())).extracting(FieldError::field)
        .containsExactlyInAnyOrderElementsOf(expected)
        .allMatch(names::contains);
  }

  @ParameterizedTest
  @MethodSource("factories")
  void validate_whenUrlAndTimeoutBad_thenNamed(ConnectorFactory factory) {
    String urlField = switch (factory.kind()) {
      case "okta" -> "org-url";
      case "scim" -> "base-url";
      case "google" -> "api-url";
      case "keycloak" -> "base-url";
      default -> "graph-url";
    };

    assertThat(factory.validate(Map.of(urlField, "ftp://nope", "timeout", "forever")))
        .extracting(FieldError::field).contains(urlField, "timeout");
  }
}
