package dev.sesame.provisioning.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import dev.sesame.provisioning.Connector;
import dev.sesame.provisioning.GroupExternalId;
import dev.sesame.provisioning.ProvisioningSystemId;
import dev.sesame.provisioning.WriteResult;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The LDAP connector against a real OpenLDAP server, which (unlike the in-memory one) enforces that
 * a groupOfNames keeps at least one member: the same conformance suite every connector passes, with
 * {@code groupOfNames} groups here and {@code groupOfUniqueNames} groups in {@link
 * SlapdUniqueMemberConnectorIT}; plus a {@code posixGroup} written through {@code memberUid}.
 */
class SlapdConnectorIT extends LdapConformanceTest {

  private Slapd slapd;
  private LdapConnector connector;

  @BeforeEach
  void start() {
    slapd = Slapd.start("directory/sample.ldif", ldif());
    Map<String, String> settings = new HashMap<>(Map.of(
        "kind", "ldap", "url", proxied(slapd.url()), "bind-dn", Slapd.ROOT_DN, "bind-password", Slapd.ROOT_PASSWORD));
    settings.putAll(extraSettings());
    connector = new LdapConnector(new ProvisioningSystemId("openldap"), LdapConnectorSettings.from(settings));
  }

  @AfterEach
  void stop() {
    connector.close();
    slapd.close();
  }

  /** How the sample LDIF is rewritten before it is loaded; unchanged here. */
  UnaryOperator<String> ldif() {
    return UnaryOperator.identity();
  }

  /** Settings on top of url and bind; none here. */
  Map<String, String> extraSettings() {
    return Map.of();
  }

  @Override
  protected Connector connector() {
    return connector;
  }

  @Override
  protected void makeUnreachable() {
    slapd.stop();
  }

  @Test
  void testConnection_whenReachable_thenOk() {
    assertThat(connector.testConnection().ok()).isTrue();
  }

  @Test
  void addMember_whenGroupClassHasNoSuchAttribute_thenRejectedByTheSchema() {
    // A real schema violation: a memberUid value on a group whose classes do not allow it.
    try (LdapConnector mismatched = new LdapConnector(new ProvisioningSystemId("openldap-posix"),
        LdapConnectorSettings.from(Map.of("url", slapd.url(), "bind-dn", Slapd.ROOT_DN,
            "bind-password", Slapd.ROOT_PASSWORD, "membership-attribute", "memberUid")))) {

      assertThat(mismatched.findGroup(FIGMA)).hasValueSatisfying(group -> assertThat(group.problem()).isPresent());
      assertThat(mismatched.addMember(SAM, FIGMA)).isInstanceOfSatisfying(WriteResult.Rejected.class,
          rejected -> assertThat(rejected.reason()).contains("OBJECT_CLASS_VIOLATION".toLowerCase().replace('_', ' ')));
      assertThat(mismatched.isMember(SAM, FIGMA)).isFalse();
    }
  }

  @Test
  void addMember_whenPosixGroupWithMemberUid_thenLoginWrittenNotDn() throws Exception {
    GroupExternalId developers = new GroupExternalId("cn=developers,ou=groups," + BASE);
    URI url = URI.create(slapd.url());
    try (LDAPConnection root = new LDAPConnection(url.getHost(), url.getPort(), Slapd.ROOT_DN, Slapd.ROOT_PASSWORD)) {
      root.add(new Entry(developers.value(), new Attribute("objectClass", "top", "posixGroup"),
          new Attribute("cn", "developers"), new Attribute("gidNumber", "5001"),
          new Attribute("memberUid", "nora.chen")));
      try (LdapConnector posix = new LdapConnector(new ProvisioningSystemId("openldap-posix"),
          LdapConnectorSettings.from(Map.of("url", slapd.url(), "bind-dn", Slapd.ROOT_DN,
              "bind-password", Slapd.ROOT_PASSWORD, "membership-attribute", "memberUid")))) {

        assertThat(posix.addMember(MARA, developers)).isInstanceOf(WriteResult.Applied.class);
        assertThat(root.getEntry(developers.value()).getAttributeValues("memberUid"))
            .containsExactlyInAnyOrder("nora.chen", "mara.lind");
        assertThat(posix.isMember(MARA, developers)).isTrue();
        assertThat(posix.addMember(MARA, developers)).isInstanceOf(WriteResult.AlreadyInState.class);
        assertThat(posix.removeMember(MARA, developers)).isInstanceOf(WriteResult.Applied.class);
        assertThat(posix.isMember(MARA, developers)).isFalse();
        assertThat(posix.removeMember(MARA, developers)).isInstanceOf(WriteResult.AlreadyInState.class);
      }
    }
  }
}
