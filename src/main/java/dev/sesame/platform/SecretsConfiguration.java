package dev.sesame.platform;

import dev.sesame.common.SecretBox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link SecretBox} that encrypts secrets at rest, with its key from {@code sesame.secrets.key},
 * else from {@code sesame.secrets.key-file}, else from {@code <data-dir>/secrets.key}, generated on
 * the first start. The key itself is never logged.
 */
@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

  static final String GENERATED_FILE = "secrets.key";

  private static final Logger log = LoggerFactory.getLogger(SecretsConfiguration.class);

  @Bean
  SecretBox secretBox(PlatformSettings settings) {
    SecureRandom random = new SecureRandom();
    return new SecretBox(key(settings, random), random);
  }

  static byte[] key(PlatformSettings settings, SecureRandom random) {
    PlatformSettings.Secrets secrets = settings.secrets();
    if (!secrets.key().isBlank()) {
      return SecretBox.parseKey(secrets.key()).orElseThrow(() -> new IllegalStateException(
          "sesame.secrets.key: is not base64 of 32 bytes; make one with: openssl rand -base64 32"));
    }
    if (!secrets.keyFile().isBlank()) {
      return read(Path.of(secrets.keyFile()), "sesame.secrets.key-file");
    }
    Path file = settings.dataDir().resolve(GENERATED_FILE).toAbsolutePath().normalize();
    if (!Files.exists(file)) {
      generate(file, random);
    }
    return read(file, "the generated secrets key (" + file + ")");
  }

  private static byte[] read(Path file, String what) {
    try {
      return SecretBox.parseKey(Files.readString(file, StandardCharsets.UTF_8)).orElseThrow(() ->
          new IllegalStateException(what + ": " + file + " does not hold base64 of 32 bytes; make one with: "
              + "openssl rand -base64 32"));
    } catch (IOException e) {
      throw new IllegalStateException(what + ": cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static void generate(Path file, SecureRandom random) {
    byte[] key = new byte[SecretBox.KEY_BYTES];
    random.nextBytes(key);
    try {
      Files.createDirectories(file.getParent());
      try {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        Files.createFile(file);
      }
      Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.UTF_8);
      log.info("Generated the key that encrypts secrets at rest into {}; back it up with the database, or set "
          + "sesame.secrets.key or sesame.secrets.key-file", file);
    } catch (FileAlreadyExistsException e) {
      log.debug("{} was created meanwhile", file);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot write the secrets key to " + file + " (sesame.data-dir): "
          + e.getMessage() + "; set sesame.secrets.key or sesame.secrets.key-file instead", e);
    }
  }
}
