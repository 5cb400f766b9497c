package dev.sesame.provisioning.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sesame.directory.Person;
import dev.sesame.provisioning.ConnectorConformanceTest;
import dev.sesame.provisioning.GroupExternalId;
import dev.sesame.provisioning.WriteResult;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite for LDAP servers loaded from {@code directory/sample.ldif}: the people and
 * groups every LDAP server test uses, and the names that need escaping. A subclass starts the server.
 */
abstract class LdapConformanceTest extends ConnectorConformanceTest {

  static final String BASE = "dc=brightwave,dc=example";
  static final GroupExternalId FIGMA = new GroupExternalId("cn=figma-users,ou=groups," + BASE);
  static final GroupExternalId FINANCE_EU = new GroupExternalId("cn=Finance (EU),ou=groups," + BASE);
  static final Person SAM = person("sam.patel");
  static final Person MARA = person("mara.lind");

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

  @Test
  void addMember_whenGroupAndPersonDnNeedEscaping_thenAppliedAndVisible() {
    assertThat(connector().addMember(MARA, FINANCE_EU)).isInstanceOf(WriteResult.Applied.class);

    assertThat(connector().isMember(MARA, FINANCE_EU)).isTrue();
    assertThat(connector().findGroup(FINANCE_EU)).hasValueSatisfying(
        group -> assertThat(group.displayName()).isEqualTo("Finance (EU)"));
  }
}
