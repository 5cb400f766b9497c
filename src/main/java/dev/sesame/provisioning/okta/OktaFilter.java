package dev.sesame.provisioning.okta;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Okta {@code search} expressions built from parts: attribute names come from code, values are
 * quoted with {@code "} and {@code \} escaped, so catalog or directory text can never change the
 * expression.
 */
final class OktaFilter {

  private OktaFilter() {}

  /** {@code attribute eq "value"}. */
  static String eq(String attribute, String value) {
    return attribute + " eq \"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** The terms joined with {@code or}. */
  static String or(List<String> terms) {
    return terms.stream().distinct().collect(Collectors.joining(" or "));
  }
}
