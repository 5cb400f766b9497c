package dev.sesame.directory.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RDN;
import dev.sesame.directory.EmploymentType;
import dev.sesame.directory.Person;
import dev.sesame.directory.PersonId;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads people from directory entries: which attribute means what. */
final class PersonEntries {

  static final String LOGIN = "uid";
  static final String MANAGER = "manager";

  /** The attributes a person is read from. */
  static final String[] ATTRIBUTES = {
    LOGIN, "mail", "displayName", "cn", "title", "departmentNumber", "l", "c", "employeeType", MANAGER,
    "nsAccountLock", "pwdAccountLockedTime"
  };

  private static final Logger log = LoggerFactory.getLogger(PersonEntries.class);

  private PersonEntries() {}

  /** The person this entry describes; {@code groups} and {@code manager} were read separately. */
  static Person toPerson(PersonId id, Entry entry, Optional<PersonId> manager, Set<String> groups) {
    return new Person(
        id,
        text(entry, "mail"),
        Optional.ofNullable(entry.getAttributeValue("displayName")).orElse(text(entry, "cn")),
        text(entry, "title"),
        text(entry, "departmentNumber"),
        text(entry, "l"),
        text(entry, "c"),
        employmentType(entry),
        manager.orElse(null),
        groups,
        isActive(entry));
  }

  /** The same person with other groups. */
  static Person withGroups(Person person, Set<String> groups) {
    return new Person(person.id(), person.email(), person.displayName(), person.title(), person.department(),
        person.location(), person.country(), person.employmentType(), person.manager(), groups, person.active());
  }

  /**
   * False when the account is locked: {@code nsAccountLock: true} (389 DS, FreeIPA) or any {@code
   * pwdAccountLockedTime} (OpenLDAP ppolicy). Everyone else is active.
   */
  static boolean isActive(Entry entry) {
    boolean locked = "true".equalsIgnoreCase(entry.getAttributeValue("nsAccountLock"))
        || entry.hasAttribute("pwdAccountLockedTime");
    return !locked;
  }

  /**
   * The person's employment type; full-time when the entry has none.
   *
   * <p>NB. a value we do not know (e.g. "vendor") reads as contractor, not full-time: access rules
   * often grant more to full-time staff, and a typo in the directory must not widen access.
   */
  static EmploymentType employmentType(Entry entry) {
    String value = entry.getAttributeValue("employeeType");
    if (value == null || value.isBlank()) {
      return EmploymentType.FULL_TIME;
    }
    return EmploymentType.parse(value).orElseGet(() -> {
      log.warn("{} has employeeType '{}', which is not one of full-time, contractor, intern; treated as contractor",
          entry.getDN(), value);
      return EmploymentType.CONTRACTOR;
    });
  }

  /** The login of the person entry with this DN when its RDN is {@code uid=…}, without a lookup. */
  static Optional<PersonId> loginFromRdn(DN dn) {
    RDN rdn = dn.getRDN();
    if (rdn == null || !rdn.hasAttribute(LOGIN)) {
      return Optional.empty();
    }
    for (int i = 0; i < rdn.getAttributeNames().length; i++) {
      if (rdn.getAttributeNames()[i].equalsIgnoreCase(LOGIN)) {
        return PersonId.parse(rdn.getAttributeValues()[i]);
      }
    }
    return Optional.empty();
  }

  /** The login in the entry's {@code uid}, empty when it has none or it is not a login. */
  static Optional<PersonId> login(Entry entry) {
    String value = entry.getAttributeValue(LOGIN);
    return value == null ? Optional.empty() : PersonId.parse(value);
  }

  /** The DN in this attribute value, empty (and logged) when it is not a DN. */
  static Optional<DN> dn(@Nullable String value, Entry where) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new DN(value));
    } catch (LDAPException e) {
      log.debug("{} holds '{}', which is not a DN; ignored", where.getDN(), value);
      return Optional.empty();
    }
  }

  private static String text(Entry entry, String attribute) {
    String value = entry.getAttributeValue(attribute);
    return value == null ? "" : value.trim();
  }
}
