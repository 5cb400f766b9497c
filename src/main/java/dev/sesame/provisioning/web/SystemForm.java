package dev.sesame.provisioning.web;

import dev.sesame.provisioning.ConnectorFactory;
import dev.sesame.provisioning.ProvisioningSystem;
import dev.sesame.provisioning.SystemInput;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The system editor's form as posted: {@code name}, {@code kind}, {@code version}, {@code
 * followsDirectory} and each setting as {@code s.<key>} (e.g. {@code s.bind-dn}). Secrets are
 * never put back into a form: an empty secret field keeps the stored secret.
 */
record SystemForm(String name, String kind, String version, boolean followsDirectory, Map<String, String> settings) {

  static final String SETTING = "s.";
  private static final int MAX = 2000;

  SystemForm {
    settings = Map.copyOf(settings);
  }

  /** The form as posted; unknown parameters are ignored. */
  static SystemForm from(Map<String, String> params) {
    Map<String, String> settings = new TreeMap<>();
    params.forEach((key, value) -> {
      if (key.startsWith(SETTING) && key.length() > SETTING.length() && settings.size() < 50) {
        settings.put(key.substring(SETTING.length()), clip(value));
      }
    });
    return new SystemForm(clip(params.getOrDefault("name", "")).strip(), clip(params.getOrDefault("kind", "")).strip(),
        params.getOrDefault("version", "").strip(), "true".equals(params.get("followsDirectory")), settings);
  }

  /** The form of a stored system: its plain settings, no secret. */
  static SystemForm of(ProvisioningSystem system) {
    return new SystemForm(system.id().value(), system.kind(), String.valueOf(system.version()),
        system.followsDirectory(), system.settings());
  }

  /** A form for a new system of this kind, with the kind's defaults filled in. */
  static SystemForm empty(ConnectorFactory factory) {
    Map<String, String> defaults = new TreeMap<>();
    factory.fields().stream().filter(f -> !f.defaultValue().isEmpty())
        .forEach(f -> defaults.put(f.name(), f.defaultValue()));
    return new SystemForm("", factory.kind(), "", false, defaults);
  }

  /** The same form, named after the system being edited (names cannot change). */
  SystemForm named(String systemName) {
    return new SystemForm(systemName, kind, version, followsDirectory, settings);
  }

  /** What the use cases take. */
  SystemInput input() {
    return new SystemInput(name, kind, settings, followsDirectory);
  }

  /** The version read, null when missing or not a number. */
  @Nullable Integer versionNumber() {
    try {
      return Integer.valueOf(version);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The entered value of a setting, empty when none. */
  String value(String key) {
    return settings.getOrDefault(key, "");
  }

  @Override
  public String toString() {
    return "SystemForm[name=" + name + ", kind=" + kind + ", version=" + version + "]";
  }

  private static String clip(String value) {
    return value.length() > MAX ? value.substring(0, MAX) : value;
  }
}
