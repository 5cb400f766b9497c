package dev.sesame.provisioning.okta;

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
 * Makes connectors for Okta orgs (kind {@code okta}). Settings: {@code org-url} (required, e.g.
 * {@code https://acme.okta.com}), {@code api-token} (required, a secret) and {@code timeout}
 * (default {@code 10s}).
 */
@Component
@Order(10)
public class OktaConnectorFactory implements ConnectorFactory {

  /** The kind of this factory's systems. */
  public static final String KIND = "okta";

  private final Clock clock;

  public OktaConnectorFactory(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String displayName() {
    return "Okta";
  }

  @Override
  public List<SettingField> fields() {
    return List.of(
        new SettingField(OktaSettings.ORG_URL, "Org URL", Type.TEXT, List.of(), "",
            "Your Okta org, e.g. https://acme.okta.com"),
        new SettingField(OktaSettings.API_TOKEN, "API token", Type.SECRET, List.of(), "",
            "An SSWS token of an admin with the Group Membership Admin role; stored encrypted, never shown again"),
        new SettingField(OktaSettings.TIMEOUT, "Timeout", Type.TEXT, List.of(), OktaSettings.DEFAULT_TIMEOUT,
            "How long to wait for each answer, e.g. 10s"));
  }

  @Override
  public List<FieldError> validate(Map<String, String> settings) {
    return OktaSettings.validate(settings);
  }

  @Override
  public Connector create(ProvisioningSystemId id, Map<String, String> settings) {
    return new OktaConnector(id, OktaSettings.from(settings), clock);
  }
}
