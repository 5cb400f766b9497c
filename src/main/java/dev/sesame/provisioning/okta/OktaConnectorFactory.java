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
 * {@code https://acme.okta.com}); either {@code api-token} (a secret) or an API service app's
 * {@code client-id} and {@code private-key} (a secret, PKCS#8 PEM) with an optional {@code kid};
 * and {@code timeout} (default {@code 10s}).
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
            "An SSWS token of an admin with the Group Membership Admin role; or leave empty and use a service app "
                + "below. Stored encrypted, never shown again"),
        new SettingField(OktaSettings.CLIENT_ID, "Service app client ID", Type.TEXT, List.of(), "",
            "An API service app granted okta.users.read and okta.groups.manage, signing in with a private-key JWT"),
        new SettingField(OktaSettings.PRIVATE_KEY, "Service app private key", Type.SECRET, List.of(), "",
            "The app's RSA private key in PKCS#8 PEM (-----BEGIN PRIVATE KEY-----); stored encrypted, never shown again"),
        new SettingField(OktaSettings.KEY_ID, "Key ID (kid)", Type.TEXT, List.of(), "",
            "The kid of the app's public key, when it has several"),
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
