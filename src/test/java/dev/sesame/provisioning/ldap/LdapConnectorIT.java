package dev.sesame.provisioning.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.ldif.LDIFReader;
import dev.sesame.directory.DirectoryConnection;
import dev.sesame.directory.Person;
import dev.sesame.directory.embedded.EmbeddedDirectoryServer;
import dev.sesame.provisioning.Connector;
import dev.sesame.provisioning.GroupExternalId;
import dev.sesame.provisioning.ProvisioningSystemId;
import dev.sesame.provisioning.Refusal;
import dev.sesame.provisioning.WriteResult;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;

class LdapConnectorIT extends LdapConformanceTest {

  private static final ProvisioningSystemId SYSTEM = new ProvisioningSystemId("corp-ldap");
  private static final GroupExternalId CATALOG_ADMINS =
      new GroupExternalId("cn=sesame-catalog-admins,ou=groups," + BASE);
  private static final Person NORA = person("nora.chen");

  @TempDir
  Path dataDir;

  private EmbeddedDirectoryServer server;
  private LdapConnector connector;
  private @Nullable InMemoryDirectoryServer plainServer;
  private @Nullable LdapConnector plainConnector;

  @BeforeEach
  void start() {
    server = EmbeddedDirectoryServer.start(BASE, 0, new ClassPathResource("directory/sample.ldif"), dataDir);
    Map<String, String> settings = new HashMap<>(settings(server.connection()));
    settings.put("url", proxied(server.connection().url()));
    connector = connect(settings);
  }

  @AfterEach
  void stop() {
    connector.close();
    server.close();
    if (plainConnector != null) {
      plainConnector.close();
    }
    if (plainServer != null) {
      plainServer.shutDown(true);
    }
  }

  // --- conformance ---------------------------------------------------------------------------

  @Override
  protected Connector connector() {
    return connector;
  }

  @Override
  protected void makeUnreachable() {
    server.close();
  }

  // --- names that need escaping --------------------------------------------------------------

  @Test
  void isMember_whenDnIsWrittenDifferently_thenTrue() {
    GroupExternalId spaced = new GroupExternalId("CN=figma-users, OU=groups, DC=brightwave, DC=example");

    assertThat(connector.isMember(MARA, spaced)).isTrue();
  }

  // --- refusals ------------------------------------------------------------------------------

  @Test
  void addMember_whenGroupIdIsNotDn_thenRejectedSayingSo() {
    assertThat(connector.addMember(SAM, new GroupExternalId("figma-users")))
        .isInstanceOfSatisfying(WriteResult.Rejected.class,
            rejected -> assertThat(rejected.reason()).contains("is not a DN"));
  }

  @Test
  void addMember_whenGroupMissing_thenRejectedNamingGroupAndSystem() {
    assertThat(connector.addMember(SAM, missingGroup()))
        .isInstanceOfSatisfying(WriteResult.Rejected.class, rejected -> assertThat(rejected.reason())
            .isEqualTo("group cn=no-such-group,ou=groups,dc=brightwave,dc=example does not exist in corp-ldap"));
  }

  @Test
  void findGroup_whenDnIsAPerson_thenEmpty() {
    assertThat(connector.findGroup(new GroupExternalId("uid=sam.patel,ou=people," + BASE))).isEmpty();
  }

  @Test
  void isMember_whenGroupMissing_thenFalse() {
    assertThat(connector.isMember(NORA, missingGroup())).isFalse();
  }

  @Test
  void removeMember_whenLastMemberOfStrictGroupOfNames_thenRejectedWithReason() throws Exception {
    // OpenLDAP follows RFC 4519: a groupOfNames must have a member. UnboundID's own schema does not.
    Schema strict = Schema.mergeSchemas(Schema.getDefaultStandardSchema(),
        new Schema(new Entry("cn=schema", new Attribute("objectClasses",
            "( 2.5.6.9 NAME 'groupOfNames' SUP top STRUCTURAL MUST ( member $ cn ) "
                + "MAY ( businessCategory $ seeAlso $ owner $ ou $ o $ description ) )"))));
    LdapConnector strictConnector = startPlainServer(strict, Map.of());

    assertThat(strictConnector.removeMember(NORA, CATALOG_ADMINS))
        .isInstanceOfSatisfying(WriteResult.Rejected.class,
            rejected -> assertThat(rejected.reason()).contains("last member", "add someone else first"));
    assertThat(strictConnector.isMember(NORA, CATALOG_ADMINS)).isTrue();
  }

  // --- the group's object class against the membership attribute ----------------------------

  @Test
  void findGroup_whenClassMatchesMembershipAttribute_thenNoProblem() {
    assertThat(connector.findGroup(FIGMA)).hasValueSatisfying(group -> assertThat(group.problem()).isEmpty());
  }

  @Test
  void findGroup_whenGroupOfNamesOnUniqueMemberConnection_thenProblemSayingHowToFix() {
    Map<String, String> unique = new HashMap<>(settings(server.connection()));
    unique.put("membership-attribute", "uniqueMember");
    try (LdapConnector uniqueConnector = connect(unique)) {
      assertThat(uniqueConnector.findGroup(FIGMA)).hasValueSatisfying(group -> assertThat(group.problem())
          .hasValueSatisfying(problem -> assertThat(problem).contains("groupOfNames", "uniqueMember",
              "set corp-ldap's membership-attribute to member")));
    }
  }

  // --- schema violations ---------------------------------------------------------------------

  @Test
  void addMember_whenServerAnswersSchemaViolation_thenRejectedNeverDone() {
    for (ResultCode violation : List.of(ResultCode.OBJECT_CLASS_VIOLATION, ResultCode.CONSTRAINT_VIOLATION,
        ResultCode.INVALID_ATTRIBUTE_SYNTAX)) {
      proxy().refuseNextWrites(1, violation);

      assertThat(connector.addMember(SAM, FIGMA)).as(violation.getName())
          .isInstanceOfSatisfying(WriteResult.Rejected.class, rejected -> {
            assertThat(rejected.done()).isFalse();
            assertThat(rejected.reason()).contains("refused to add sam.patel", violation.getName());
          });
    }
    assertThat(connector.isMember(SAM, FIGMA)).isFalse();
  }

  @Test
  void addMember_whenServerRefersElsewhereAndReferralsIgnored_thenRejectedAsConfiguration() {
    proxy().refuseNextWrites(1, ResultCode.REFERRAL);

    assertThat(connector.addMember(SAM, FIGMA)).isInstanceOfSatisfying(WriteResult.Rejected.class, rejected -> {
      assertThat(rejected.refusal()).isEqualTo(Refusal.INVALID_CONFIGURATION);
      assertThat(rejected.reason()).contains("referred", "set referrals to follow");
    });
  }

  // --- memberUid groups ----------------------------------------------------------------------

  @Test
  void addMember_whenMembershipIsMemberUid_thenLoginWritten() throws Exception {
    LdapConnector posix = startPlainServer(null, Map.of("membership-attribute", "memberUid"));
    GroupExternalId developers = new GroupExternalId("cn=developers,ou=groups," + BASE);

    assertThat(posix.addMember(SAM, developers)).isInstanceOf(WriteResult.Applied.class);
    assertThat(posix.isMember(SAM, developers)).isTrue();
    assertThat(plainServer.getEntry(developers.value()).getAttributeValues("memberUid"))
        .containsExactlyInAnyOrder("nora.chen", "sam.patel");
    assertThat(posix.addMember(SAM, developers)).isInstanceOf(WriteResult.AlreadyInState.class);
    assertThat(posix.removeMember(SAM, developers)).isInstanceOf(WriteResult.Applied.class);
    assertThat(posix.removeMember(SAM, developers)).isInstanceOf(WriteResult.AlreadyInState.class);
  }

  // --- testConnection ------------------------------------------------------------------------

  @Test
  void testConnection_whenWrongPassword_thenNotOkNamingTheSettings() {
    Map<String, String> wrong = new HashMap<>(settings(server.connection()));
    wrong.put("bind-password", "wrong");
    try (LdapConnector refused = connect(wrong)) {
      assertThat(refused.testConnection()).satisfies(check -> {
        assertThat(check.ok()).isFalse();
        assertThat(check.message()).contains("bind-dn", "bind-password");
      });
    }
  }

  @Test
  void testConnection_whenPeopleBaseMissing_thenNotOk() {
    Map<String, String> elsewhere = new HashMap<>(settings(server.connection()));
    elsewhere.put("people-base", "ou=staff," + BASE);
    try (LdapConnector misconfigured = connect(elsewhere)) {
      assertThat(misconfigured.testConnection()).satisfies(check -> {
        assertThat(check.ok()).isFalse();
        assertThat(check.message()).contains("people-base");
      });
    }
  }

  // --- helpers -------------------------------------------------------------------------------

  private static Map<String, String> settings(DirectoryConnection connection) {
    return Map.of(
        "kind", "ldap",
        "url", connection.url(),
        "bind-dn", connection.bindDn(),
        "bind-password", connection.bindPassword());
  }

  private static LdapConnector connect(Map<String, String> settings) {
    return new LdapConnector(SYSTEM, LdapConnectorSettings.from(settings));
  }

  /** An in-memory server with this schema (none: no checks) and a posix group, bound anonymously. */
  private LdapConnector startPlainServer(@Nullable Schema schema, Map<String, String> extra) throws Exception {
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
    config.setSchema(schema);
    config.setListenerConfigs(
        InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
    plainServer = new InMemoryDirectoryServer(config);
    try (InputStream seed = new ClassPathResource("directory/sample.ldif").getInputStream()) {
      plainServer.importFromLDIF(true, new LDIFReader(seed));
    }
    if (schema == null) {
      plainServer.add(new Entry("cn=developers,ou=groups," + BASE,
          new Attribute("objectClass", "top", "posixGroup"), new Attribute("cn", "developers"),
          new Attribute("gidNumber", "5001"), new Attribute("memberUid", "nora.chen")));
    }
    plainServer.startListening();
    Map<String, String> settings = new HashMap<>(extra);
    settings.put("url", "ldap://127.0.0.1:" + plainServer.getListenPort());
    plainConnector = connect(settings);
    return plainConnector;
  }
}
