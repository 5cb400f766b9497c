package dev.sesame.provisioning.google;

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
 * Makes connectors for Google Workspace (kind {@code google}). Settings: {@code
 * service-account-key} (the JSON key, a secret), {@code admin-email}, {@code auth-url} (default
 * {@code https://oauth2.googleapis.com/token}), {@code api-url} (default {@code
 * https://admin.googleapis.com}) and {@code timeout} (default {@code 10s}).
 */
@Component
@Order(30)
public class GoogleConnectorFactory implements ConnectorFactory {

  /** The kind of this factory's systems. */
  public static final String KIND = "google";

  private final Clock clock;

  public GoogleConnectorFactory(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String displayName() {
    return "Google Workspace";
  }

  @Override
  public List<SettingField> fields() {
    return List.of(
        new SettingField(GoogleSettings.SERVICE_ACCOUNT_KEY, "Service account key", Type.SECRET, List.of(), "",
            "The service account's JSON key file, pasted whole; stored encrypted, never shown again"),
        new SettingField(GoogleSettings.ADMIN_EMAIL, "Admin e-mail", Type.TEXT, List.of(), "",
            "The admin the service account acts as (domain-wide delegation)"),
        new SettingField(GoogleSettings.AUTH_URL, "Token URL", Type.TEXT, List.of(), GoogleSettings.DEFAULT_AUTH_URL,
            "Where access tokens are issued; change only for a proxy"),
        new SettingField(GoogleSettings.API_URL, "API URL", Type.TEXT, List.of(), GoogleSettings.DEFAULT_API_URL,
            "Where the Admin SDK Directory API is served; change only for a proxy"),
        new SettingField(GoogleSettings.TIMEOUT, "Timeout", Type.TEXT, List.of(), GoogleSettings.DEFAULT_TIMEOUT,
            "How long to wait for each answer, e.g. 10s"));
  }

  @Override
  public List<FieldError> validate(Map<String, String> settings) {
    return GoogleSettings.validate(settings);
  }

  @Override
  public Connector create(ProvisioningSystemId id, Map<String, String> settings) {
    return new GoogleConnector(id, GoogleSettings.from(settings), clock);
  }
}
