package dev.sesame.provisioning;

/**
 * Something a kind of system can do beyond the core contract (find a person, find a group, check,
 * add and remove a member). The console and reconciliation ask before relying on it.
 */
public enum Capability {
  /** Groups can hold groups, and the membership check follows them (transitively). */
  NESTED_GROUPS,
  /** A group's members can be listed (for reconciliation); never used for a grant or a check. */
  LIST_MEMBERS,
  /** The membership check names the nested groups it went through. */
  MEMBERSHIP_PATH,
  /** People are found by e-mail as well as by login. */
  FIND_BY_EMAIL,
  /** The system says when to retry after throttling (rate-limit reset, Retry-After). */
  RATE_LIMIT_HINTS
}
