package dev.sesame.directory;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** A person's login in the company directory, e.g. {@code alex.kim}; compared ignoring case. */
public record PersonId(String value) implements Comparable<PersonId> {

  private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,127}");

  public PersonId {
    value = value.trim().toLowerCase(Locale.ROOT);
    if (!LOGIN.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "'" + value + "' is not a login: use letters, digits, '.', '_', '-' (at most 128)");
    }
  }

  /** Parses untrusted text; empty when it is not a login. */
  public static Optional<PersonId> parse(String text) {
    try {
      return Optional.of(new PersonId(text));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }

  @Override
  public int compareTo(PersonId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return "person:" + value;
  }
}
