package dev.sesame.provisioning;

import java.util.List;

/**
 * Whether a person is a member of a group, read from the system itself and never concluded from a
 * partial read: a connector that could not read everything it needed throws instead.
 *
 * @param member true when the person is a member, directly or through nested groups
 * @param via the nested groups the membership goes through, outermost first; empty when it is
 *     direct, when the person is not a member, or when the system does not say the path
 */
public record Membership(boolean member, List<GroupExternalId> via) {

  public Membership {
    via = List.copyOf(via);
    if (!member && !via.isEmpty()) {
      throw new IllegalArgumentException("a non-member has no path");
    }
  }

  /** A direct member, or one whose path the system does not say. */
  public static Membership direct() {
    return new Membership(true, List.of());
  }

  /** A member through these nested groups, outermost first. */
  public static Membership through(List<GroupExternalId> via) {
    return new Membership(true, via);
  }

  /** Not a member. */
  public static Membership none() {
    return new Membership(false, List.of());
  }
}
