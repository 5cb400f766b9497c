package dev.sesame.provisioning;

import java.util.Optional;

/**
 * A group as its system shows it, for the console's "Check" button and the check when an app is
 * saved.
 *
 * @param problem why this connection cannot write to the group and how to fix it (e.g. an LDAP
 *     {@code groupOfUniqueNames} group on a connection that writes {@code member}); empty when the
 *     group can be used
 */
public record GroupInfo(GroupExternalId id, String displayName, Optional<String> problem) {

  /** A group this connection can use. */
  public GroupInfo(GroupExternalId id, String displayName) {
    this(id, displayName, Optional.empty());
  }
}
