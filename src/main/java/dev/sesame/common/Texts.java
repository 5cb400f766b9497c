package dev.sesame.common;

import java.util.Optional;
import java.util.regex.Pattern;

/** Checks on free text before it is stored. */
public final class Texts {

  private static final Pattern SECRET = Pattern.compile("(?i)((?:password|passwd|secret|token|api[-_]?key"
      + "|authorization)\\s*[=:]\\s*(?:(?:bearer|basic|ssws)\\s+)?)([^\\s,;&\"']+)");

  private Texts() {}

  /**
   * Why the text cannot be stored: it contains a NUL or another control character other than tab
   * and line breaks (PostgreSQL cannot store NUL, and the others only hide text); empty when fine.
   */
  public static Optional<String> problem(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
        return Optional.of(c == 0 ? "must not contain NUL characters"
            : String.format("must not contain the control character U+%04X", (int) c));
      }
    }
    return Optional.empty();
  }

  /** Refuses text with control characters, naming the field. */
  public static String require(String field, String text) {
    problem(text).ifPresent(reason -> {
      throw new InvalidInputException(field, reason);
    });
    return text;
  }

  /**
   * The text with anything that looks like a credential ({@code password=…}, {@code token: …})
   * masked: for errors that came from outside (an identity system's answer) before they are
   * stored, logged or shown.
   */
  public static String maskSecrets(String text) {
    return SECRET.matcher(text).replaceAll("$1****");
  }
}
