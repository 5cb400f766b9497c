package dev.sesame.provisioning.entra;

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
 * Makes connectors for Microsoft Entra ID tenants (kind {@code entra}). Settings: {@code tenant-id},
 * {@code client-id}, {@code client-secret} (a secret), {@code authority} (default the global cloud's
 * {@code https://login.microsoftonline.com}), {@code graph-url} (default {@code
 * https://graph.microsoft.com}) and {@code timeout} (default {@code 10s}).
 */
@Component
@Order(20)
public class EntraConnectorFactory implements ConnectorFactory {

  /** The kind of this factory's systems. */
  public static final String KIND = "entra";

  private final Clock clock;

  public EntraConnectorFactory(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String displayName() {
    return "Microsoft Entra ID";
  }

  @Override
  public List<SettingField> fields() {
    return List.of(
        new SettingField(EntraSettings.TENANT_ID, "Tenant ID", Type.TEXT, List.of(), "",
            "The Directory (tenant) ID of the app registration, or a verified domain"),
        new SettingField(EntraSettings.CLIENT_ID, "Client ID", Type.TEXT, List.of(), "",
            "The Application (client) ID; it needs GroupMember.ReadWrite.All and User.Read.All (application)"),
        new SettingField(EntraSettings.CLIENT_SECRET, "Client secret", Type.SECRET, List.of(), "",
            "Stored encrypted; never shown again"),
        new SettingField(EntraSettings.AUTHORITY, "Authority", Type.TEXT, List.of(), EntraSettings.DEFAULT_AUTHORITY,
            "Where tokens are issued; change only for a national cloud"),
        new SettingField(EntraSettings.GRAPH_URL, "Graph URL", Type.TEXT, List.of(), EntraSettings.DEFAULT_GRAPH_URL,
            "Where Microsoft Graph is served; change only for a national cloud"),
        new SettingField(EntraSettings.TIMEOUT, "Timeout", Type.TEXT, List.of(), EntraSettings.DEFAULT_TIMEOUT,
            "How long to wait for each answer, e.g. 10s"));
  }

  @Override
  public List<FieldError> validate(Map<String, String> settings) {
    return EntraSettings.validate(settings);
  }

  @Override
  public Connector create(ProvisioningSystemId id, Map<String, String> settings) {
    return new EntraConnector(id, EntraSettings.from(settings), clock);
  }
}
