package dev.sesame.provisioning.scim;

import dev.sesame.common.FieldError;
import dev.sesame.common.InvalidInputException;
import dev.sesame.provisioning.http.HttpSettings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A SCIM 2.0 server's settings: its base URL (the one {@code /Users} and {@code /Groups} hang off),
 * a bearer token, how long to wait, and the vendor variations a server may need.
 *
 * @param opCase how PATCH {@code op} values are written ({@code add} per RFC 7644, or {@code Add}
 *     for servers that only take that spelling)
 * @param removeStyle how one member is removed: a filtered path (RFC 7644 §3.5.2.2), or, for servers
 *     that reject filtered paths (Azure AD style), {@code path=members} with the one value once the
 *     server has rejected the filtered path
 * @param membershipCheck how membership is read: a group filter on the member, or the user's own
 *     {@code groups} attribute
 */
record ScimSettings(URI baseUrl, String bearerToken, Duration timeout, OpCase opCase, RemoveStyle removeStyle,
    MembershipCheck membershipCheck) {

  static final String BASE_URL = "base-url";
  static final String BEARER_TOKEN = "bearer-token";
  static final String TIMEOUT = "timeout";
  static final String OP_CASE = "op-case";
  static final String REMOVE_STYLE = "remove-style";
  static final String MEMBERSHIP_CHECK = "membership-check";
  static final String DEFAULT_TIMEOUT = "10s";
  static final String EXAMPLE_URL = "https://api.example.com/scim/v2";

  /** How PATCH {@code op} values are spelled. */
  enum OpCase {
    LOWER("lower"), CAPITALIZED("capitalized");

    final String key;

    OpCase(String key) {
      this.key = key;
    }

    String op(String op) {
      return this == LOWER ? op : op.substring(0, 1).toUpperCase(Locale.ROOT) + op.substring(1);
    }
  }

  /** How one member is removed. */
  enum RemoveStyle {
    /** {@code path: members[value eq "…"]}, the RFC's way. */
    FILTERED_PATH("filtered-path"),
    /**
     * The filtered path first; only when the server rejects it (400 other than {@code noTarget}),
     * {@code path: members, value: [{value: …}]} from then on (Azure AD style). NB. never that form
     * first: an RFC server removes every member for it.
     */
    VALUE_LIST_WHEN_REJECTED("value-list-when-rejected");

    final String key;

    RemoveStyle(String key) {
      this.key = key;
    }
  }

  /** How membership is read. */
  enum MembershipCheck {
    /** {@code GET /Groups?filter=id eq "g" and members[value eq "u"]}. */
    GROUP_FILTER("group-filter"),
    /** {@code GET /Users/{id}?attributes=groups} (direct and indirect groups, RFC 7643 §4.1.2). */
    USER_GROUPS("user-groups");

    final String key;

    MembershipCheck(String key) {
      this.key = key;
    }
  }

  /** Every problem with these settings, each naming its key. */
  static List<FieldError> validate(Map<String, String> settings) {
    List<FieldError> errors = new ArrayList<>();
    read(settings, errors);
    return errors;
  }

  /** The settings, or an {@link InvalidInputException} listing every problem. */
  static ScimSettings from(Map<String, String> settings) {
    List<FieldError> errors = new ArrayList<>();
    ScimSettings read = read(settings, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return read;
  }

  @Override
  public String toString() {
    return "ScimSettings[baseUrl=" + baseUrl + ", timeout=" + timeout + ", opCase=" + opCase + ", removeStyle="
        + removeStyle + ", membershipCheck=" + membershipCheck + "]";
  }

  private static ScimSettings read(Map<String, String> settings, List<FieldError> errors) {
    URI base = HttpSettings.url(settings.getOrDefault(BASE_URL, ""), BASE_URL, EXAMPLE_URL, errors);
    String token = settings.getOrDefault(BEARER_TOKEN, "").trim();
    if (token.isEmpty()) {
      errors.add(new FieldError(BEARER_TOKEN, "is required: the bearer token the SaaS issued for provisioning"));
    }
    Duration timeout = HttpSettings.duration(settings.getOrDefault(TIMEOUT, DEFAULT_TIMEOUT), TIMEOUT, errors);
    OpCase opCase = choice(settings, OP_CASE, OpCase.values(), OpCase.LOWER, o -> o.key, errors);
    RemoveStyle remove = choice(settings, REMOVE_STYLE, RemoveStyle.values(), RemoveStyle.FILTERED_PATH, r -> r.key,
        errors);
    MembershipCheck check = choice(settings, MEMBERSHIP_CHECK, MembershipCheck.values(), MembershipCheck.GROUP_FILTER,
        m -> m.key, errors);
    return new ScimSettings(base, token, timeout, opCase, remove, check);
  }

  private static <T> T choice(Map<String, String> settings, String key, T[] values, T fallback,
      java.util.function.Function<T, String> name, List<FieldError> errors) {
    String value = settings.getOrDefault(key, "").trim();
    if (value.isEmpty()) {
      return fallback;
    }
    for (T t : values) {
      if (name.apply(t).equalsIgnoreCase(value)) {
        return t;
      }
    }
    errors.add(new FieldError(key, "'" + value + "' is not one of "
        + java.util.Arrays.stream(values).map(name).toList()));
    return fallback;
  }
}
