package dev.sesame.provisioning.scim;

/**
 * SCIM filter terms (RFC 7644 §3.4.2.2) built from parts: attribute names come from code, values
 * are JSON strings with {@code "} and {@code \} escaped, so directory text can never change the
 * expression.
 */
final class ScimFilter {

  private ScimFilter() {}

  /** {@code attribute eq "value"}. */
  static String eq(String attribute, String value) {
    return attribute + " eq " + quote(value);
  }

  /** The value as a JSON string literal. */
  static String quote(String value) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        default -> {
          if (c < 0x20) {
            quoted.append(String.format("\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }
}
