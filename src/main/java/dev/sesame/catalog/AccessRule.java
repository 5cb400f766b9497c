package dev.sesame.catalog;

/**
 * Who may have an app: a CEL expression over {@code user} (login, email, displayName, title,
 * department, location, country, employmentType, manager, groups) that must yield a boolean.
 */
public record AccessRule(String expression) {

  /** Everyone may have the app. */
  public static final AccessRule EVERYONE = new AccessRule("true");

  public AccessRule {
    expression = expression.strip();
    if (expression.isEmpty()) {
      expression = "true";
    }
    if (expression.length() > 4000) {
      throw new IllegalArgumentException("the access rule is longer than 4000 characters");
    }
  }

  /** True when the rule admits everyone without evaluation. */
  public boolean isEveryone() {
    return expression.equals("true");
  }
}
