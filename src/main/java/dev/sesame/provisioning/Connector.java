package dev.sesame.provisioning;

import dev.sesame.directory.Person;
import java.util.Optional;
import java.util.Set;

/**
 * One configured connection to an identity system: about five calls, read separated from write.
 *
 * <ul>
 *   <li>Writes are idempotent and minimal: one write call per grant, never a read of the group's
 *       member list first. "Already a member" and "already removed" come back as {@link
 *       WriteResult.AlreadyInState}; throttling, outages, 5xx and timeouts as {@link
 *       WriteResult.RetryLater} (with the system's own retry time when it gives one); a missing
 *       person or group, missing rights or wrong settings as {@link WriteResult.Rejected} with its
 *       {@link Refusal}.
 *   <li>Reads return {@code Optional} or a value; an unreachable system throws {@link
 *       dev.sesame.common.UnavailableException} (a {@link ThrottledException} when it said when to
 *       retry), a refusal for good throws {@link ConnectorRefusedException}.
 *   <li>Membership is never concluded from a partial read: when any page of a paged read fails,
 *       the check throws rather than answering "not a member".
 *   <li>{@link #capabilities()} declares the optional abilities (nested groups, listing members).
 * </ul>
 */
public interface Connector {

  /** Binds or calls the system once and says whether it can be used. */
  ConnectionCheck testConnection();

  /** What this system can do beyond the core contract; empty by default. */
  default Set<Capability> capabilities() {
    return Set.of();
  }

  /**
   * The person's account, found by login or e-mail ignoring case, keyed on the system's immutable
   * ID; empty when the system has no such account.
   */
  Optional<Account> findAccount(Person person);

  /** The group with this external ID, empty when the system has no such group. */
  Optional<GroupInfo> findGroup(GroupExternalId group);

  /** True when the person is a member of the group, read from the system itself. */
  boolean isMember(Person person, GroupExternalId group);

  /**
   * Whether the person is a member, transitively where the system nests groups, with the path when
   * the system says it. By default the direct answer of {@link #isMember}.
   */
  default Membership membership(Person person, GroupExternalId group) {
    return isMember(person, group) ? Membership.direct() : Membership.none();
  }

  /** Makes the person a member of the group. */
  WriteResult addMember(Person person, GroupExternalId group);

  /** Makes sure the person is not a member of the group. */
  WriteResult removeMember(Person person, GroupExternalId group);
}
