package dev.sesame.provisioning.scim;

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
 * Makes connectors for SCIM 2.0 servers (kind {@code scim}). Settings: {@code base-url}, {@code
 * bearer-token} (a secret), {@code timeout} (default {@code 10s}) and the vendor variations {@code
 * op-case}, {@code remove-style} and {@code membership-check}.
 */
@Component
@Order(40)
public class ScimConnectorFactory implements ConnectorFactory {

  /** The kind of this factory's systems. */
  public static final String KIND = "scim";

  private final Clock clock;

  public ScimConnectorFactory(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String displayName() {
    return "SCIM 2.0 server";
  }

  @Override
  public List<SettingField> fields() {
    return List.of(
        new SettingField(ScimSettings.BASE_URL, "Base URL", Type.TEXT, List.of(), "",
            "Where /Users and /Groups are served, e.g. " + ScimSettings.EXAMPLE_URL),
        new SettingField(ScimSettings.BEARER_TOKEN, "Bearer token", Type.SECRET, List.of(), "",
            "The provisioning token the SaaS issued; stored encrypted, never shown again"),
        new SettingField(ScimSettings.TIMEOUT, "Timeout", Type.TEXT, List.of(), ScimSettings.DEFAULT_TIMEOUT,
            "How long to wait for each answer, e.g. 10s"),
        new SettingField(ScimSettings.OP_CASE, "PATCH op spelling", Type.CHOICE, List.of("lower", "capitalized"),
            "lower", "lower (add/remove, per RFC 7644) unless the server only takes Add/Remove"),
        new SettingField(ScimSettings.REMOVE_STYLE, "Member removal", Type.CHOICE,
            List.of("filtered-path", "value-list-when-rejected"), "filtered-path",
            "filtered-path removes members[value eq …]; value-list-when-rejected then names the member in a list "
                + "if the server rejects that path"),
        new SettingField(ScimSettings.MEMBERSHIP_CHECK, "Membership check", Type.CHOICE,
            List.of("group-filter", "user-groups"), "group-filter",
            "group-filter asks /Groups for the member; user-groups reads the user's groups attribute"));
  }

  @Override
  public List<FieldError> validate(Map<String, String> settings) {
    return ScimSettings.validate(settings);
  }

  @Override
  public Connector create(ProvisioningSystemId id, Map<String, String> settings) {
    return new ScimConnector(id, ScimSettings.from(settings), clock);
  }
}
