package dev.sesame.provisioning.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sesame.provisioning.Connector;
import dev.sesame.provisioning.ProvisioningSystemId;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The LDAP connector against a real OpenLDAP server, which (unlike the in-memory one) enforces that
 * a groupOfNames keeps at least one member: the same conformance suite every connector passes.
 */
class SlapdConnectorIT extends LdapConformanceTest {

  private Slapd slapd;
  private LdapConnector connector;

  @BeforeEach
  void start() {
    slapd = Slapd.start("directory/sample.ldif");
    connector = new LdapConnector(new ProvisioningSystemId("openldap"), LdapConnectorSettings.from(Map.of(
        "kind", "ldap", "url", proxied(slapd.url()), "bind-dn", Slapd.ROOT_DN, "bind-password", Slapd.ROOT_PASSWORD)));
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
  protected void makeUnreachable() {
    slapd.stop();
  }

  @Test
  void testConnection_whenReachable_thenOk() {
    assertThat(connector.testConnection().ok()).isTrue();
  }
}
