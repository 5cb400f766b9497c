package dev.sesame.provisioning.ldap;

import dev.sesame.common.FieldError;
import dev.sesame.provisioning.Connector;
import dev.sesame.provisioning.ConnectorFactory;
import dev.sesame.provisioning.ProvisioningSystemId;
import dev.sesame.provisioning.SettingField;
import dev.sesame.provisioning.SettingField.Type;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes connectors for LDAP directories (kind {@code ldap}). Settings: {@code url} (required,
 * {@code ldap://} or {@code ldaps://}), {@code bind-dn}, {@code bind-password}, {@code people-base}
 * (default {@code ou=people,dc=brightwave,dc=example}), {@code login-attribute} (default {@code
 * uid}), {@code membership-attribute} ({@code member}, {@code uniqueMember} or {@code memberUid};
 * default {@code member}), {@code start-tls} (default {@code false}), {@code flavour} ({@code ldap}
 * or {@code active-directory}; default {@code ldap}; Active Directory's default login attribute is
 * {@code sAMAccountName}) and {@code referrals} ({@code ignore} or {@code follow}; default {@code
 * ignore}). Ordered first: the console offers LDAP for a new system.
 */
@Component
@Order(0)
public class LdapConnectorFactory implements ConnectorFactory {

  /** The kind of this factory's systems. */
  public static final String KIND = "ldap";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String displayName() {
    return "LDAP directory";
  }

  @Override
  public List<SettingField> fields() {
    return List.of(
        new SettingField(LdapConnectorSettings.URL, "URL", Type.TEXT, List.of(), "",
            "ldap://host:389 or ldaps://host:636"),
        new SettingField(LdapConnectorSettings.BIND_DN, "Bind DN", Type.TEXT, List.of(), "",
            "The service account Sesame writes with, e.g. cn=sesame,ou=services,dc=example,dc=com; empty binds anonymously"),
        new SettingField(LdapConnectorSettings.BIND_PASSWORD, "Bind password", Type.SECRET, List.of(), "",
            "Stored encrypted; never shown again"),
        new SettingField(LdapConnectorSettings.PEOPLE_BASE, "People base", Type.TEXT, List.of(),
            LdapConnectorSettings.DEFAULT_PEOPLE_BASE, "Where people's entries are found"),
        new SettingField(LdapConnectorSettings.FLAVOUR, "Directory flavour", Type.CHOICE,
            List.of("ldap", "active-directory"), "ldap",
            "active-directory finds people by sAMAccountName or userPrincipalName and checks nested groups"),
        new SettingField(LdapConnectorSettings.LOGIN_ATTRIBUTE, "Login attribute", Type.TEXT, List.of(), "",
            "The attribute that holds a person's login; empty: uid (ldap) or sAMAccountName (active-directory); "
                + "userPrincipalName also matches the person's e-mail"),
        new SettingField(LdapConnectorSettings.MEMBERSHIP_ATTRIBUTE, "Membership attribute", Type.CHOICE,
            List.of("member", "uniqueMember", "memberUid"), "member",
            "member (groupOfNames), uniqueMember (groupOfUniqueNames) or memberUid (posixGroup)"),
        new SettingField(LdapConnectorSettings.START_TLS, "Start TLS", Type.FLAG, List.of(), "false",
            "Upgrade an ldap:// connection with StartTLS"),
        new SettingField(LdapConnectorSettings.REFERRALS, "Referrals", Type.CHOICE, List.of("ignore", "follow"),
            "ignore", "ignore: a referral is an error naming the server referred to; follow: bind there as bind-dn"));
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
