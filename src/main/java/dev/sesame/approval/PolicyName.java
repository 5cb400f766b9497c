package dev.sesame.approval;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The name of an approval policy, e.g. {@code MANAGER} (built in) or {@code production-access}.
 * Names are compared ignoring case: {@code manager} and {@code MANAGER} are one policy.
 */
public record PolicyName(String value) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _-]{0,63}");

  public PolicyName {
    value = value.strip();
    if (!NAME.matcher(value).matches()) {
      throw new IllegalArgumentException("'" + value + "' is not a policy name: use letters, digits, spaces, '-' and"
          + " '_' (at most 64), starting with a letter or digit");
    }
  }

  /** Parses untrusted text; empty when it is not a policy name. */
  public static Optional<PolicyName> parse(String text) {
    try {
      return Optional.of(new PolicyName(text));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }

  /** The case-insensitive key the policy is stored and found under. */
  public String key() {
    return value.toLowerCase(Locale.ROOT);
  }

  /** True when both name the same policy. */
  public boolean sameAs(PolicyName other) {
    return key().equals(other.key());
  }

  @Override
  public String toString() {
    return value;
  }
}
