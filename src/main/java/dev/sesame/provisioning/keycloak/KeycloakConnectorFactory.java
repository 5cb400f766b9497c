package dev.sesame.provisioning.keycloak;

import dev.sesame.common.FieldError;
import dev.sesame.provisioning.Connector;
import dev.sesame.provisioning.ConnectorFactory;
import dev.sesame.provisioning.ProvisioningSystemId;
import dev.sesame.provisioning.SettingField;
import dev.sesame.provisioning.SettingField.Type;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes connectors for Keycloak realms (kind {@code keycloak}). Settings: {@code base-url}, {@code
 * realm}, {@code client-id}, {@code client-secret} (a secret) and {@code timeout} (default {@code 10s}).
 */
@Component
@Order(50)
public class KeycloakConnectorFactory implements ConnectorFactory {

  /** The kind of this factory's systems. */
  public static final String KIND = "keycloak";

  private final Clock clock;

  public KeycloakConnectorFactory(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String displayName() {
    return "Keycloak";
  }

  @Override
  public List<SettingField> fields() {
    return List.of(
        new SettingField(KeycloakSettings.BASE_URL, "Base URL", Type.TEXT, List.of(), "",
            "The server, e.g. " + KeycloakSettings.EXAMPLE_URL + " (add /auth for Keycloak before 17)"),
        new SettingField(KeycloakSettings.REALM, "Realm", Type.TEXT, List.of(), "",
            "The realm whose groups Sesame manages"),
        new SettingField(KeycloakSettings.CLIENT_ID, "Client ID", Type.TEXT, List.of(), "",
            "A confidential client with service accounts enabled and the realm-management roles manage-users, view-users"),
        new SettingField(KeycloakSettings.CLIENT_SECRET, "Client secret", Type.SECRET, List.of(), "",
            "Stored encrypted; never shown again"),
        new SettingField(KeycloakSettings.TIMEOUT, "Timeout", Type.TEXT, List.of(), KeycloakSettings.DEFAULT_TIMEOUT,
            "How long to wait for each answer, e.g. 10s"));
  }

  @Override
  public List<FieldError> validate(Map<String, String> settings) {
    return KeycloakSettings.validate(settings);
  }

  @Override
  public Connector create(ProvisioningSystemId id, Map<String, String> settings) {
    return new KeycloakConnector(id, KeycloakSettings.from(settings), clock);
  }
}
