package dev.sesame.provisioning;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which settings of a system are secrets: every key that names a password, secret, token or key
 * ({@code bind-password}, {@code client-secret}, {@code api-token}, {@code private-key}). Secrets
 * are encrypted at rest and never shown, returned or logged.
 */
public final class SecretSettings {

  private static final String[] MARKERS = {"password", "secret", "token", "key"};

  private SecretSettings() {}

  /** True when the setting with this key holds a secret. */
  public static boolean isSecret(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    for (String marker : MARKERS) {
      if (k.contains(marker)) {
        return true;
      }
    }
    return false;
  }

  /** The settings that are not secrets. */
  public static Map<String, String> plain(Map<String, String> settings) {
    Map<String, String> plain = new TreeMap<>();
    settings.forEach((k, v) -> {
      if (!isSecret(k)) {
        plain.put(k, v);
      }
    });
    return plain;
  }

  /** The settings that are secrets. */
  public static Map<String, String> secrets(Map<String, String> settings) {
    Map<String, String> secrets = new TreeMap<>();
    settings.forEach((k, v) -> {
      if (isSecret(k)) {
        secrets.put(k, v);
      }
    });
    return secrets;
  }
}
