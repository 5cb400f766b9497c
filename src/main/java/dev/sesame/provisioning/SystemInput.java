package dev.sesame.provisioning;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A system as an admin enters it.
 *
 * @param name the system's name (ignored when changing a system: names cannot change)
 * @param kind the kind of system, e.g. {@code ldap}
 * @param settings the kind's settings as entered; an empty secret keeps the stored one
 * @param followsDirectory true to take url, bind-dn and bind-password from Sesame's directory
 *     connection instead
 */
public record SystemInput(String name, String kind, Map<String, String> settings, boolean followsDirectory) {

  public SystemInput {
    settings = Map.copyOf(settings);
  }

  @Override
  public String toString() {
    return "SystemInput[name=" + name + ", kind=" + kind + ", settings=" + SecretSettings.plain(settings).keySet()
        + ", followsDirectory=" + followsDirectory + "]";
  }

  /** The settings to store in clear: the entered ones that are not secrets and not empty. */
  Map<String, String> plainSettings() {
    Map<String, String> plain = new TreeMap<>();
    SecretSettings.plain(settings).forEach((k, v) -> {
      if (!v.isBlank() && !(followsDirectory && ProvisioningSystems.DIRECTORY_SETTINGS.contains(k))) {
        plain.put(k, v.strip());
      }
    });
    return plain;
  }

  /** The secrets to store: the stored ones, replaced by those entered (not empty). */
  Map<String, String> secrets(Map<String, String> stored) {
    Map<String, String> secrets = new TreeMap<>(stored);
    SecretSettings.secrets(settings).forEach((k, v) -> {
      if (!v.isEmpty()) {
        secrets.put(k, v);
      }
    });
    if (followsDirectory) {
      ProvisioningSystems.DIRECTORY_SETTINGS.forEach(secrets::remove);
    }
    return secrets;
  }

  /** The names of the secrets entered (changed). */
  Set<String> secretsEntered() {
    Set<String> entered = new TreeSet<>();
    SecretSettings.secrets(settings).forEach((k, v) -> {
      if (!v.isEmpty()) {
        entered.add(k);
      }
    });
    return entered;
  }
}
