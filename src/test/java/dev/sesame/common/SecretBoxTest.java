package dev.sesame.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

  private static final String SAMPLE_SECRET = "{\"bind-password\":\"s3cr3t-Pa55\"}";
  private static final String SAMPLE_CONTEXT = "system:partner-ldap";

  private static byte[] key(int seed) {
    byte[] key = new byte[SecretBox.KEY_BYTES];
    new java.util.Random(seed).nextBytes(key);
    return key;
  }

  private static SecretBox box(int seed) {
    return new SecretBox(key(seed), new SecureRandom());
  }

  @Test
  void open_whenSealedWithSameKeyAndContext_thenReturnsTheText() {
    SecretBox box = box(1);
    assertThat(box.open(box.seal(SAMPLE_SECRET, SAMPLE_CONTEXT), SAMPLE_CONTEXT)).isEqualTo(SAMPLE_SECRET);
  }

  @Test
  void seal_whenSealedTwice_thenDifferentAndNeverInClear() {
    SecretBox box = box(1);
    byte[] first = box.seal(SAMPLE_SECRET, SAMPLE_CONTEXT);
    byte[] second = box.seal(SAMPLE_SECRET, SAMPLE_CONTEXT);
    assertThat(first).isNotEqualTo(second);
    assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("s3cr3t");
  }

  @Test
  void open_whenOtherKey_thenFailsNamingTheKeySettings() {
    byte[] sealed = box(1).seal(SAMPLE_SECRET, SAMPLE_CONTEXT);
    assertThatThrownBy(() -> box(2).open(sealed, SAMPLE_CONTEXT))
        .isInstanceOf(SecretBox.CannotOpen.class)
        .hasMessageContaining(SAMPLE_CONTEXT)
        .hasMessageContaining("sesame.secrets.key")
        .hasMessageNotContaining("s3cr3t");
  }

  @Test
  void open_whenOneByteChanged_thenTamperingDetected() {
    SecretBox box = box(1);
    byte[] sealed = box.seal(SAMPLE_SECRET, SAMPLE_CONTEXT);
    for (int i = 1; i < sealed.length; i++) {
      byte[] tampered = sealed.clone();
      tampered[i] ^= 0x01;
      assertThatThrownBy(() -> box.open(tampered, SAMPLE_CONTEXT)).isInstanceOf(SecretBox.CannotOpen.class);
    }
  }

  @Test
  void open_whenOtherContext_thenFails() {
    SecretBox box = box(1);
    byte[] sealed = box.seal(SAMPLE_SECRET, SAMPLE_CONTEXT);
    assertThatThrownBy(() -> box.open(sealed, "system:corp-ldap")).isInstanceOf(SecretBox.CannotOpen.class);
  }

  @Test
  void open_whenTruncatedOrUnknownFormat_thenFailsClearly() {
    assertThatThrownBy(() -> box(1).open(new byte[] {1, 2, 3}, SAMPLE_CONTEXT))
        .isInstanceOf(SecretBox.CannotOpen.class).hasMessageContaining("not in a known format");
  }

  @Test
  void parseKey_whenBase64Of32Bytes_thenKeyElseEmpty() {
    assertThat(SecretBox.parseKey(Base64.getEncoder().encodeToString(key(3)) + "\n")).hasValue(key(3));
    assertThat(SecretBox.parseKey(Base64.getEncoder().encodeToString(new byte[16]))).isEmpty();
    assertThat(SecretBox.parseKey("not base64!")).isEmpty();
  }

  @Test
  void constructor_whenKeyTooShort_thenRefused() {
    assertThatThrownBy(() -> new SecretBox(new byte[16], new SecureRandom()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32");
  }
}
