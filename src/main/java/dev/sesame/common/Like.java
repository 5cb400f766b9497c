package dev.sesame.common;

import java.util.Locale;

/**
 * SQL {@code like} patterns built from untrusted text: the text's own {@code %}, {@code _} and
 * backslashes match literally (with {@code escape '\'}), so a search for "50%" finds "50%" only.
 */
public final class Like {

  private Like() {}

  /** A pattern that matches any text containing {@code text}, lower-cased for {@code ilike} or {@code lower()}. */
  public static String containing(String text) {
    return "%" + escape(text.strip().toLowerCase(Locale.ROOT)) + "%";
  }

  /** The text with {@code \}, {@code %} and {@code _} escaped by a backslash. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (char c : text.toCharArray()) {
      if (c == '\\' || c == '%' || c == '_') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
