package dev.sesame.provisioning;

/**
 * A person's immutable ID in a provisioning system: the entry DN in LDAP, {@code 00u…} in Okta, the
 * object ID in Entra. Logins and e-mails change; this does not.
 */
public record AccountId(String value) {

  public AccountId {
    value = value.trim();
    if (value.isEmpty()) {
      throw new IllegalArgumentException("the account ID is empty");
    }
  }

  @Override
  public String toString() {
    return "account:" + value;
  }
}
