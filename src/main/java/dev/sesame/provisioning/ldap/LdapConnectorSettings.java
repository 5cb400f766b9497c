package dev.sesame.provisioning.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import dev.sesame.common.FieldError;
import dev.sesame.common.InvalidInputException;
import dev.sesame.directory.ldap.LdapEndpoint;
import dev.sesame.provisioning.ProvisioningSystemId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An LDAP provisioning system's settings, read from {@code sesame.provisioning.systems.<name>.*}.
 * Keys are kebab-case; {@code bindDn} and {@code BIND_DN} are read as {@code bind-dn} too.
 */
record LdapConnectorSettings(
    String url,
    String bindDn,
    String bindPassword,
    DN peopleBase,
    String loginAttribute,
    Membership membership,
    boolean startTls,
    Flavour flavour,
    boolean followReferrals) {

  static final String URL = "url";
  static final String BIND_DN = "bind-dn";
  static final String BIND_PASSWORD = "bind-password";
  static final String PEOPLE_BASE = "people-base";
  static final String LOGIN_ATTRIBUTE = "login-attribute";
  static final String MEMBERSHIP_ATTRIBUTE = "membership-attribute";
  static final String START_TLS = "start-tls";
  static final String FLAVOUR = "flavour";
  static final String REFERRALS = "referrals";

  static final String DEFAULT_PEOPLE_BASE = "ou=people,dc=brightwave,dc=example";

  private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]*|[0-9]+(\\.[0-9]+)+");

  /** Every problem with these settings, each naming its key. */
  static List<FieldError> validate(Map<String, String> settings) {
    List<FieldError> errors = new ArrayList<>();
    read(settings, errors);
    return errors;
  }

  /** The settings, or an {@link InvalidInputException} listing every problem. */
  static LdapConnectorSettings from(Map<String, String> settings) {
    List<FieldError> errors = new ArrayList<>();
    LdapConnectorSettings read = read(settings, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return read;
  }

  /** Where and as whom to connect. */
  LdapEndpoint endpoint() {
    return new LdapEndpoint(url, bindDn, bindPassword, startTls);
  }

  @Override
  public String toString() {
    return "LdapConnectorSettings[url=" + url + ", bindDn=" + bindDn + ", peopleBase=" + peopleBase
        + ", loginAttribute=" + loginAttribute + ", membership=" + membership + ", startTls=" + startTls
        + ", flavour=" + flavour + ", followReferrals=" + followReferrals + "]";
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers
  // ---------------------------------------------------------------------------------------------

  private static LdapConnectorSettings read(Map<String, String> raw, List<FieldError> errors) {
    Map<String, String> settings = new HashMap<>();
    raw.forEach((key, value) -> settings.put(canonical(key), value == null ? "" : value.trim()));

    String url = settings.getOrDefault(canonical(URL), "");
    if (url.isEmpty()) {
      errors.add(new FieldError(URL, "is required, e.g. ldaps://ldap.example.com:636"));
    } else {
      LdapEndpoint.urlProblem(url).ifPresent(problem -> errors.add(new FieldError(URL, problem)));
    }

    String bindDn = settings.getOrDefault(canonical(BIND_DN), "");
    String bindPassword = settings.getOrDefault(canonical(BIND_PASSWORD), "");
    if (!bindDn.isEmpty()) {
      dn(bindDn, BIND_DN, errors);
      if (bindPassword.isEmpty()) {
        errors.add(new FieldError(BIND_PASSWORD, "is required when bind-dn is set"));
      }
    }

    DN peopleBase = dn(settings.getOrDefault(canonical(PEOPLE_BASE), DEFAULT_PEOPLE_BASE), PEOPLE_BASE, errors)
        .orElse(DN.NULL_DN);

    String flavourName = settings.getOrDefault(canonical(FLAVOUR), Flavour.LDAP.key());
    Optional<Flavour> flavour = Flavour.parse(flavourName);
    if (flavour.isEmpty()) {
      errors.add(new FieldError(FLAVOUR, "'" + flavourName + "' is not supported; use ldap or active-directory"));
    }
    Flavour chosen = flavour.orElse(Flavour.LDAP);

    String loginAttribute = settings.getOrDefault(canonical(LOGIN_ATTRIBUTE), "");
    if (loginAttribute.isEmpty()) {
      loginAttribute = chosen.defaultLoginAttribute();
    }
    if (!ATTRIBUTE_NAME.matcher(loginAttribute).matches()) {
      errors.add(new FieldError(LOGIN_ATTRIBUTE, "'" + loginAttribute + "' is not an attribute name, e.g. uid"));
    }

    String membershipName = settings.getOrDefault(canonical(MEMBERSHIP_ATTRIBUTE), Membership.MEMBER.attribute());
    Optional<Membership> membership = Membership.parse(membershipName);
    if (membership.isEmpty()) {
      errors.add(new FieldError(MEMBERSHIP_ATTRIBUTE,
          "'" + membershipName + "' is not supported; use member, uniqueMember or memberUid"));
    }

    if (chosen == Flavour.ACTIVE_DIRECTORY && membership.isPresent() && membership.get() != Membership.MEMBER) {
      errors.add(new FieldError(MEMBERSHIP_ATTRIBUTE, "Active Directory groups list their members in member; "
          + "set membership-attribute to member (or flavour to ldap)"));
    }

    String referrals = settings.getOrDefault(canonical(REFERRALS), "ignore").toLowerCase(Locale.ROOT);
    if (!referrals.equals("ignore") && !referrals.equals("follow")) {
      errors.add(new FieldError(REFERRALS, "must be ignore or follow"));
    }

    String startTlsText = settings.getOrDefault(canonical(START_TLS), "false").toLowerCase(Locale.ROOT);
    if (!startTlsText.equals("true") && !startTlsText.equals("false")) {
      errors.add(new FieldError(START_TLS, "must be true or false"));
    }
    boolean startTls = startTlsText.equals("true");
    if (startTls && url.toLowerCase(Locale.ROOT).startsWith("ldaps:")) {
      errors.add(new FieldError(START_TLS, "must be false with an ldaps:// url, which already uses TLS"));
    }

    return new LdapConnectorSettings(url, bindDn, bindPassword, peopleBase, loginAttribute,
        membership.orElse(Membership.MEMBER), startTls, chosen, referrals.equals("follow"));
  }

  private static Optional<DN> dn(String value, String key, List<FieldError> errors) {
    try {
      return Optional.of(new DN(value));
    } catch (LDAPException e) {
      errors.add(new FieldError(key, "'" + value + "' is not a DN: " + e.getMessage()));
      return Optional.empty();
    }
  }

  private static String canonical(String key) {
    return key.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
  }

  // ---------------------------------------------------------------------------------------------
  // Nested types
  // ---------------------------------------------------------------------------------------------

  /** Which kind of directory server this is; Active Directory gets its own lookups and checks. */
  enum Flavour {
    /** Any LDAP server (OpenLDAP, 389, ...): people found by {@code uid}, direct membership. */
    LDAP("ldap", "uid"),
    /**
     * Active Directory: people found by {@code sAMAccountName} (or {@code userPrincipalName}),
     * membership checked transitively with the in-chain matching rule, large {@code member}
     * attributes read in ranges.
     */
    ACTIVE_DIRECTORY("active-directory", "sAMAccountName");

    private final String key;
    private final String defaultLoginAttribute;

    Flavour(String key, String defaultLoginAttribute) {
      this.key = key;
      this.defaultLoginAttribute = defaultLoginAttribute;
    }

    /** The setting's value. */
    String key() {
      return key;
    }

    /** The login attribute when none is set. */
    String defaultLoginAttribute() {
      return defaultLoginAttribute;
    }

    static Optional<Flavour> parse(String text) {
      String wanted = text.trim().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
      if (wanted.equals("ad")) {
        return Optional.of(ACTIVE_DIRECTORY);
      }
      return Arrays.stream(values()).filter(f -> f.key.equals(wanted)).findFirst();
    }
  }

  /** The attribute of a group that lists its members, and what it holds. */
  enum Membership {
    /** {@code groupOfNames} (and Active Directory's {@code group}): the members' DNs. */
    MEMBER("member", true, "groupOfNames", "group", "groupOfMembers"),
    /** {@code groupOfUniqueNames}: the members' DNs. */
    UNIQUE_MEMBER("uniqueMember", true, "groupOfUniqueNames"),
    /** {@code posixGroup}: the members' logins. */
    MEMBER_UID("memberUid", false, "posixGroup");

    private final String attribute;
    private final boolean holdsDn;
    private final List<String> objectClasses;

    Membership(String attribute, boolean holdsDn, String... objectClasses) {
      this.attribute = attribute;
      this.holdsDn = holdsDn;
      this.objectClasses = List.of(objectClasses);
    }

    /**
     * Why a connection writing this attribute cannot use the group, judged by its object classes,
     * and how to fix it; empty when one of its classes lists members in this attribute.
     */
    Optional<String> problemWith(Entry group, ProvisioningSystemId system) {
      if (objectClasses.stream().anyMatch(group::hasObjectClass)) {
        return Optional.empty();
      }
      Optional<Membership> fits = Arrays.stream(values())
          .filter(m -> m.objectClasses.stream().anyMatch(group::hasObjectClass)).findFirst();
      String classes = String.join(", ", Optional.ofNullable(group.getObjectClassValues()).orElse(new String[0]));
      return Optional.of(group.getDN() + " is a " + classes + " group, but " + system.value() + " writes members to "
          + attribute + (fits.isPresent()
              ? ", which it does not have; set " + system.value() + "'s membership-attribute to "
                  + fits.get().attribute + ", or pick a " + String.join(" or ", objectClasses) + " group"
              : "; pick a " + String.join(" or ", objectClasses) + " group"));
    }

    /** The attribute's name. */
    String attribute() {
      return attribute;
    }

    /** True when the values are DNs, false when they are logins. */
    boolean holdsDn() {
      return holdsDn;
    }

    static Optional<Membership> parse(String text) {
      return Arrays.stream(values()).filter(m -> m.attribute.equalsIgnoreCase(text.trim())).findFirst();
    }
  }
}
