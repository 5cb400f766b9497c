package dev.sesame.directory.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sesame.directory.Directory;
import dev.sesame.directory.DirectoryConnection;
import dev.sesame.directory.PersonId;
import dev.sesame.directory.embedded.EmbeddedDirectoryServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class DirectoryConfigurationIT {

  @TempDir
  Path dataDir;

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withUserConfiguration(DirectoryConfiguration.class)
      .withPropertyValues(
          "sesame.directory.embedded.port=0",
          "sesame.directory.embedded.seed=classpath:directory/sample.ldif");

  @Test
  void context_whenNoUrl_thenEmbeddedDirectoryServesTheDirectory() {
    context.withPropertyValues("sesame.data-dir=" + dataDir).run(started -> {
      EmbeddedDirectoryServer embedded = started.getBean(EmbeddedDirectoryServer.class);
      assertThat(started.getBean(DirectoryConnection.class)).isEqualTo(embedded.connection());
      assertThat(started.getBean(Directory.class).find(new PersonId("sam.patel"))).isPresent();
    });
  }

  @Test
  void context_whenUrlSet_thenConnectionFromSettingsAndNoEmbeddedDirectory() {
    context.withPropertyValues(
            "sesame.directory.url=ldap://ldap.brightwave.example:389",
            "sesame.directory.bind-dn=cn=sesame,ou=services,dc=brightwave,dc=example",
            "sesame.directory.bind-password=secret")
        .run(started -> {
          assertThat(started).doesNotHaveBean(EmbeddedDirectoryServer.class);
          assertThat(started.getBean(DirectoryConnection.class)).isEqualTo(new DirectoryConnection(
              "ldap://ldap.brightwave.example:389", "cn=sesame,ou=services,dc=brightwave,dc=example", "secret"));
        });
  }
}
