package dev.sesame.common;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets at rest with AES-256-GCM. A sealed value is one format byte, a random 12-byte
 * nonce and the cipher text with its tag; the {@code context} (e.g. the owner's name) is bound to
 * it as associated data, so a value copied to another owner does not open. Thread-safe.
 */
public final class SecretBox {

  /** The length of a key in bytes (AES-256). */
  public static final int KEY_BYTES = 32;

  private static final byte FORMAT = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final SecureRandom random;

  public SecretBox(byte[] key, SecureRandom random) {
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException("a secrets key has " + KEY_BYTES + " bytes, not " + key.length);
    }
    this.key = new SecretKeySpec(key.clone(), "AES");
    this.random = random;
  }

  /** A key from its base64 text; empty when the text is not base64 of exactly 32 bytes. */
  public static Optional<byte[]> parseKey(String base64) {
    try {
      byte[] key = Base64.getDecoder().decode(base64.strip());
      return key.length == KEY_BYTES ? Optional.of(key) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Encrypts the text for this context. */
  public byte[] seal(String plainText, String context) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plainText.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(FORMAT).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM: " + e.getMessage(), e);
    }
  }

  /**
   * Decrypts a value sealed for this context.
   *
   * @throws SecretBox.CannotOpen when the key is not the one it was sealed with, or the value or its
   *     context was changed
   */
  public String open(byte[] sealed, String context) {
    if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != FORMAT) {
      throw new CannotOpen("the secrets of " + context + " are not in a known format; they were not written by Sesame");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] plain = cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw new CannotOpen("cannot decrypt the secrets of " + context + ": they were encrypted with another key"
          + " (check sesame.secrets.key / sesame.secrets.key-file) or changed after they were written", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "SecretBox[AES-256-GCM]";
  }

  /** A sealed value that cannot be opened: wrong key, or changed since it was sealed. */
  public static final class CannotOpen extends RuntimeException {

    CannotOpen(String message) {
      super(message);
    }

    CannotOpen(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
