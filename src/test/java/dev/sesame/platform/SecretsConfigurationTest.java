package dev.sesame.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsConfigurationTest {

  private static final byte[] SAMPLE_KEY = new byte[32];
  private static final String SAMPLE_KEY_TEXT = Base64.getEncoder().encodeToString(SAMPLE_KEY);

  @TempDir
  Path dataDir;

  private PlatformSettings settings(String key, String keyFile) {
    return new PlatformSettings(dataDir, new PlatformSettings.Jobs(true, 2, Duration.ofSeconds(1), Duration.ofSeconds(10)),
        new PlatformSettings.Secrets(key, keyFile));
  }

  @Test
  void key_whenNothingSet_thenGeneratedOnceIntoDataDirReadableByOwnerOnly() throws Exception {
    byte[] first = SecretsConfiguration.key(settings("", ""), new SecureRandom());
    Path file = dataDir.resolve("secrets.key");
    assertThat(file).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(SecretsConfiguration.key(settings("", ""), new SecureRandom())).isEqualTo(first);
  }

  @Test
  void key_whenKeySet_thenUsedAndNoFileWritten() {
    assertThat(SecretsConfiguration.key(settings(SAMPLE_KEY_TEXT, ""), new SecureRandom())).isEqualTo(SAMPLE_KEY);
    assertThat(dataDir.resolve("secrets.key")).doesNotExist();
  }

  @Test
  void key_whenKeyFileSet_thenReadFromIt() throws Exception {
    Path file = Files.writeString(dataDir.resolve("mounted.key"), SAMPLE_KEY_TEXT + "\n");
    assertThat(SecretsConfiguration.key(settings("", file.toString()), new SecureRandom())).isEqualTo(SAMPLE_KEY);
  }

  @Test
  void key_whenKeyIsNot32Bytes_thenStartFailsNamingTheSetting() {
    assertThatThrownBy(() -> SecretsConfiguration.key(settings("c2hvcnQ=", ""), new SecureRandom()))
        .hasMessageContaining("sesame.secrets.key").hasMessageContaining("openssl rand -base64 32")
        .hasMessageNotContaining("c2hvcnQ=");
  }

  @Test
  void key_whenKeyFileMissing_thenStartFailsNamingTheSetting() {
    assertThatThrownBy(() -> SecretsConfiguration.key(settings("", dataDir.resolve("nope").toString()), new SecureRandom()))
        .hasMessageContaining("sesame.secrets.key-file");
  }
}
