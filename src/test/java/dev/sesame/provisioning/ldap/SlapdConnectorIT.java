package dev.sesame.provisioning.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sesame.directory.Person;
import dev.sesame.provisioning.Connector;
import dev.sesame.provisioning.ConnectorConformanceTest;
import dev.sesame.provisioning.GroupExternalId;
import dev.sesame.provisioning.ProvisioningSystemId;
import dev.sesame.provisioning.WriteResult;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The LDAP connector against a real OpenLDAP server, which (unlike the in-memory one) enforces that
 * a groupOfNames keeps at least one member: the same conformance suite every connector passes.
 */
class SlapdConnectorIT extends ConnectorConformanceTest {

  private static final String BASE = "dc=brightwave,dc=example";
  private static final GroupExternalId FIGMA = new GroupExternalId("cn=figma-users,ou=groups," + BASE);
  private static final GroupExternalId FINANCE_EU = new GroupExternalId("cn=Finance (EU),ou=groups," + BASE);
  private static final Person SAM = person("sam.patel");
  private static final Person MARA = person("mara.lind");

  private Slapd slapd;
  private LdapConnector connector;

  @BeforeEach
  void start() {
    slapd = Slapd.start("directory/sample.ldif");
    connector = new LdapConnector(new ProvisioningSystemId("openldap"), LdapConnectorSettings.from(Map.of(
        "kind", "ldap", "url", slapd.url(), "bind-dn", Slapd.ROOT_DN, "bind-password", Slapd.ROOT_PASSWORD)));
  }

  @AfterEach
  void stop() {
    connector.close();
    slapd.close();
  }

  @Override
  protected Connector connector() {
    return connector;
  }

  @Override
  protected Person knownPerson() {
    return SAM;
  }

  @Override
  protected GroupExternalId group() {
    return FIGMA;
  }

  @Override
  protected GroupExternalId missingGroup() {
    return new GroupExternalId("cn=no-such-group,ou=groups," + BASE);
  }

  @Override
  protected Optional<GroupExternalId> malformedGroup() {
    return Optional.of(new GroupExternalId("figma-users (not a DN)"));
  }

  @Override
  protected void makeUnreachable() {
    slapd.stop();
  }

  @Test
  void addMember_whenGroupAndPersonDnNeedEscaping_thenAppliedAndVisible() {
    assertThat(connector.addMember(MARA, FINANCE_EU)).isInstanceOf(WriteResult.Applied.class);
    assertThat(connector.isMember(MARA, FINANCE_EU)).isTrue();
    assertThat(connector.findGroup(FINANCE_EU)).hasValueSatisfying(
        group -> assertThat(group.displayName()).isEqualTo("Finance (EU)"));
  }

  @Test
  void testConnection_whenReachable_thenOk() {
    assertThat(connector.testConnection().ok()).isTrue();
  }
}
