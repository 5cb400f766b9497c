package dev.sesame.catalog;

import dev.sesame.directory.PersonId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An app was saved, archived or imported. Published inside the transaction that changed it, so a
 * listener's own writes (closing the requests that depended on what went away) commit or roll
 * back with the change.
 *
 * @param before the app as it was; null when it was created
 * @param after the app as it is now
 * @param actor who changed it
 * @param heldAccess what the admin chose for the people who hold a deleted role; null when no
 *     deleted role was held
 */
public record AppChanged(@Nullable CatalogApp before, CatalogApp after, PersonId actor,
    HeldAccess.@Nullable Choice heldAccess) {

  /** The roles the app had before and no longer has (by canonical name). */
  public List<Role> removedRoles() {
    return removedRoles(before, after.entry());
  }

  static List<Role> removedRoles(@Nullable CatalogApp before, CatalogEntry after) {
    if (before == null) {
      return List.of();
    }
    return before.entry().roles().stream().filter(r -> after.role(r.name()).isEmpty()).toList();
  }
}
