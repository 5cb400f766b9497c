package dev.sesame.directory.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import dev.sesame.directory.DirectoryConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

class EmbeddedDirectoryServerIT {

  private static final String BASE = "dc=brightwave,dc=example";
  private static final Resource SEED = new ClassPathResource("directory/sample.ldif");
  private static final String FINANCE = "cn=Finance (EU),ou=groups," + BASE;
  private static final String SAM = "uid=sam.patel,ou=people," + BASE;

  @TempDir
  Path dataDir;

  private EmbeddedDirectoryServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  // --- start ---------------------------------------------------------------------------------

  @Test
  void start_whenDataDirIsEmpty_thenServesTheSeedWithoutWritingAFile() throws Exception {
    server = EmbeddedDirectoryServer.start(BASE, 0, SEED, dataDir);

    try (LDAPConnection connection = bound(server.connection())) {
      assertThat(connection.getEntry(SAM)).isNotNull();
    }
    assertThat(dataDir.resolve(EmbeddedDirectoryServer.FILE)).doesNotExist();
  }

  @Test
  void start_whenSeedIsMissing_thenFailsNamingTheSetting() {
    Resource missing = new ClassPathResource("directory/nope.ldif");

    assertThatThrownBy(() -> EmbeddedDirectoryServer.start(BASE, 0, missing, dataDir))
        .hasMessageContaining("sesame.directory.embedded.seed");
  }

  @Test
  void connection_whenStarted_thenLoopbackUrlWithFreshCredentials() throws Exception {
    server = EmbeddedDirectoryServer.start(BASE, 0, SEED, dataDir);

    DirectoryConnection connection = server.connection();
    assertThat(connection.url()).isEqualTo("ldap://127.0.0.1:" + server.port());
    assertThat(connection.bindDn()).isEqualTo("cn=sesame," + BASE);
    assertThat(connection.bindPassword()).hasSizeGreaterThanOrEqualTo(24);
    assertThat(connection.toString()).doesNotContain(connection.bindPassword());
  }

  @Test
  void search_whenAnonymous_thenRefused() throws Exception {
    server = EmbeddedDirectoryServer.start(BASE, 0, SEED, dataDir);

    try (LDAPConnection anonymous = new LDAPConnection("127.0.0.1", server.port())) {
      assertThatThrownBy(() -> anonymous.getEntry(SAM))
          .isInstanceOfSatisfying(LDAPException.class,
              e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.INSUFFICIENT_ACCESS_RIGHTS));
    }
  }

  @Test
  void modify_whenBoundAsAnEmployee_thenRefusedAndNothingChanges() throws Exception {
    server = EmbeddedDirectoryServer.start(BASE, 0, SEED, dataDir);

    try (LDAPConnection employee = new LDAPConnection("127.0.0.1", server.port(), SAM, "sesame")) {
      assertThatThrownBy(() -> employee.modify(FINANCE, new Modification(ModificationType.ADD, "member", SAM)))
          .isInstanceOfSatisfying(LDAPException.class,
              e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.INSUFFICIENT_ACCESS_RIGHTS));
      assertThatThrownBy(() -> employee.delete(FINANCE)).isInstanceOf(LDAPException.class);
    }
    try (LDAPConnection connection = bound(server.connection())) {
      assertThat(connection.getEntry(FINANCE).getAttributeValues("member")).doesNotContain(SAM);
    }
    assertThat(dataDir.resolve(EmbeddedDirectoryServer.FILE)).doesNotExist();
  }

  @Test
  void search_whenAnyoneReadsAPerson_thenNoPasswordIsReturned() throws Exception {
    server = EmbeddedDirectoryServer.start(BASE, 0, SEED, dataDir);

    try (LDAPConnection employee = new LDAPConnection("127.0.0.1", server.port(), SAM, "sesame");
        LDAPConnection service = bound(server.connection())) {
      assertThat(employee.getEntry(SAM, "*", "userPassword").hasAttribute("userPassword")).isFalse();
      assertThat(service.getEntry(SAM, "userPassword").hasAttribute("userPassword")).isFalse();
    }
  }

  // --- persistence ---------------------------------------------------------------------------

  @Test
  void modify_whenSuccessful_thenSavedAndKeptAfterRestart() throws Exception {
    server = EmbeddedDirectoryServer.start(BASE, 0, SEED, dataDir);
    try (LDAPConnection connection = bound(server.connection())) {
      connection.modify(FINANCE, new Modification(ModificationType.ADD, "member", SAM));
    }
    assertThat(dataDir.resolve(EmbeddedDirectoryServer.FILE)).exists();
    server.close();

    server = EmbeddedDirectoryServer.start(BASE, 0, SEED, dataDir);

    try (LDAPConnection connection = bound(server.connection())) {
      assertThat(connection.getEntry(FINANCE).getAttributeValues("member")).contains(SAM);
    }
  }

  @Test
  void addAndDelete_whenSuccessful_thenSavedAndNoTemporaryFilesLeft() throws Exception {
    server = EmbeddedDirectoryServer.start(BASE, 0, SEED, dataDir);
    try (LDAPConnection connection = bound(server.connection())) {
      connection.add(new Entry("cn=zoom-users,ou=groups," + BASE,
          new com.unboundid.ldap.sdk.Attribute("objectClass", "top", "groupOfNames"),
          new com.unboundid.ldap.sdk.Attribute("cn", "zoom-users"),
          new com.unboundid.ldap.sdk.Attribute("member", SAM)));
      connection.delete("cn=figma-users,ou=groups," + BASE);
    }
    server.close();

    server = EmbeddedDirectoryServer.start(BASE, 0, SEED, dataDir);

    try (LDAPConnection connection = bound(server.connection())) {
      assertThat(connection.getEntry("cn=zoom-users,ou=groups," + BASE)).isNotNull();
      assertThat(connection.getEntry("cn=figma-users,ou=groups," + BASE)).isNull();
    }
    try (Stream<Path> files = Files.list(dataDir.resolve("directory"))) {
      assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("directory.ldif");
    }
  }

  @Test
  void modify_whenRefused_thenNothingSaved() throws Exception {
    server = EmbeddedDirectoryServer.start(BASE, 0, SEED, dataDir);
    try (LDAPConnection connection = bound(server.connection())) {
      assertThatThrownBy(() -> connection.modify(
          "cn=no-such-group,ou=groups," + BASE, new Modification(ModificationType.ADD, "member", SAM)))
          .isInstanceOf(LDAPException.class);
    }

    assertThat(dataDir.resolve(EmbeddedDirectoryServer.FILE)).doesNotExist();
  }

  @Test
  void start_whenAnotherDataDir_thenStartsFromTheSeed(@TempDir Path otherDataDir) throws Exception {
    server = EmbeddedDirectoryServer.start(BASE, 0, SEED, dataDir);
    try (LDAPConnection connection = bound(server.connection())) {
      connection.modify(FINANCE, new Modification(ModificationType.ADD, "member", SAM));
    }
    server.close();

    server = EmbeddedDirectoryServer.start(BASE, 0, SEED, otherDataDir);

    try (LDAPConnection connection = bound(server.connection())) {
      assertThat(connection.getEntry(FINANCE).getAttributeValues("member")).doesNotContain(SAM);
    }
  }

  // --- helpers -------------------------------------------------------------------------------

  private static LDAPConnection bound(DirectoryConnection connection) throws LDAPException {
    LDAPURL url = new LDAPURL(connection.url());
    return new LDAPConnection(url.getHost(), url.getPort(), connection.bindDn(), connection.bindPassword());
  }
}
