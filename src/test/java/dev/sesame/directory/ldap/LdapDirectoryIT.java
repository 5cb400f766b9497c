package dev.sesame.directory.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldif.LDIFReader;
import dev.sesame.common.UnavailableException;
import dev.sesame.directory.DirectoryConnection;
import dev.sesame.directory.EmploymentType;
import dev.sesame.directory.Person;
import dev.sesame.directory.PersonId;
import dev.sesame.directory.embedded.EmbeddedDirectoryServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;

class LdapDirectoryIT {

  private static final String BASE = "dc=brightwave,dc=example";
  private static final String PEOPLE = "ou=people," + BASE;
  private static final String GROUPS = "ou=groups," + BASE;
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
  private static final PersonId NORA = new PersonId("nora.chen");
  private static final PersonId ALEX = new PersonId("alex.kim");
  private static final PersonId SAM = new PersonId("sam.patel");
  private static final PersonId MARA = new PersonId("mara.lind");
  private static final PersonId JO = new PersonId("jo.berg");

  @TempDir
  Path dataDir;

  private EmbeddedDirectoryServer server;
  private LdapDirectory directory;

  @BeforeEach
  void start() {
    server = EmbeddedDirectoryServer.start(BASE, 0, new ClassPathResource("directory/sample.ldif"), dataDir);
    directory = new LdapDirectory(server.connection(), PEOPLE, GROUPS, CLOCK);
  }

  @AfterEach
  void stop() {
    directory.close();
    server.close();
  }

  // --- find ----------------------------------------------------------------------------------

  @Test
  void find_whenKnownLogin_thenAttributesMapped() {
    Person sam = directory.find(SAM).orElseThrow();

    assertThat(sam.id()).isEqualTo(SAM);
    assertThat(sam.email()).isEqualTo("sam.patel@brightwave.example");
    assertThat(sam.displayName()).as("no displayName: falls back to cn").isEqualTo("Sam Patel");
    assertThat(sam.title()).isEqualTo("Software Engineering Intern");
    assertThat(sam.department()).isEqualTo("engineering");
    assertThat(sam.location()).isEqualTo("Lisbon");
    assertThat(sam.country()).isEqualTo("PT");
    assertThat(sam.employmentType()).isEqualTo(EmploymentType.INTERN);
    assertThat(sam.managerId()).contains(ALEX);
    assertThat(sam.groups()).containsExactly("dept-engineering");
    assertThat(sam.active()).isTrue();
  }

  @Test
  void find_whenLoginDiffersInCase_thenFound() {
    assertThat(directory.find(new PersonId("Sam.Patel"))).map(Person::id).contains(SAM);
  }

  @Test
  void find_whenUnknownLogin_thenEmpty() {
    assertThat(directory.find(new PersonId("nobody"))).isEmpty();
  }

  @Test
  void find_whenNoManager_thenEmptyManager() {
    assertThat(directory.find(NORA).orElseThrow().managerId()).isEmpty();
  }

  @Test
  void find_whenEmployeeTypeMissing_thenFullTime() {
    assertThat(directory.find(JO).orElseThrow().employmentType()).isEqualTo(EmploymentType.FULL_TIME);
  }

  @Test
  void find_whenDnHasSpecialCharacters_thenFoundWithGroups() {
    Person mara = directory.find(MARA).orElseThrow();

    assertThat(mara.displayName()).isEqualTo("Mara Lind");
    assertThat(mara.employmentType()).isEqualTo(EmploymentType.CONTRACTOR);
    assertThat(mara.groups()).containsExactlyInAnyOrder("dept-engineering", "figma-users");
  }

  @Test
  void find_whenManagerRdnIsNotUid_thenManagerLoginLookedUp() {
    assertThat(directory.find(JO).orElseThrow().managerId()).contains(MARA);
  }

  @Test
  void find_whenGroupNameHasParentheses_thenLowerCaseName() {
    assertThat(directory.find(NORA).orElseThrow().groups())
        .containsExactlyInAnyOrder("sesame-catalog-admins", "finance (eu)", "figma-users");
  }

  @Test
  void find_afterMembershipChange_thenGroupsReflectItAtOnce() throws Exception {
    directory.find(SAM);
    try (LDAPConnectionPool admin = LdapEndpoint.of(server.connection()).openPool(1)) {
      admin.modify("cn=Finance (EU)," + GROUPS,
          new Modification(ModificationType.ADD, "member", "uid=sam.patel," + PEOPLE));
    }

    assertThat(directory.find(SAM).orElseThrow().groups()).contains("finance (eu)");
  }

  // --- authenticate --------------------------------------------------------------------------

  @Test
  void authenticate_whenRightPassword_thenTrue() {
    assertThat(directory.authenticate(SAM, "sesame")).isTrue();
  }

  @Test
  void authenticate_whenDnHasSpecialCharacters_thenTrue() {
    assertThat(directory.authenticate(MARA, "sesame")).isTrue();
  }

  @Test
  void authenticate_whenWrongPassword_thenFalse() {
    assertThat(directory.authenticate(SAM, "open sesame")).isFalse();
  }

  @Test
  void authenticate_whenEmptyPassword_thenFalse() {
    assertThat(directory.authenticate(SAM, "")).isFalse();
  }

  @Test
  void authenticate_whenUnknownLogin_thenFalse() {
    assertThat(directory.authenticate(new PersonId("nobody"), "sesame")).isFalse();
  }

  // --- everyone ------------------------------------------------------------------------------

  @Test
  void everyone_thenAllPeopleByLoginWithManagersAndGroups() {
    assertThat(directory.everyone()).extracting(Person::id).containsExactly(ALEX, JO, MARA, NORA, SAM);
    assertThat(directory.everyone())
        .filteredOn(p -> p.id().equals(JO)).singleElement()
        .satisfies(jo -> {
          assertThat(jo.managerId()).contains(MARA);
          assertThat(jo.groups()).containsExactly("dept-engineering");
        });
  }

  @Test
  void everyone_whenMoreThanOnePage_thenEveryone() throws Exception {
    // A plain in-memory server: the embedded one would save itself after each of the 1,050 adds.
    InMemoryDirectoryServer large = new InMemoryDirectoryServer(BASE);
    large.importFromLDIF(true, new LDIFReader(new ClassPathResource("directory/sample.ldif").getInputStream()));
    for (int i = 0; i < 1_050; i++) {
      large.add(new Entry("uid=temp" + i + "," + PEOPLE,
          new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson"),
          new Attribute("uid", "temp" + i), new Attribute("cn", "Temp " + i), new Attribute("sn", "Temp")));
    }
    large.startListening();
    DirectoryConnection anonymous = new DirectoryConnection("ldap://127.0.0.1:" + large.getListenPort(), "", "");
    try (LdapDirectory everyone = new LdapDirectory(anonymous, PEOPLE, GROUPS, CLOCK)) {
      assertThat(everyone.everyone()).hasSize(1_055);
    } finally {
      large.shutDown(true);
    }
  }

  // --- membersOf -----------------------------------------------------------------------------

  @Test
  void membersOf_whenGroupExists_thenDirectMembers() {
    assertThat(directory.membersOf("dept-engineering")).containsExactlyInAnyOrder(ALEX, SAM, MARA, JO);
  }

  @Test
  void membersOf_whenNameHasParentheses_thenMembers() {
    assertThat(directory.membersOf("Finance (EU)")).containsExactly(NORA);
  }

  @Test
  void membersOf_whenUnknownGroup_thenEmpty() {
    assertThat(directory.membersOf("no-such-group")).isEmpty();
  }

  @Test
  void membersOf_whenNameLooksLikeAFilter_thenEmpty() {
    assertThat(directory.membersOf("*)(cn=*")).isEmpty();
  }

  // --- unavailable ---------------------------------------------------------------------------

  @Test
  void find_whenServerUnreachable_thenUnavailable() throws IOException {
    try (LdapDirectory unreachable = new LdapDirectory(unreachableConnection(), PEOPLE, GROUPS, CLOCK)) {
      assertThatThrownBy(() -> unreachable.find(SAM))
          .isInstanceOf(UnavailableException.class)
          .hasMessageContaining("127.0.0.1:");
    }
  }

  @Test
  void authenticate_whenServerStops_thenUnavailable() {
    server.close();

    assertThatThrownBy(() -> directory.authenticate(SAM, "sesame")).isInstanceOf(UnavailableException.class);
  }

  private static DirectoryConnection unreachableConnection() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    return new DirectoryConnection("ldap://127.0.0.1:" + port, "cn=sesame," + BASE, "secret");
  }
}
