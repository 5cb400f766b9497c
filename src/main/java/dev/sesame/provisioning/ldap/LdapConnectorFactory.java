package dev.sesame.provisioning.ldap;

import dev.sesame.common.FieldError;
import dev.sesame.provisioning.Connector;
import dev.sesame.provisioning.ConnectorFactory;
import dev.sesame.provisioning.ProvisioningSystemId;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Makes connectors for LDAP directories (kind {@code ldap}). Settings: {@code url} (required,
 * {@code ldap://} or {@code ldaps://}), {@code bind-dn}, {@code bind-password}, {@code people-base}
 * (default {@code ou=people,dc=brightwave,dc=example}), {@code login-attribute} (default {@code
 * uid}), {@code membership-attribute} ({@code member}, {@code uniqueMember} or {@code memberUid};
 * default {@code member}) and {@code start-tls} (default {@code false}).
 */
@Component
public class LdapConnectorFactory implements ConnectorFactory {

  /** The kind of this factory's systems. */
  public static final String KIND = "ldap";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public List<FieldError> validate(Map<String, String> settings) {
    return LdapConnectorSettings.validate(settings);
  }

  @Override
  public Connector create(ProvisioningSystemId id, Map<String, String> settings) {
    return new LdapConnector(id, LdapConnectorSettings.from(settings));
  }
}
