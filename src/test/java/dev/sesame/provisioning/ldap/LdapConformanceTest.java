package dev.sesame.provisioning.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.ResultCode;
import dev.sesame.directory.Person;
import dev.sesame.provisioning.ConnectorConformanceTest;
import dev.sesame.provisioning.GroupExternalId;
import dev.sesame.provisioning.WriteResult;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite for LDAP servers loaded from {@code directory/sample.ldif}: the people and
 * groups every LDAP server test uses, and the names that need escaping. A subclass starts the server
 * and points its connector at {@link #proxied(String)}, a {@link ScriptedLdapProxy} that counts the
 * membership modifies and refuses them on cue.
 */
abstract class LdapConformanceTest extends ConnectorConformanceTest {

  static final String BASE = "dc=brightwave,dc=example";
  static final GroupExternalId FIGMA = new GroupExternalId("cn=figma-users,ou=groups," + BASE);
  static final GroupExternalId FINANCE_EU = new GroupExternalId("cn=Finance (EU),ou=groups," + BASE);
  static final Person SAM = person("sam.patel");
  static final Person MARA = person("mara.lind");

  private @Nullable ScriptedLdapProxy proxy;

  /** Starts a counting, scriptable proxy in front of the server at this URL; returns the proxy's URL. */
  protected String proxied(String serverUrl) {
    proxy = ScriptedLdapProxy.to(serverUrl);
    return proxy.url();
  }

  @AfterEach
  void stopProxy() {
    if (proxy != null) {
      proxy.close();
    }
  }

  @Override
  protected void failNextWrites(Failure failure, int count) {
    switch (failure) {
      case THROTTLED -> proxy().refuseNextWrites(count, ResultCode.BUSY);
      case SERVER_ERROR -> proxy().refuseNextWrites(count, ResultCode.UNAVAILABLE);
      case TIMEOUT -> Assumptions.abort("the LDAP connector waits " + "15 s for an answer (LdapEndpoint's response "
          + "timeout, not a setting), too long for this suite; a timeout is result code TIMEOUT, classified "
          + "like UNAVAILABLE");
    }
  }

  @Override
  protected int writes() {
    return proxy().writes();
  }

  @Override
  protected int memberListReads() {
    return proxy().memberListReads();
  }

  /** LDAP answers "attribute or value exists" and "no such attribute" itself. */
  @Override
  protected boolean checksBeforeWrite() {
    return false;
  }

  /** The proxy in front of the server. */
  ScriptedLdapProxy proxy() {
    if (proxy == null) {
      throw new IllegalStateException("the subclass did not connect through proxied(url)");
    }
    return proxy;
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

  @Test
  void addMember_whenGroupAndPersonDnNeedEscaping_thenAppliedAndVisible() {
    assertThat(connector().addMember(MARA, FINANCE_EU)).isInstanceOf(WriteResult.Applied.class);

    assertThat(connector().isMember(MARA, FINANCE_EU)).isTrue();
    assertThat(connector().findGroup(FINANCE_EU)).hasValueSatisfying(
        group -> assertThat(group.displayName()).isEqualTo("Finance (EU)"));
  }
}
