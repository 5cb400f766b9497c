package dev.sesame.catalog;

import dev.sesame.approval.PolicyName;
import dev.sesame.provisioning.GroupExternalId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One role of a role-based app, backed by one group.
 *
 * @param name canonical name, unique within the app
 * @param displayName what people see, e.g. "Read-only"
 * @param description what the role allows
 * @param externalId the backing group in the app's provisioning system
 * @param hint who the role suits, so the assistant can suggest it
 * @param approvalFlow the approval policy of this role's requests; null follows the app's
 * @param accessDuration whether access to this role may or must end on a date; null follows the app's
 */
public record Role(
    RoleName name, String displayName, String description, GroupExternalId externalId, String hint,
    @Nullable PolicyName approvalFlow, @Nullable AccessDuration accessDuration) {

  /** A role that follows the app's rule for end dates. */
  public Role(RoleName name, String displayName, String description, GroupExternalId externalId, String hint,
      @Nullable PolicyName approvalFlow) {
    this(name, displayName, description, externalId, hint, approvalFlow, null);
  }

  /** A role that follows the app's approval policy. */
  public Role(RoleName name, String displayName, String description, GroupExternalId externalId, String hint) {
    this(name, displayName, description, externalId, hint, null, null);
  }

  public Role {
    displayName = displayName.strip();
    description = description.strip();
    hint = hint.strip();
    if (displayName.isEmpty()) {
      displayName = name.value();
    }
  }

  /** The role's own rule for end dates, when it has one. */
  public Optional<AccessDuration> duration() {
    return Optional.ofNullable(accessDuration);
  }

  /** The role's own approval policy, when it has one. */
  public Optional<PolicyName> policy() {
    return Optional.ofNullable(approvalFlow);
  }
}
