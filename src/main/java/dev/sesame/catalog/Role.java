package dev.sesame.catalog;

import dev.sesame.provisioning.GroupExternalId;

/**
 * One role of a role-based app, backed by one group.
 *
 * @param name canonical name, unique within the app
 * @param displayName what people see, e.g. "Read-only"
 * @param description what the role allows
 * @param externalId the backing group in the app's provisioning system
 * @param hint who the role suits, so the assistant can suggest it
 */
public record Role(
    RoleName name, String displayName, String description, GroupExternalId externalId, String hint) {

  public Role {
    displayName = displayName.strip();
    description = description.strip();
    hint = hint.strip();
    if (displayName.isEmpty()) {
      displayName = name.value();
    }
  }
}
