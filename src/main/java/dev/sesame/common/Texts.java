package dev.sesame.common;

import java.util.Optional;

/** Checks on free text before it is stored. */
public final class Texts {

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
}
