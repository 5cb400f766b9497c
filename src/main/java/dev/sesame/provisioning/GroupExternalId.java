package dev.sesame.provisioning;

/**
 * A group's ID in its provisioning system: the DN in LDAP and Active Directory, {@code 00g…} in
 * Okta, the object ID in Entra, the key or e-mail in Google, the group id in SCIM. Its syntax is
 * checked by the system's connector; here it is only non-blank and of sane length.
 */
public record GroupExternalId(String value) {

  public GroupExternalId {
    value = value.trim();
    if (value.isEmpty()) {
      throw new IllegalArgumentException("the external ID is empty");
    }
    if (value.length() > 1024) {
      throw new IllegalArgumentException("the external ID is longer than 1024 characters");
    }
  }

  @Override
  public String toString() {
    return "group:" + value;
  }
}
