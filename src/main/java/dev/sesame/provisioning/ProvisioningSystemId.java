package dev.sesame.provisioning;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The name of a configured provisioning system, e.g. {@code corp-ldap}. */
public record ProvisioningSystemId(String value) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  public ProvisioningSystemId {
    value = value.trim().toLowerCase(Locale.ROOT);
    if (!NAME.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "'" + value + "' is not a system name: use lower-case letters, digits and '-' (at most 64)");
    }
  }

  /** Parses untrusted text; empty when it is not a system name. */
  public static Optional<ProvisioningSystemId> parse(String text) {
    try {
      return Optional.of(new ProvisioningSystemId(text));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return "system:" + value;
  }
}
