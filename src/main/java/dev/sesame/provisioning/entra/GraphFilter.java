package dev.sesame.provisioning.entra;

import java.util.List;
import java.util.stream.Collectors;

/**
 * OData {@code $filter} expressions built from parts: property names come from code, values are
 * single-quoted with {@code '} doubled, so directory text can never change the expression.
 */
final class GraphFilter {

  private GraphFilter() {}

  /** {@code property eq 'value'}. */
  static String eq(String property, String value) {
    return property + " eq '" + value.replace("'", "''") + "'";
  }

  /** The terms joined with {@code or}. */
  static String or(List<String> terms) {
    return terms.stream().distinct().collect(Collectors.joining(" or "));
  }
}
