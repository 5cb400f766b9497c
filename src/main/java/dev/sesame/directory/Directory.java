package dev.sesame.directory;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The company directory: who people are, who manages them, and who may sign in. */
public interface Directory {

  /** The person with this login, when the directory knows them. */
  Optional<Person> find(PersonId id);

  /**
   * The person with this login as the directory says now, bypassing any cache: for the moments
   * when a stale answer would be wrong (a decision, the start of provisioning).
   */
  Optional<Person> findFresh(PersonId id);

  /** Everyone in the directory, ordered by login. */
  List<Person> everyone();

  /** True when the password is the person's directory password (an LDAP bind succeeds). */
  boolean authenticate(PersonId id, String password);

  /** The direct members of the group with this common name, empty when there is no such group. */
  Set<PersonId> membersOf(String groupName);
}
