package dev.sesame.catalog;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The canonical name of a role within an app, e.g. {@code read-only}; lower case. */
public record RoleName(String value) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  public RoleName {
    value = value.strip().toLowerCase(Locale.ROOT);
    if (!NAME.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "'" + value + "' is not a role name: use lower-case letters, digits, '-' and '_' (at most 64)");
    }
  }

  /** Parses untrusted text; empty when it is not a role name. */
  public static Optional<RoleName> parse(String text) {
    try {
      return Optional.of(new RoleName(text));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return "role:" + value;
  }
}
