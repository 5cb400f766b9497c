package dev.sesame.provisioning;

import dev.sesame.directory.Person;
import java.util.Optional;

/**
 * One configured connection to an identity system. Writes are idempotent: "already a member" and
 * "already removed" come back as {@link WriteResult.AlreadyInState}. Unreachable systems throw
 * {@link dev.sesame.common.UnavailableException}.
 */
public interface Connector {

  /** Binds or calls the system once and says whether it can be used. */
  ConnectionCheck testConnection();

  /** The group with this external ID, empty when the system has no such group. */
  Optional<GroupInfo> findGroup(GroupExternalId group);

  /** True when the person is a member of the group, read from the system itself. */
  boolean isMember(Person person, GroupExternalId group);

  /** Makes the person a member of the group. */
  WriteResult addMember(Person person, GroupExternalId group);

  /** Makes sure the person is not a member of the group. */
  WriteResult removeMember(Person person, GroupExternalId group);
}
