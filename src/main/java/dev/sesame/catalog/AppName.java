package dev.sesame.catalog;

import java.util.Locale;
import java.util.Optional;

/**
 * The name of an app in the catalog, e.g. {@code Figma}: 1 to 128 characters, none of
 * {@code / \ % ; ? #}, no control or text-direction characters, not only dots. It keeps the admin's spelling for display; two names that differ only in case are
 * the same app ({@link #key()}).
 */
public record AppName(String value) {

  public static final int MAX_LENGTH = 128;

  private static final java.util.List<String> FORBIDDEN = java.util.List.of("\\", "%", ";", "?", "#");

  public AppName {
    value = value.strip();
    if (value.isEmpty()) {
      throw new IllegalArgumentException("the name is empty");
    }
    if (value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "the name has " + value.length() + " characters; at most " + MAX_LENGTH + " are allowed");
    }
    if (value.contains("/")) {
      throw new IllegalArgumentException("the name must not contain '/'");
    }
    // NB. names are addresses too (/api/apps/{name}, links in the console): characters that web
    // servers refuse or rewrite in a path, or that reorder text on screen, would make an app that
    // can never be reached or that reads as another.
    for (String forbidden : FORBIDDEN) {
      if (value.contains(forbidden)) {
        throw new IllegalArgumentException("the name must not contain '" + forbidden + "'");
      }
    }
    if (value.chars().allMatch(c -> c == '.')) {
      throw new IllegalArgumentException("the name must not be only dots");
    }
    if (value.chars().anyMatch(c -> c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069 || c == 0x200E || c == 0x200F)) {
      throw new IllegalArgumentException("the name must not contain text-direction control characters");
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("the name must not contain control characters");
    }
  }

  /** Parses untrusted text; empty when it is not a valid name. */
  public static Optional<AppName> parse(String text) {
    try {
      return Optional.of(new AppName(text));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }

  /** The case-insensitive identity of the app. */
  public String key() {
    return value.toLowerCase(Locale.ROOT);
  }

  /** True when both names denote the same app. */
  public boolean sameAs(AppName other) {
    return key().equals(other.key());
  }

  @Override
  public String toString() {
    return "app:" + value;
  }
}
